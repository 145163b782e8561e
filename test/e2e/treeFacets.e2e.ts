// The Topics view at a glance: short labels that fit the default sidebar width, and the facet
// filter (one multi-select picker) that shrinks the tree, says so, survives a reload and clears.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CatalogData } from '../../src/catalog/types';
import { defaultVsix, openContainer, runCommand, startSession, step, waitFor, type Session } from './harness';
import { builtCatalog, collapse, expand, sectionTitle, topicLayout, treeRow } from './scenarios';

/** Labels of the rendered tree rows whose text is cut (an ellipsis), by their accessible label. */
async function cutLabels(page: Page): Promise<string[]> {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const name = row.querySelector('.label-name');
      const box = row.querySelector('.monaco-icon-label-container');
      if (!name || !box) {
        return [];
      }
      // The name overflows its clipping container when it is wider than what is shown.
      return name.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5 ? [row.getAttribute('aria-label') ?? '?'] : [];
    }),
  );
}

const topicRows = (page: Page) => page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-label*=", topic, "]');
/** Visible text in the side bar: the view's description, or the message above the tree when the view is merged into its container's title. */
const sidebarText = (page: Page, text: string) => page.locator(`.part.sidebar :text("${text}"):visible`);

describe('the Topics view at a glance, with facet filters', function () {
  let s: Session;
  let catalog: CatalogData;

  before(async function () {
    catalog = builtCatalog();
    s = await startSession({ vsix: defaultVsix() });
  });

  after(async function () {
    await s?.stop();
  });

  it('leads a new user with "Start here" and cuts no topic or question label at the default width', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    const first = s.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first();
    await step('"Start here" as the first row', () => waitFor(async () => (await first.getAttribute('aria-label'))?.startsWith('Start here: ')));
    assert.ok((await s.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Due for review' }).count()) === 0, 'no "Due for review" row while nothing is due');
    for (const topic of catalog.topics) {
      await expand(s.page, topic.title);
      const layout = topicLayout(catalog, topic.id);
      await step(`no label cut under "${topic.shortTitle}"`, async () => assert.deepEqual(await cutLabels(s.page), []));
      for (const folder of layout.folders) {
        const name = sectionTitle(topic.title, folder.name);
        await expand(s.page, name);
        await step(`no label cut in "${folder.name}"`, async () => assert.deepEqual(await cutLabels(s.page), []));
        await collapse(s.page, name);
      }
      await collapse(s.page, topic.title);
    }
    // The picture for the README: the roots and one topic open.
    const shown = catalog.topics.find((t) => topicLayout(catalog, t.id).folders.length === 0) ?? catalog.topics[0];
    await expand(s.page, shown.title);
    await s.screenshot('tree-at-a-glance');
    await collapse(s.page, shown.title);
  });

  it('filters by two facets: the tree shrinks and the description says so; a reload keeps it; Clear Filter restores', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    const all = catalog.topics.length;
    await step(`all ${all} topics`, () => waitFor(async () => (await topicRows(s.page).count()) === all));
    const matching = catalog.topics.filter((t) => catalog.questions.some((q) => q.topic === t.id && q.difficulty === 'advanced' && q.format === 'design'));
    assert.ok(matching.length > 0 && matching.length < all, 'the two facets leave some topics out');

    await runCommand(s.page, 'ML Prep: Filter Questions...');
    for (const value of ['advanced', 'design']) {
      const row = s.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: new RegExp(`^${value}(State|Difficulty|Format|Tag)?$`) }).first();
      await step(`the "${value}" value in the picker`, () => row.waitFor());
      await row.click();
    }
    await s.screenshot('tree-facets-picker');
    await s.page.keyboard.press('Enter');
    await step('the view description to name the filter', () => sidebarText(s.page, 'Filter: advanced, design').first().waitFor());
    await step(`only the ${matching.length} topics with a match`, () => waitFor(async () => (await topicRows(s.page).count()) === matching.length));
    const hidden = catalog.topics.find((t) => !matching.includes(t))!;
    assert.equal(await treeRow(s.page, hidden.title).count(), 0, `"${hidden.title}" is hidden`);
    await s.screenshot('tree-facets-filtered');

    await s.reload();
    await openContainer(s.page, 'ML Interview Prep');
    await step('after reload, the filter still named', () => sidebarText(s.page, 'Filter: advanced, design').first().waitFor());
    await step(`after reload, still ${matching.length} topics`, () => waitFor(async () => (await topicRows(s.page).count()) === matching.length));

    await s.page.locator('.part.sidebar').first().hover();
    const clear = s.page.locator('.part.sidebar .action-item a[aria-label^="Clear Filter"]').first();
    await step('the Clear Filter button in the view title', () => clear.waitFor());
    await clear.click();
    await step(`all ${all} topics again`, () => waitFor(async () => (await topicRows(s.page).count()) === all));
    await step('the filter no longer named', () => sidebarText(s.page, 'Filter:').first().waitFor({ state: 'detached' }));
    await step('the Clear Filter button gone', () => clear.waitFor({ state: 'detached' }));
  });
});
