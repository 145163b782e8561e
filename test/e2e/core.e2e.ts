import * as assert from 'node:assert/strict';
import type { CatalogData, Question } from '../../src/catalog/types';
import { defaultVsix, openContainer, openFile, runCommand, startSession, step, waitFor, type Session } from './harness';
import {
  answerFrame,
  builtCatalog,
  checkbox,
  childLabels,
  collapse,
  editorGroups,
  expand,
  questionWithMathAndCode,
  revealQuestionRow,
  sectionTitle,
  topicLayout,
  treeRow,
  quickPickRow,
} from './scenarios';

describe('a new user in VS Code', function () {
  let s: Session;
  let catalog: CatalogData;
  let question: Question;
  let topicTitle: string;

  before(async function () {
    catalog = builtCatalog();
    question = questionWithMathAndCode(catalog);
    topicTitle = catalog.topics.find((t) => t.id === question.topic)!.title;
    s = await startSession({ vsix: defaultVsix() });
  });

  after(async function () {
    await s?.stop();
  });

  it('sees all five topics, each with its questions (in section folders when a topic is large), plus the cheat sheet and study paths', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    const inOrder = (labels: string[], expected: readonly Question[]) =>
      labels.length === expected.length && expected.every((q, i) => labels[i].startsWith(`${q.title},`));
    for (const topic of catalog.topics) {
      const { folders, loose } = topicLayout(catalog, topic.id);
      await expand(s.page, topic.title);
      if (folders.length === 0) {
        await step(`the ${loose.length} questions of "${topic.title}" under it, in order`, () =>
          waitFor(async () => inOrder(await childLabels(s.page, topic.title), loose)),
        );
      } else {
        const names = folders.map((f) => sectionTitle(topic.title, f.name));
        await step(`the ${folders.length} section folders of "${topic.title}", in order`, () =>
          waitFor(async () => {
            const labels = await childLabels(s.page, topic.title);
            return labels.length === names.length + loose.length && names.every((n, i) => labels[i].startsWith(`${n},`));
          }),
        );
        for (const folder of folders) {
          const title = sectionTitle(topic.title, folder.name);
          await expand(s.page, title);
          await step(`the ${folder.questions.length} questions of "${title}", in order`, () =>
            waitFor(async () => inOrder(await childLabels(s.page, title), folder.questions)),
          );
          await collapse(s.page, title);
        }
      }
      await collapse(s.page, topic.title);
    }
    await treeRow(s.page, 'Cheat Sheet').waitFor();
    await treeRow(s.page, 'Study Paths').waitFor();
  });

  it('opens an answer beside the code, with headings, math and highlighted code', async function () {
    await openFile(s.page, 'train.py');
    await (await revealQuestionRow(s.page, catalog, question)).click();
    const frame = await answerFrame(s.page, question.title);
    await step('two editor groups: the code and the answer beside it', () => waitFor(async () => (await editorGroups(s.page).count()) === 2));
    await step('train.py still visible in its own group', () =>
      s.page.locator('.part.editor .editor-group-container .tab.active[aria-label^="train.py"]').first().waitFor(),
    );
    await step('rendered level-2 headings', () => frame.locator('main h2', { hasText: 'Deep dive' }).first().waitFor());
    await step('math rendered as MathML', () => frame.locator('main math').first().waitFor({ state: 'attached' }));
    await step('highlighted Python', () => frame.locator('main pre code .hljs-keyword').first().waitFor());
    await s.screenshot('answer-beside-code-dark');
  });

  it('marks a question practiced in the tree; the count and the panel follow, and survive a reload', async function () {
    const total = catalog.questions.filter((q) => q.topic === question.topic).length;
    await checkbox(s.page, question.title).click();
    await step(`"${topicTitle}" to show 1 of ${total} practiced`, () =>
      waitFor(async () => (await treeRow(s.page, topicTitle).getAttribute('aria-label'))?.includes(`1 of ${total} questions practiced`)),
    );
    await step('the question row to read "practiced"', () =>
      waitFor(async () => (await treeRow(s.page, question.title).getAttribute('aria-label'))?.endsWith(', practiced')),
    );
    const all = catalog.questions.length;
    // The badge signals pending reviews, not progress: a tick schedules nothing, so there is none.
    assert.equal(await s.page.locator('.part.activitybar [aria-label*="due for review"]').count(), 0, `no due badge (${all} questions)`);
    let frame = await answerFrame(s.page, question.title);
    await step('the panel button to show the question practiced', () =>
      frame.locator('button[data-action="togglePracticed"][aria-pressed="true"]').waitFor(),
    );

    await s.reload();
    await step(`after reload, "${topicTitle}" still shows 1 of ${total}`, () =>
      waitFor(async () => (await treeRow(s.page, topicTitle).getAttribute('aria-label'))?.includes(`1 of ${total} questions practiced`), 20_000),
    );
    frame = await answerFrame(s.page, question.title, 30_000);
    await step('after reload, the restored panel shows it practiced', () =>
      frame.locator('button[data-action="togglePracticed"][aria-pressed="true"]').waitFor(),
    );
  });

  it('finds a concept from the command palette despite a typo', async function () {
    await runCommand(s.page, 'ML Prep: Search Cheat Sheet');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await step('the cheat-sheet search box', () => waitFor(async () => (await input.getAttribute('placeholder'))?.startsWith('Search the cheat sheet')));
    await input.pressSequentially('kv cahce');
    await step('"KV cache" to be offered for "kv cahce"', () =>
      quickPickRow(s.page, 'KV cache').waitFor(),
    );
    await s.screenshot('search-with-typo');
    await s.page.keyboard.press('Enter');
    await answerFrame(s.page, 'KV cache');
  });

  it('looks up a term selected in the Python file from the editor context menu', async function () {
    await openFile(s.page, 'train.py');
    await s.page.keyboard.press('Control+f');
    await s.page.locator('.find-widget textarea, .find-widget input').first().waitFor();
    await s.page.keyboard.type('nn.LayerNorm');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('Escape');
    const selected = s.page.locator('.part.editor .monaco-editor .selected-text').first();
    await step('the term to be selected in the editor', () => selected.waitFor());
    const box = await selected.boundingBox();
    assert.ok(box, 'selection is on screen');
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    const item = s.page.locator('.monaco-menu .action-item', { hasText: 'Look Up Selection' }).first();
    await step('"Look Up Selection" in the editor context menu', () => item.waitFor());
    // VS Code's menus act on the focused item; hovering focuses it, Enter runs it.
    await item.hover();
    await step('the menu item to take focus', () => waitFor(async () => /\bfocused\b/.test((await item.getAttribute('class')) ?? '')));
    await s.page.keyboard.press('Enter');
    await answerFrame(s.page, 'BatchNorm vs LayerNorm');
    await step('the code still visible beside the answer', () => waitFor(async () => (await editorGroups(s.page).count()) === 2));
  });

  it('filters the tree to questions not yet practiced', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    await revealQuestionRow(s.page, catalog, question);
    await runCommand(s.page, 'ML Prep: Filter Questions...');
    const option = s.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'not yet practiced' }).first();
    await option.waitFor();
    // A multi-select list: a click ticks the value, Enter applies the filter.
    await option.click();
    await s.page.keyboard.press('Enter');
    await step('the practiced question to disappear from the tree', () => treeRow(s.page, question.title).waitFor({ state: 'detached' }));
    const others = catalog.questions.filter((q) => q.topic === question.topic && q.section === question.section && q.id !== question.id);
    await step('the other questions of the topic to stay', () => treeRow(s.page, others[0].title).waitFor());
    await s.screenshot('filter-not-practiced');
  });
});
