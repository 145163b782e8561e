import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import type { CatalogData, Question } from '../../src/catalog/types';
import { defaultVsix, openContainer, openFile, runCommand, startSession, step, waitFor, type Session } from './harness';
import { answerFrame, builtCatalog, editorGroups, questionWithMathAndCode, revealQuestionRow } from './scenarios';

/** Scrolls the page and waits two frames, by which the page has saved the offset in its state. */
async function scrollTo(frame: Frame, y: number): Promise<number> {
  return frame.evaluate(async (to) => {
    window.scrollTo(0, to);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return Math.round(window.scrollY);
  }, y);
}

const scrollY = (frame: Frame) => frame.evaluate(() => Math.round(window.scrollY));

describe('the answer panel keeps a history', function () {
  let s: Session;
  let catalog: CatalogData;
  let question: Question;
  let linked: { id: string; title: string };
  let next: Question;

  before(async function () {
    catalog = builtCatalog();
    question = questionWithMathAndCode(catalog);
    const entries = [...catalog.questions, ...catalog.concepts];
    const id = [...question.prerequisites, ...question.concepts, ...question.related][0];
    const target = entries.find((e) => e.id === id);
    assert.ok(target, `${question.id} links to another entry`);
    linked = { id: target.id, title: target.title };
    const topicQuestions = catalog.questions.filter((q) => q.topic === question.topic);
    next = topicQuestions[topicQuestions.indexOf(question) + 1];
    assert.ok(next, `${question.id} has a next question in its topic`);
    s = await startSession({ vsix: defaultVsix() });
  });

  after(async function () {
    await s?.stop();
  });

  const panelTab = (title: string) => s.page.locator(`.part.editor .tab[aria-label^="${title.replace(/["\\]/g, '\\$&')}"]`).first();
  const button = (frame: Frame, action: 'back' | 'forward') => frame.locator(`nav.history button[data-action="${action}"]`);

  it('shows the full title in the tab, and Back once a link was followed', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    await openFile(s.page, 'train.py');
    await (await revealQuestionRow(s.page, catalog, question)).click();
    let frame = await answerFrame(s.page, question.title);
    await step('the tab to carry the whole title, not one cut at 40 characters', () => panelTab(question.title).waitFor());
    await step('Back to be disabled on the first entry', () => waitFor(async () => button(frame, 'back').isDisabled()));

    await frame.locator(`section.links a[href="mlprep:${linked.id}"]`).first().click();
    frame = await answerFrame(s.page, linked.title);
    const back = button(frame, 'back');
    await step('Back to be enabled and to name where it goes', () =>
      waitFor(async () => (await back.isEnabled()) && (await back.getAttribute('title'))?.includes(question.title)),
    );
    await s.screenshot('answer-panel-history');
  });

  it('goes back with the button and with Alt+Left, forward with Alt+Right', async function () {
    let frame = await answerFrame(s.page, linked.title);
    await button(frame, 'back').click();
    frame = await answerFrame(s.page, question.title);
    await step('Forward to be enabled after going back', () => waitFor(async () => button(frame, 'forward').isEnabled()));
    await step('keyboard focus to stay on a history button', () =>
      waitFor(async () => frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action === 'forward')),
    );

    await s.page.keyboard.press('Alt+ArrowRight');
    frame = await answerFrame(s.page, linked.title);
    await frame.locator('main h1').click();
    await s.page.keyboard.press('Alt+ArrowLeft');
    await answerFrame(s.page, question.title);
  });

  it('keeps each entry where it was scrolled across a tab switch, also after the page was drawn anew', async function () {
    let frame = await answerFrame(s.page, question.title);
    const questionY = await scrollTo(frame, 700);
    assert.ok(questionY > 300, `the answer scrolls (${questionY})`);
    await s.page.keyboard.press('Alt+ArrowRight');
    frame = await answerFrame(s.page, linked.title);
    await step('a forward step to open at the top', () => waitFor(async () => (await scrollY(frame)) === 0));
    const linkedY = await scrollTo(frame, 150);

    // Another editor in the panel's group hides it; its webview is torn down until shown again.
    await panelTab(linked.title).click();
    await openFile(s.page, 'train.py');
    const hidden = frame;
    await step('the answer panel to be hidden', () => waitFor(async () => hidden.isDetached() || !(await hidden.locator('main').isVisible().catch(() => false))));
    await panelTab(linked.title).click();
    // The reloaded document was written for the first entry: the entry shown now must replace it.
    frame = await answerFrame(s.page, linked.title);
    await step(`"${linked.title}" back at its offset ${linkedY}`, () => waitFor(async () => Math.abs((await scrollY(frame)) - linkedY) <= 2));
    assert.equal(await frame.locator('main#entry.pending').count(), 0, 'the page is not left hidden');

    await frame.locator('main h1').click();
    await s.page.keyboard.press('Alt+ArrowLeft');
    frame = await answerFrame(s.page, question.title);
    await step(`"${question.title}" back at its offset ${questionY}`, () => waitFor(async () => Math.abs((await scrollY(frame)) - questionY) <= 2));
  });

  it('opens the next question with Alt+N while the panel is focused, and keeps the history over a reload', async function () {
    let frame = await answerFrame(s.page, question.title);
    await frame.locator('main h1').click();
    await s.page.keyboard.press('Alt+N');
    frame = await answerFrame(s.page, next.title);
    await step('Back to lead to the question before', () =>
      waitFor(async () => (await button(frame, 'back').getAttribute('title'))?.includes(question.title)),
    );

    await s.reload();
    frame = await answerFrame(s.page, next.title, 30_000);
    await step('after a reload, Back still leads to the question before', () =>
      waitFor(async () => (await button(frame, 'back').isEnabled()) && (await button(frame, 'back').getAttribute('title'))?.includes(question.title)),
    );
    await button(frame, 'back').click();
    frame = await answerFrame(s.page, question.title);
    await step('and Forward to lead to the next question again', () =>
      waitFor(async () => (await button(frame, 'forward').isEnabled()) && (await button(frame, 'forward').getAttribute('title'))?.includes(next.title)),
    );
  });

  it('goes forward and back with the mouse buttons', async function () {
    let frame = await answerFrame(s.page, question.title);
    const press = (f: Frame, button: number) =>
      f.evaluate((b) => {
        for (const type of ['mousedown', 'mouseup']) {
          document.querySelector('main h1')!.dispatchEvent(new MouseEvent(type, { button: b, bubbles: true, cancelable: true }));
        }
      }, button);
    await press(frame, 4);
    frame = await answerFrame(s.page, next.title);
    await press(frame, 3);
    await answerFrame(s.page, question.title);
  });

  it('follows the reading size setting at once', async function () {
    const frame = await answerFrame(s.page, question.title);
    const size = () => frame.evaluate(() => getComputedStyle(document.body).fontSize);
    const before = await size();
    // The Settings editor opens in the code's group, so the panel stays in view.
    await s.page.locator('.part.editor .tab', { hasText: 'train.py' }).first().click();
    await runCommand(s.page, 'Preferences: Open User Settings');
    await s.page.locator('.settings-editor').first().waitFor();
    await s.page.locator('.settings-editor .settings-header .suggest-input-container').first().click();
    await s.page.keyboard.type('@id:mlPrep.panel.fontSize');
    const input = s.page.locator('.settings-editor .setting-item-contents', { hasText: 'Panel: Font Size' }).locator('input').first();
    await step('the reading size in the Settings editor', () => input.waitFor());
    await input.fill('21');
    await step('the open panel\'s text to become 21 px', () => waitFor(async () => (await size()) === '21px'));
    const written = JSON.parse(fs.readFileSync(path.join(s.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(written['mlPrep.panel.fontSize'], 21, 'the setting changed is the reading size');
    assert.notEqual(before, '21px');
    await input.fill('0');
    await step(`with 0, the editor's size again (${before})`, () => waitFor(async () => (await size()) === before));
    await runCommand(s.page, 'View: Close Editor');
  });

  it('opens a link to the side from the context menu', async function () {
    const frame = await answerFrame(s.page, question.title);
    await frame.locator(`section.links a[href="mlprep:${linked.id}"]`).first().click({ button: 'right' });
    const item = s.page.locator('.monaco-menu .action-item', { hasText: 'Open to the Side' }).first();
    await step('"Open to the Side" in the panel\'s context menu', () => item.waitFor());
    await item.hover();
    await step('the menu item to take focus', () => waitFor(async () => /\bfocused\b/.test((await item.getAttribute('class')) ?? '')));
    await s.page.keyboard.press('Enter');
    await answerFrame(s.page, linked.title);
    await step('the link in a third column, the question still open', () => waitFor(async () => (await editorGroups(s.page).count()) === 3));
    await answerFrame(s.page, question.title);
  });
});
