// The drill's rough edges from issue 19, driven as a user would in the light theme: focus after
// Reveal, grade buttons that say the next interval, undo, Again re-queued, the summary, and the
// dashboard's actions starting a drill.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { defaultVsix, openFile, runCommand, startSession, step, waitFor, type Session } from './harness';
import { builtCatalog, editorGroups, quickPickRow } from './scenarios';

/** The drill's frame once its heading reads `title` and its actions are there. */
async function drillFrame(s: Session, title: string): Promise<Frame> {
  return step(`the drill to show "${title}"`, () =>
    waitFor(async () => {
      for (const frame of s.page.frames()) {
        const h1 = await frame.$('main#entry h1').catch(() => null);
        if (h1 && (await h1.textContent())?.trim() === title && (await frame.$('button[data-action]'))) {
          return frame;
        }
      }
      return undefined;
    }, 20_000),
  );
}

async function breadcrumb(frame: Frame): Promise<string> {
  return ((await frame.locator('.breadcrumb').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the drill: focus, intervals, undo, re-queue and summary', function () {
  let s: Session;

  before(async function () {
    s = await startSession({ vsix: defaultVsix(), theme: 'Default Light Modern' });
  });

  after(async function () {
    await s?.stop();
  });

  it('reveals to the answer heading, labels grades with their interval, undoes a grade and re-queues Again', async function () {
    const catalog = builtCatalog();
    const topic = catalog.questions.filter((q) => q.topic === 'deep-learning');
    const [first, second] = topic;
    await openFile(s.page, 'train.py');
    await runCommand(s.page, 'ML Prep: Start Practice');
    await quickPickRow(s.page, 'Deep Learning').click();

    let frame = await drillFrame(s, first.title);
    assert.match(await breadcrumb(frame), new RegExp(`1 of ${topic.length}$`));
    await step('the live region to announce the question', () =>
      frame.locator('[aria-live="polite"]', { hasText: `Question 1 of ${topic.length}` }).waitFor({ state: 'attached' }),
    );

    // My answer opens in the drill's group: still two columns, code and drill.
    await frame.locator('button[data-action="myAnswer"]').click();
    await step('my answer to open in the drill group', () => s.page.locator(`.tabs-container .tab.active[aria-label^="${first.id}.md"]`).first().waitFor());
    assert.equal(await editorGroups(s.page).count(), 2, 'no third column');
    await s.page.locator('.tabs-container .tab[aria-label^="Practice"]').first().click();
    frame = await drillFrame(s, first.title);

    await frame.locator('button[data-action="reveal"]').click();
    await step('the answer heading to take the focus', () =>
      waitFor(async () => (await frame.evaluate(() => document.activeElement?.id)) === 'model-answer'),
    );
    const good = frame.locator('button[data-grade="3"]');
    assert.match(((await good.textContent()) ?? '').trim(), /^Good · \d+(m|h|d|mo|y) 3$/);
    assert.match((await good.getAttribute('aria-label')) ?? '', /^Good: next review in \d+ (minute|hour|day|month|year)s?, key 3$/);
    assert.match((await frame.locator('button[data-grade="1"]').getAttribute('aria-label')) ?? '', /^Again: next review in \d+ minutes?/);

    // Again: the question goes to the end of the queue.
    await s.page.keyboard.press('1');
    frame = await drillFrame(s, second.title);
    assert.match(await breadcrumb(frame), new RegExp(`2 of ${topic.length + 1}$`), 'Again re-queued the first question');
    assert.equal(await frame.locator('button[data-action="undo"]').count(), 1);

    // Ctrl+Z: back to the first question, its re-queued copy gone.
    await frame.locator('#entry-title').click();
    await s.page.keyboard.press('Control+z');
    frame = await drillFrame(s, first.title);
    assert.match(await breadcrumb(frame), new RegExp(`1 of ${topic.length}$`), 'undo took the re-queue back');
    assert.equal(await frame.locator('button[data-action="undo"]').count(), 0, 'nothing left to undo');

    await frame.locator('button[data-action="reveal"]').click();
    await frame.locator('#model-answer').waitFor();
    await s.page.keyboard.press('1');
    await drillFrame(s, second.title);
  });

  it('the dashboard has legible charts, and "Review 1 due" starts a drill that ends in a summary', async function () {
    const catalog = builtCatalog();
    const [first] = catalog.questions.filter((q) => q.topic === 'deep-learning');
    await runCommand(s.page, 'ML Prep: Show Progress');
    const dash = await step('the dashboard with its actions', () =>
      waitFor(async () => {
        for (const f of s.page.frames()) {
          if ((await f.$('button[data-action="startReview"]').catch(() => null)) !== null) {
            return f;
          }
        }
        return undefined;
      }, 20_000),
    );
    assert.ok((await editorGroups(s.page).count()) <= 2, 'the dashboard adds no third column');
    // No named helpers inside evaluate: the test's compiler would wrap them in a function the page lacks.
    const sizes = await dash.evaluate(() =>
      ['.chart-label', '.chart-value', 'body'].map((sel) => {
        const el = document.querySelector(sel);
        return el ? parseFloat(getComputedStyle(el).fontSize) : 0;
      }),
    );
    const [label, value, body] = sizes;
    assert.ok(label >= body && value >= body && body >= 12, `chart text at least the UI font size: ${JSON.stringify(sizes)}`);
    assert.equal(await dash.locator('.chart svg text').count(), 0, 'no text drawn inside SVG');
    await s.screenshot('progress-dashboard');

    await dash.locator('button[data-action="startReview"]', { hasText: 'Review 1 due' }).click();
    let frame = await drillFrame(s, first.title);
    assert.match(await breadcrumb(frame), /1 of 1$/);
    await frame.locator('button[data-action="reveal"]').click();
    await frame.locator('#model-answer').waitFor();
    await frame.locator('button[data-grade="2"]').click();

    frame = await drillFrame(s, 'Practice complete');
    await step('the summary to count the grade and offer the weak one again', async () => {
      await frame.locator('.summary-line', { hasText: /^1 graded in \d+:\d\d\.$/ }).waitFor();
      await frame.locator('.grade-counts tr', { hasText: 'Hard' }).locator('td', { hasText: /^1$/ }).waitFor();
      await frame.locator('button[data-action="drillWeak"]', { hasText: 'Review weak ones again (1)' }).waitFor();
    });
    if (first.keyPoints.length > 0) {
      assert.ok((await frame.locator('.weak-points li').count()) > 0, 'the key points not ticked are listed');
    }
    await s.screenshot('drill-summary');
    await frame.locator('button[data-action="drillWeak"]').click();
    await drillFrame(s, first.title);
  });
});
