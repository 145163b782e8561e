import * as assert from 'node:assert/strict';
import { historyNav } from '../../src/panel/historyNav';

describe('answer panel history buttons', () => {
  const titles: Record<string, string> = { a: 'KV cache', b: 'Attention <is> "all"' };
  const titleOf = (id: string) => titles[id] ?? id;

  it('disables the buttons with nowhere to go', () => {
    const html = historyNav(undefined, undefined, titleOf);
    assert.match(html, /data-action="back"[^>]* disabled>← Back/);
    assert.match(html, /data-action="forward"[^>]* disabled>Forward →/);
  });

  it('names where each goes, with its key, escaped', () => {
    const html = historyNav('a', 'b', titleOf);
    assert.match(html, /data-action="back" aria-keyshortcuts="Alt\+ArrowLeft" title="Back to KV cache \(Alt\+Left\)">/);
    assert.ok(html.includes('title="Forward to Attention &lt;is&gt; &quot;all&quot; (Alt+Right)"'), html);
    assert.doesNotMatch(html, /disabled/);
  });
});
