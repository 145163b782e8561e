// Math that KaTeX did not take is shown to the reader as raw `$...$`; catch it at build time.
import * as assert from 'node:assert/strict';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { shippedCatalog } from './helpers';

/** Dollar signs a reader would see in the rendered text, outside code and math. */
export function strayDollars(renderer: MarkdownRenderer, markdown: string): number {
  const html = renderer.render(markdown);
  const text = html
    .replace(/<pre[\s\S]*?<\/pre>/g, '')
    .replace(/<code[\s\S]*?<\/code>/g, '')
    .replace(/<math[\s\S]*?<\/math>/g, '')
    .replace(/<[^>]+>/g, '');
  const shown = (text.match(/\$/g) ?? []).length;
  // An escaped \$ is a dollar the writer meant to show.
  const meant = (markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '').match(/\\\$/g) ?? []).length;
  return shown - meant;
}

describe('math in shipped content', () => {
  const renderer = new MarkdownRenderer();

  it('detects a closing $ followed by a letter, which KaTeX leaves unrendered', () => {
    assert.equal(strayDollars(renderer, 'about $150{,}528 \\times 4{,}096 \\approx 617$M weights'), 2);
    assert.equal(strayDollars(renderer, 'about $617\\text{M}$ weights'), 0);
    assert.equal(strayDollars(renderer, 'costs \\$5 a month'), 0);
    assert.equal(strayDollars(renderer, 'code `$x` is fine'), 0);
  });

  it('renders every formula of every question, concept and topic', () => {
    const catalog = shippedCatalog();
    const bad: string[] = [];
    const entries = [...catalog.questions, ...catalog.concepts, ...catalog.topics];
    for (const entry of entries) {
      const stray = strayDollars(renderer, entry.body);
      const html = renderer.render(entry.body);
      if (stray !== 0 || html.includes('katex-error')) {
        bad.push(`${entry.id}: ${stray} stray $${html.includes('katex-error') ? ', KaTeX error' : ''}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});
