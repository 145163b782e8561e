import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { FILE_LIMIT_CHARS, FRONT_MATTER_LIMIT_CHARS, parseFrontMatter } from '../../src/catalog/compile/frontMatter';

const errorsOf = (text: string) => parseFrontMatter(text).errors.map((e) => `${e.line}: ${e.message}`);

describe('parseFrontMatter', () => {
  it('reads fields, their lines, the body and where it starts', () => {
    const parsed = parseFrontMatter('---\nid: x\ntags:\n  - a\n---\nBody line\n');
    assert.deepEqual(parsed.fields, { id: 'x', tags: ['a'] });
    assert.equal(parsed.fieldLines.get('tags'), 3);
    assert.equal(parsed.body, 'Body line\n');
    assert.equal(parsed.bodyLine, 6);
    assert.deepEqual(parsed.errors, []);
  });

  it('reads CRLF files and a byte-order mark with the same lines', () => {
    const parsed = parseFrontMatter('\uFEFF---\r\nid: x\r\n---\r\nBody\r\n');
    assert.deepEqual(parsed.fields, { id: 'x' });
    assert.equal(parsed.bodyLine, 4);
  });

  it('never runs a front-matter engine: ---js, ---coffee and --- yaml are problems on line 1', () => {
    const marker = '/tmp/mlprep-front-matter-pwned';
    rmSync(marker, { force: true });
    const js = `---js\n(require('child_process').execSync('touch ${marker}'), { id: 'x' })\n---\nBody`;
    for (const text of [js, '---coffee\nid: x\n---\n', '--- yaml\nid: x\n---\n', '----\nid: x\n---\n']) {
      const parsed = parseFrontMatter(text);
      assert.equal(parsed.fields, undefined);
      assert.match(parsed.errors[0].message, /^front matter must start with a line of exactly three dashes/);
      assert.equal(parsed.errors[0].line, 1);
    }
    assert.equal(existsSync(marker), false, 'no code ran');
  });

  it('treats YAML tags as data: no custom or JavaScript tags', () => {
    const parsed = parseFrontMatter('---\nid: !!js/function "function () { return 1 }"\n---\n');
    assert.ok(parsed.fields === undefined || typeof parsed.fields.id === 'string', 'never a function');
  });

  it('reports an unclosed front matter', () => {
    assert.deepEqual(errorsOf('---\nid: x\nbody without end'), ['1: front matter is not closed: add a line "---" after the fields']);
  });

  it('reports a duplicate field on its line, in linear time', () => {
    assert.deepEqual(errorsOf('---\nid: x\ntitle: a\nid: y\n---\n'), ['4: field "id" is given twice']);
    const many = Array.from({ length: 800 }, (_, i) => `k${i}: v`).join('\n');
    const parsed = parseFrontMatter(`---\n${many}\nk5: again\n---\n`);
    assert.deepEqual(parsed.errors.map((e) => e.message), ['field "k5" is given twice']);
  });

  it('caps the front matter and the file, naming the limit', () => {
    const hugeMatter = `---\n${'k: v\n'.repeat(FRONT_MATTER_LIMIT_CHARS / 4)}---\n`;
    assert.deepEqual(errorsOf(hugeMatter), ['1: front matter is too large: at most 8,192 characters']);
    const unclosedHuge = `---\n${'k: v\n'.repeat(FRONT_MATTER_LIMIT_CHARS / 4)}`;
    assert.deepEqual(errorsOf(unclosedHuge), ['1: front matter is too large: at most 8,192 characters']);
    const hugeFile = `---\nid: x\n---\n${'x'.repeat(FILE_LIMIT_CHARS)}`;
    assert.match(errorsOf(hugeFile)[0], /^1: file is too large: 1,000,0\d\d characters, at most 1,000,000$/);
  });

  it('reads a file that ends right after the closing fence', () => {
    const parsed = parseFrontMatter('---\nid: x\n---');
    assert.deepEqual(parsed.fields, { id: 'x' });
    assert.equal(parsed.body, '');
  });
});
