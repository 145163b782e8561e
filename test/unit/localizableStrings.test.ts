import * as assert from 'node:assert/strict';
import { findLiteralStrings, looksLikeWords } from './literalStrings';

const found = (source: string): string[] => findLiteralStrings('x.ts', source).map((f) => f.text);

describe('user-visible strings go through l10n', () => {
  it('finds English outside l10n: messages, labels, single words, HTML text and read attributes', () => {
    assert.deepEqual(found(`vscode.window.showInformationMessage('Nothing is due');`), ['Nothing is due']);
    assert.deepEqual(found(`const item = { label: 'Again' };`), ['Again']);
    assert.deepEqual(found(`const s = '$(check) Practiced';`), ['$(check) Practiced']);
    assert.equal(found('const h = `<button class="grade">${n} more left</button>`;').length, 1);
    assert.equal(found('const h = `<span aria-label="Close panel"></span>`;').length, 1);
    assert.equal(found('const m = cond ? `x` : `Could not read ${file}`;').length, 1);
    assert.equal(found('const m = `${a} ${b}`; const n = `${a}: ${b}`;').length, 0);
    assert.equal(found('throw new SchemaError(`entry is missing a field`);').length, 1);
  });

  it('allows l10n, logs, ids, markup, comparisons, keys and marked lines', () => {
    const ok = [
      `vscode.l10n.t('Nothing is due');`,
      `l10n.t({ message: 'Open {0}', args: [x], comment: ['a title'] });`,
      `vscode.l10n.t('Saved {0}', cond ? 'ok' : 'Not this');`,
      `this.logger.warn('exercises: could not read the file');`,
      `deps.logger.error(\`drill: saving \${id}\`, e);`,
      `console.log('Build finished in time');`,
      `throw new Error('unreachable state reached');`,
      `import { x } from 'some module';`,
      `const id = 'mlPrep.openAnswer';`,
      `const cls = '<div class="drill grade-row" id="main"></div>';`,
      `if (kind === 'Study path') {}`,
      `switch (k) { case 'Study path': break; }`,
      `const o = { 'Content-Type': 1 };`,
      `type T = 'Study path' | 'Other thing';`,
      `const p = '<style>.a { border: 1px solid red; }</style>';`,
      `const n = 'Porter stemmer'; // l10n-ignore: a library name`,
      `// l10n-ignore: the product name\nconst n = 'ML Interview Prep';`,
    ];
    for (const source of ok) {assert.deepEqual(found(source), [], source);}
  });

  it('reads only text and read attributes in HTML', () => {
    assert.equal(looksLikeWords('<p class="key points">&nbsp;</p>'), false);
    assert.equal(looksLikeWords('<p>Key points</p>'), true);
    assert.equal(looksLikeWords('<img alt="Weekly reviews">'), true);
  });
});
