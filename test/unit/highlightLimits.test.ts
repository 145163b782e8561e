import * as assert from 'node:assert/strict';
import { HIGHLIGHT_BUDGET, HIGHLIGHT_LIMIT_CHARS, HIGHLIGHT_LINE_LIMIT_CHARS, highlightCost, MarkdownRenderer } from '../../src/panel/markdownRenderer';

const block = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\`\n`;
const highlighted = (html: string) => html.includes('class="hljs-');

describe('highlighting limits', () => {
  const renderer = new MarkdownRenderer();

  it('highlights ordinary code', () => {
    assert.ok(highlighted(renderer.render(block('python', 'def f(x):\n    return x  # identity'))));
  });

  it('shows a block with a line past the line limit as plain, escaped text', () => {
    const code = `# ${' '.repeat(HIGHLIGHT_LINE_LIMIT_CHARS)}<script>alert(1)</script>`;
    const html = renderer.render(block('python', code));
    assert.ok(!highlighted(html));
    assert.ok(html.includes('&lt;script&gt;') && !html.includes('<script>'));
    assert.equal(highlightCost(code), undefined);
  });

  it('shows a block past the size limit as plain text', () => {
    const code = 'x = 1\n'.repeat(Math.ceil(HIGHLIGHT_LIMIT_CHARS / 6) + 1);
    assert.ok(!highlighted(renderer.render(block('python', code))));
  });

  it('stops highlighting once one render has spent its budget, and starts afresh on the next', () => {
    const line = `# ${'a '.repeat(HIGHLIGHT_LINE_LIMIT_CHARS / 2 - 2)}`;
    // About a third of the budget per block.
    const heavy = Array.from({ length: Math.floor(HIGHLIGHT_BUDGET / 3 / line.length ** 2) }, () => line).join('\n');
    const cost = highlightCost(heavy) ?? 0;
    const blocks = Math.ceil(HIGHLIGHT_BUDGET / cost) + 1;
    const html = renderer.render(Array.from({ length: blocks }, () => block('python', heavy)).join('\n'));
    const parts = html.split('<pre>').slice(1);
    assert.equal(parts.length, blocks);
    assert.ok(highlighted(parts[0]), 'the first block is highlighted');
    assert.ok(!highlighted(parts[parts.length - 1]), 'the last is plain');
    assert.ok(highlighted(renderer.render(block('python', heavy))), 'a new render has a new budget');
  });
});
