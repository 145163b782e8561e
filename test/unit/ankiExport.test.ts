import * as assert from 'node:assert/strict';
import { ankiExport, ankiGuid } from '../../src/anki/ankiExport';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { shippedCatalog } from './helpers';

/** Reads the file the way Anki's importer does: `#key:value` headers, then tab-separated rows with CSV quoting. */
function parseAnki(text: string): { headers: Map<string, string>; rows: string[][] } {
  const headers = new Map<string, string>();
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (line === '') {
      continue;
    }
    const header = /^#([a-z ]+):(.*)$/.exec(line);
    if (header && rows.length === 0) {
      headers.set(header[1], header[2]);
      continue;
    }
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const q = line.indexOf('"', i);
          assert.notEqual(q, -1, `unclosed quote in: ${line.slice(0, 80)}`);
          value += line.slice(i, q);
          if (line[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        fields.push(value);
        assert.ok(i === line.length || line[i] === '\t', 'a tab after each quoted field');
        i++;
      } else {
        const tab = line.indexOf('\t', i);
        fields.push(line.slice(i, tab === -1 ? line.length : tab));
        i = tab === -1 ? line.length + 1 : tab + 1;
      }
    }
    rows.push(fields);
  }
  return { headers, rows };
}

describe('export to Anki', () => {
  const catalog = shippedCatalog();
  const renderer = new MarkdownRenderer();
  const options = { render: (m: string) => renderer.render(m), renderInline: (m: string) => renderer.renderInline(m), linkFor: (id: string) => `vscode://mlprep.ml-interview-prep/open?id=${id}` };

  it('writes the headers Anki reads and one note per entry: guid, front, back, tags', () => {
    const { headers, rows } = parseAnki(ankiExport(catalog, { kind: 'all' }, options));
    assert.equal(headers.get('separator'), 'tab');
    assert.equal(headers.get('html'), 'true');
    assert.equal(headers.get('notetype'), 'Basic');
    assert.equal(headers.get('guid column'), '1');
    assert.equal(headers.get('tags column'), '4');
    assert.equal(rows.length, catalog.questions.length + catalog.concepts.length);
    assert.ok(rows.every((r) => r.length === 4), 'four columns on every row');
    assert.equal(new Set(rows.map((r) => r[0])).size, rows.length, 'guids are unique');
  });

  it('keeps guids stable across exports, so a re-export updates the same notes', () => {
    const a = parseAnki(ankiExport(catalog, { kind: 'all' }, options)).rows.map((r) => r[0]);
    const b = parseAnki(ankiExport(catalog, { kind: 'topic', id: 'llm' }, options)).rows.map((r) => r[0]);
    assert.ok(b.every((g) => a.includes(g)));
    assert.equal(ankiGuid('kv-cache'), 'mlprep-kv-cache');
  });

  it('puts the question on the front, the short answer, key points and a link on the back, and tags topic, section and difficulty', () => {
    const q = catalog.question('kv-cache-inference')!;
    const row = parseAnki(ankiExport(catalog, { kind: 'ids', ids: [q.id], label: 'one' }, options)).rows[0];
    assert.equal(row[1], q.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    assert.match(row[2], /<ul><li>/);
    assert.ok(row[2].includes('vscode://mlprep.ml-interview-prep/open?id=kv-cache-inference'));
    assert.ok(!/[\t\n]/.test(row[2]));
    assert.deepEqual(row[3].split(' '), ['topic::llm', `section::${q.section.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, `difficulty::${q.difficulty}`]);
  });

  it('exports only safe HTML: raw HTML in content is escaped, math stays MathML', () => {
    const { rows } = parseAnki(ankiExport(catalog, { kind: 'all' }, options));
    for (const r of rows) {
      assert.doesNotMatch(r[2], /<script|<iframe|<img|\son[a-z]+=/i);
    }
    assert.ok(rows.some((r) => r[2].includes('<math')), 'some backs carry MathML');
  });

  it('exports a study path in its order', () => {
    const path = catalog.paths[0];
    const { rows } = parseAnki(ankiExport(catalog, { kind: 'path', id: path.id }, options));
    assert.deepEqual(rows.map((r) => r[0]), path.firstQuestions.map(ankiGuid));
  });
});
