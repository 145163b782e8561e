// Two windows of one VS Code (two pages of one code-server) share the study store: marks made in
// one are not lost to a write from the other, and both are there after a reload.
import type { Page } from 'playwright-core';
import type { CatalogData, Question } from '../../src/catalog/types';
import { defaultVsix, openContainer, openWindow, startSession, step, waitFor, type Session } from './harness';
import { builtCatalog, checkbox, revealQuestionRow, topicLayout, treeRow } from './scenarios';

describe('two windows', function () {
  let s: Session;
  let second: Page;
  let catalog: CatalogData;
  let topicTitle: string;
  let questions: Question[];

  before(async function () {
    catalog = builtCatalog();
    // A topic that lists its questions directly, so every row is one expand away.
    const topic = catalog.topics.find((t) => topicLayout(catalog, t.id).folders.length === 0 && topicLayout(catalog, t.id).loose.length >= 3);
    if (!topic) {
      throw new Error('no topic with three questions outside section folders');
    }
    topicTitle = topic.title;
    questions = topicLayout(catalog, topic.id).loose.slice(0, 3);
    s = await startSession({ vsix: defaultVsix() });
  });

  after(async function () {
    await s?.stop();
  });

  const practiced = async (page: Page, q: Question) => (await treeRow(page, q.title).getAttribute('aria-label'))?.endsWith(', practiced');
  const tick = async (page: Page, q: Question, window: string) => {
    await revealQuestionRow(page, catalog, q);
    await checkbox(page, q.title).click();
    await step(`"${q.title}" to read practiced in ${window}`, () => waitFor(() => practiced(page, q)));
  };
  const total = () => catalog.questions.filter((q) => q.topic === questions[0].topic).length;
  const count = async (page: Page, n: number, timeoutMs = 20_000) =>
    step(`"${topicTitle}" to show ${n} of ${total()} practiced`, () =>
      waitFor(async () => (await treeRow(page, topicTitle).getAttribute('aria-label'))?.includes(`${n} of ${total()} questions practiced`), timeoutMs),
    timeoutMs + 1_000);

  it('keep each other\'s marks: window 1 ticks two questions, window 2 one in between', async function () {
    const [q1, q2, q3] = questions;
    await openContainer(s.page, 'ML Interview Prep');
    await tick(s.page, q1, 'window 1');

    second = await openWindow(s);
    await openContainer(second, 'ML Interview Prep');
    await tick(second, q2, 'window 2');

    await s.page.bringToFront();
    await tick(s.page, q3, 'window 1');
    // Window 1 merged window 2's mark into its own write: it shows all three.
    await count(s.page, 3, 30_000);

    await second.bringToFront();
    await count(second, 3, 30_000);

    // After a reload, nothing is lost.
    await s.page.bringToFront();
    await s.reload();
    await count(s.page, 3, 30_000);
  });
});
