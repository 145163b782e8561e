import * as assert from 'node:assert/strict';
import { Catalog } from '../../src/catalog/catalog';
import { compileCatalog } from '../../src/catalog/compile/compileCatalog';
import { EntryHtmlBuilder } from '../../src/panel/entryHtml';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { contentSecurityPolicy, panelHtml, WebviewResources } from '../../src/panel/panelHtml';
import { file, validFiles } from './helpers';

const resources: WebviewResources = {
  cspSource: 'https://webview.test',
  asWebviewUri: (p) => `https://webview.test/ext/${p}`,
};

const HOSTILE = [
  '<script>window.pwned = 1</script>',
  '<img src=x onerror="window.pwned = 2">',
  '[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) [file](file:///etc/passwd)',
  '<a href="javascript:alert(3)">raw</a> <iframe src="https://evil.example"></iframe> <style>body{display:none}</style>',
  '![tracker](https://evil.example/pixel.png)',
  '$\\href{javascript:alert(4)}{x}$ and $\\htmlStyle{color:red}{y}$',
  'Unicode: 注意力 Ω ∑ 🚀 \u202Eevil\u202C',
].join('\n\n');

function hostileCatalog(): Catalog {
  const files = validFiles().map((f) =>
    f.path === 'questions/basics/what-is-bias.md'
      ? { ...f, text: f.text.replace('Deep.', HOSTILE).replace('"Bias is systematic error."', JSON.stringify('<b onmouseover="x()">hi</b>')) }
      : f,
  );
  files.push(
    file(
      'questions/basics/empty-answer.md',
      { id: 'empty-answer', title: '<script>alert(5)</script>', topic: 'basics', format: 'explain', difficulty: 'beginner', status: 'draft', summary: 'x' },
      '',
    ),
  );
  const { catalog, problems } = compileCatalog(files);
  assert.deepEqual(problems, []);
  return new Catalog(catalog!);
}

function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script(?![^>]*\bnonce=)/i, 'no script element without the nonce');
  assert.doesNotMatch(html, /<(img|iframe|style|object|embed)\b[^>]*>/i, 'no raw media or style elements');
  // Escaped text may contain these words; only attributes inside real tags matter.
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /<a\b[^>]*href\s*=\s*["']?\s*(javascript|data|vbscript|file):/i, 'no dangerous link schemes');
  assert.doesNotMatch(html, /<[a-z][^>]*\sstyle\s*=/i, 'no inline styles (the CSP would block them anyway)');
}

describe('answer panel HTML', () => {
  const markdown = new MarkdownRenderer();

  it('has a strict CSP with a nonce on every script and no remote sources', () => {
    const html = panelHtml(resources, 'Title', '<p>x</p>', { entryId: 'x', pinned: false }, 'NONCE123');
    const csp = contentSecurityPolicy(resources.cspSource, 'NONCE123');
    assert.ok(html.includes(`content="${csp}"`));
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-NONCE123'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.includes('nonce="NONCE123"') && s.includes('src="https://webview.test/ext/dist/webview.js"')));
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/, 'no inline script body');
    const nonces = new Set(Array.from({ length: 5 }, () => /nonce="([^"]+)"/.exec(panelHtml(resources, 't', '', { entryId: 'x', pinned: false }))?.[1]));
    assert.equal(nonces.size, 5, 'a fresh nonce per document');
  });

  it('renders headings, MathML and highlighted code', () => {
    const html = markdown.render('## Deep dive\n\n$$\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V$$\n\n```python\nimport torch\n```\n');
    assert.match(html, /<h2 id="s-deep-dive">Deep dive<\/h2>/);
    assert.match(html, /<math[^>]*display="block"/);
    assert.match(html, /<span class="hljs-keyword">import<\/span>/);
  });

  it('renders hostile Markdown inert but readable', () => {
    const catalog = hostileCatalog();
    const builder = new EntryHtmlBuilder(catalog, markdown);
    const article = builder.build('what-is-bias', { practiced: false, pinned: false });
    assert.ok(article);
    assertInert(article);
    assert.ok(article.includes('&lt;script&gt;window.pwned = 1&lt;/script&gt;'), 'raw HTML is shown as text');
    assert.ok(article.includes('注意力 Ω ∑ 🚀'), 'unicode kept');
    assert.ok(article.includes('&lt;b onmouseover=&quot;x()&quot;&gt;hi&lt;/b&gt;'), 'summary escaped');
    const empty = builder.build('empty-answer', { practiced: false, pinned: false });
    assert.ok(empty);
    assertInert(empty);
    assert.match(empty, /No text yet/);
    assert.match(empty, /&lt;script&gt;alert\(5\)&lt;\/script&gt;/);
    assertInert(panelHtml(resources, '<script>x</script>', article, { entryId: '"><script>', pinned: false }).replace(/<script nonce="[^"]+" src="[^"]+"><\/script>/, ''));
  });

  it('renders a very long answer without losing its end', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} with $x_${i}$ and \`code\`.`).join('\n\n') + '\n\nTHE END';
    const html = markdown.render(long);
    assert.ok(html.endsWith('<p>THE END</p>\n'));
  });

  it('shows badges, the practiced toggle, links, key points and neighbours for a question', () => {
    const { catalog } = compileCatalog(validFiles());
    const builder = new EntryHtmlBuilder(new Catalog(catalog!), markdown);
    const html = builder.build('what-is-bias', { practiced: true, pinned: false }) ?? '';
    assert.match(html, /<button type="button" class="toggle-practiced" data-action="togglePracticed" data-id="what-is-bias" aria-pressed="true" title="Practiced\. Click to clear the mark and take the question out of review \(its review history is kept\)\.">Practiced ✓<\/button>/);
    assert.match(html, /<span class="badge practiced" data-practiced-badge>Practiced<\/span>/);
    assert.match(html, /<a href="mlprep:bias">Bias<\/a>/);
    assert.match(html, /<h2>Key points<\/h2><ul><li>One<\/li>/);
    assert.match(html, /class="previous" href="mlprep:draft-question"/);
    const draft = builder.build('draft-question', { practiced: false, pinned: true }) ?? '';
    assert.match(draft, /class="badge draft"[^>]*>Draft</);
    assert.match(draft, /data-action="pin" disabled/);
    const concept = builder.build('bias', { practiced: false, pinned: false }) ?? '';
    assert.match(concept, /<h2>Used in questions<\/h2><ul><li><a href="mlprep:what-is-bias">/);
    assert.doesNotMatch(concept, /togglePracticed/);
    assert.equal(builder.build('unknown-id', { practiced: false, pinned: false }), undefined);
  });
});
