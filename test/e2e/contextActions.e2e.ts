import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { Catalog } from '../../src/catalog/catalog';
import type { CatalogData } from '../../src/catalog/types';
import { defaultVsix, openContainer, startSession, step, waitFor, type Session } from './harness';
import { builtCatalog, collapse, expand, treeRow } from './scenarios';

/** Right-clicks a Topics row and runs the context-menu item with that title. */
async function runContextAction(page: Page, rowTitle: string, action: string): Promise<void> {
  const row = treeRow(page, rowTitle);
  await step(`the row "${rowTitle}"`, () => row.waitFor({ state: 'visible' }));
  await row.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { has: page.locator('.action-label', { hasText: new RegExp(`^${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await step(`"${action}" in the context menu of "${rowTitle}"`, () => item.waitFor());
  // VS Code's menus act on the focused item; hovering focuses it, Enter runs it.
  await item.hover();
  await step(`"${action}" to take focus`, () => waitFor(async () => /\bfocused\b/.test((await item.getAttribute('class')) ?? '')));
  await page.keyboard.press('Enter');
}

/** The drill's webview frame once it asks the question with that title; returns it and its breadcrumb. */
async function drillAsking(s: Session, title: string): Promise<{ frame: Frame; breadcrumb: string }> {
  return step(`the drill to ask "${title}"`, () =>
    waitFor(async () => {
      for (const frame of s.page.frames()) {
        const h1 = await frame.$('main#entry h1').catch(() => null);
        if (h1 && (await h1.textContent())?.trim() === title && (await frame.$('button[data-action="skip"]'))) {
          return { frame, breadcrumb: (await frame.locator('p.breadcrumb').textContent()) ?? '' };
        }
      }
      return undefined;
    }, 20_000),
  );
}

describe('context actions in the Topics view', function () {
  let s: Session;
  let data: CatalogData;
  let catalog: Catalog;

  before(async function () {
    data = builtCatalog();
    catalog = new Catalog(data);
    s = await startSession({ vsix: defaultVsix() });
    await openContainer(s.page, 'ML Interview Prep');
  });

  after(async function () {
    await s?.stop();
  });

  it("right-click a study path, Practice This Path: the drill asks that path's questions in its order", async function () {
    const path = catalog.paths[0];
    const ids = catalog.pathQuestionIds(path);
    assert.ok(ids.length > 1, 'the first path has questions');
    const title = (id: string) => catalog.question(id)!.title;
    await expand(s.page, 'Study Paths');
    await runContextAction(s.page, path.title, 'Practice This Path');
    const first = await drillAsking(s, title(ids[0]));
    assert.match(first.breadcrumb, new RegExp(`\\b1 of ${ids.length}\\b`), `the drill is the path's ${ids.length} questions`);
    await s.screenshot('context-practice-path');
    await first.frame.locator('button[data-action="skip"]').click();
    const second = await drillAsking(s, title(ids[1]));
    // A skipped question comes back once at the end, so the session is one longer.
    assert.match(second.breadcrumb, new RegExp(`\\b2 of ${ids.length + 1}\\b`));
  });

  it('right-click a concept, Practice Questions That Use It: the drill asks the questions that link it', async function () {
    // One of the first concepts, so its row is drawn without scrolling the tree.
    const concept = catalog.concepts.slice(0, 6).find((c) => catalog.questionsUsing(c.id).length > 1);
    assert.ok(concept, 'one of the first concepts is used by two questions or more');
    const using = catalog.questionsUsing(concept.id);
    await collapse(s.page, 'Study Paths');
    await expand(s.page, 'Cheat Sheet');
    await runContextAction(s.page, concept.title, 'Practice Questions That Use It');
    const first = await drillAsking(s, using[0].title);
    assert.match(first.breadcrumb, new RegExp(`\\b1 of ${using.length}\\b`), `the drill is the ${using.length} questions that use ${concept.id}`);
    await collapse(s.page, 'Cheat Sheet');
  });

  it('right-click a topic, Mark All Practiced…: asks with the count, then marks all of them', async function () {
    const topic = data.topics.find((t) => catalog.questionsOf(t.id).length > 0)!;
    const total = catalog.questionsOf(topic.id).length;
    const row = treeRow(s.page, topic.title);
    await step(`"${topic.title}" to count 0 practiced`, () =>
      waitFor(async () => (await row.getAttribute('aria-label'))?.endsWith(`0 of ${total} questions practiced`)),
    );
    await runContextAction(s.page, topic.title, 'Mark All Practiced...');
    const dialog = s.page.locator('.monaco-dialog-box').first();
    await step('the confirmation', () => dialog.waitFor());
    assert.match((await dialog.textContent()) ?? '', new RegExp(`Mark all ${total} questions of "${topic.title}" practiced\\?`));
    await s.screenshot('context-mark-all-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Mark practiced' }).first().click();
    await step(`"${topic.title}" to count ${total} of ${total} practiced`, () =>
      waitFor(async () => (await row.getAttribute('aria-label'))?.endsWith(`${total} of ${total} questions practiced`), 15_000),
    );
  });
});
