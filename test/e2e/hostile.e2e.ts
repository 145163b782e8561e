import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openContainer, startSession, step, waitFor, type Session } from './harness';
import { answerFrame, expand, treeRow } from './scenarios';
import { EMPTY_TITLE, HOSTILE_TITLE, HUGE_TITLE, hostileContent, packageWithContent } from './variantVsix';

describe('hostile content renders inert and readable', function () {
  let s: Session;
  let vsix: string;

  before(async function () {
    vsix = packageWithContent(hostileContent(), 'hostile');
    s = await startSession({ vsix, theme: 'Default Light Modern' });
    await openContainer(s.page, 'ML Interview Prep');
    await expand(s.page, 'Hostile <b>topic</b>');
  });

  after(async function () {
    await s?.stop();
    if (vsix) {
      fs.rmSync(vsix, { force: true });
    }
  });

  it('runs no script and loads nothing, but shows the text', async function () {
    await treeRow(s.page, HOSTILE_TITLE).click();
    const frame = await answerFrame(s.page, HOSTILE_TITLE);
    await step('the raw <script> tag shown as text', () => frame.getByText('<script>window.pwned = "script"</script>', { exact: false }).first().waitFor());
    await step('unicode shown', () => frame.getByText('注意力机制', { exact: false }).first().waitFor());
    const found = await frame.evaluate(() => ({
      pwned: (window as unknown as { pwned?: unknown }).pwned,
      images: document.querySelectorAll('main img, main iframe, main svg, main style').length,
      // VS Code injects a script of its own into every webview; none may come from the content.
      scripts: document.querySelectorAll('main script, main noscript').length,
      dangerousLinks: Array.from(document.querySelectorAll('a')).filter((a) => /^(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? '')).length,
      handlers: Array.from(document.querySelectorAll('main *')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(found, { pwned: undefined, images: 0, scripts: 0, dangerousLinks: 0, handlers: 0 });
    await s.screenshot('hostile-answer');
  });

  it('follows a link after all that, and shows a huge answer to its end', async function () {
    const frame = await answerFrame(s.page, HOSTILE_TITLE);
    await frame.locator('a[href="mlprep:huge-answer"]').first().click();
    const huge = await answerFrame(s.page, HUGE_TITLE);
    const end = huge.getByText('THE END OF THE HUGE ANSWER');
    await end.scrollIntoViewIfNeeded();
    await step('the end of the huge answer to be visible', () => end.waitFor({ state: 'visible' }));
    await step('a draft badge on the draft', () => huge.locator('.badge.draft').first().waitFor());
  });

  it('shows an empty answer as empty, not broken', async function () {
    await treeRow(s.page, EMPTY_TITLE).click();
    const frame = await answerFrame(s.page, EMPTY_TITLE);
    await step('"No text yet." in the empty answer', () => frame.getByText('No text yet.').waitFor());
    const pwned = await waitFor(async () => ({ value: await frame.evaluate(() => (window as unknown as { pwned?: unknown }).pwned) }));
    assert.equal(pwned.value, undefined);
  });
});
