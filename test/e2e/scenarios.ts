// Shared steps for the end-to-end scenarios: what a user does, in the words of the UI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import type { CatalogData, Question } from '../../src/catalog/types';
import { findFrame, REPO_ROOT, step, waitFor } from './harness';

export function builtCatalog(file = path.join(REPO_ROOT, 'dist', 'catalog.json')): CatalogData {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogData;
}

const cssString = (s: string) => s.replace(/["\\]/g, '\\$&');

/** A row of the Topics view, by the start of its accessible label ("Title, ..."). */
export function treeRow(page: Page, title: string): Locator {
  return page.locator(`.part.sidebar .monaco-list-row[aria-label^="${cssString(title)},"]`).first();
}

export async function expand(page: Page, title: string): Promise<void> {
  const row = treeRow(page, title);
  await step(`the tree row "${title}" to expand`, async () => {
    await row.waitFor({ state: 'visible' });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
    }
    await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true');
  });
}

export async function collapse(page: Page, title: string): Promise<void> {
  const row = treeRow(page, title);
  await step(`the tree row "${title}" to collapse`, async () => {
    if ((await row.getAttribute('aria-expanded')) === 'true') {
      await row.locator('.monaco-tl-twistie').click();
    }
    await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'false');
  });
}

/** Accessible labels of the rows directly under an expanded row, in order. */
export async function childLabels(page: Page, parentTitle: string): Promise<string[]> {
  const parent = treeRow(page, parentTitle);
  const level = Number(await parent.getAttribute('aria-level'));
  const rows = page.locator('.part.sidebar .monaco-list-row');
  const all = await rows.evaluateAll((els) =>
    els
      .map((e) => ({ label: e.getAttribute('aria-label') ?? '', level: Number(e.getAttribute('aria-level')), top: (e as HTMLElement).offsetTop }))
      .sort((a, b) => a.top - b.top),
  );
  const start = all.findIndex((r) => r.label.startsWith(`${parentTitle},`));
  const children: string[] = [];
  for (const r of all.slice(start + 1)) {
    if (r.level <= level) {
      break;
    }
    if (r.level === level + 1) {
      children.push(r.label);
    }
  }
  return children;
}

export function checkbox(page: Page, questionTitle: string): Locator {
  return treeRow(page, questionTitle).locator('.custom-view-tree-node-item-checkbox').first();
}

/** The answer panel's webview frame once it shows the given title. */
export async function answerFrame(page: Page, title: string, timeoutMs = 20_000): Promise<Frame> {
  return step(
    `the answer panel to show "${title}"`,
    () =>
      waitFor(async () => {
        for (const frame of page.frames()) {
          if (frame.isDetached()) {
            continue;
          }
          const h1 = await frame.$('main#entry h1').catch(() => null);
          if (h1 && (await h1.textContent())?.trim() === title) {
            return frame;
          }
        }
        return undefined;
      }, timeoutMs),
    timeoutMs + 1_000,
  );
}

export async function anyAnswerFrame(page: Page): Promise<Frame> {
  return findFrame(page, 'main#entry');
}

export function editorGroups(page: Page): Locator {
  return page.locator('.part.editor .editor-group-container');
}

export function questionWithMathAndCode(catalog: CatalogData): Question {
  const q = catalog.questions.find((x) => x.id === 'transformer-from-scratch') ?? catalog.questions.find((x) => x.body.includes('$$') && x.body.includes('```python'));
  if (!q) {
    throw new Error('no question with both math and Python code in the catalog');
  }
  return q;
}

/** A topic of more than this many questions shows them in section folders (as src/tree/treeModel does). */
const SECTION_FOLDER_THRESHOLD = 15;

/** The start of a section folder's accessible label, unique across topics. */
export function sectionTitle(topicTitle: string, name: string): string {
  return `${name}, section of ${topicTitle}`;
}

/** What a topic shows when expanded: its section folders with their questions, or its questions directly. */
export function topicLayout(catalog: CatalogData, topicId: string): { readonly folders: { name: string; questions: Question[] }[]; readonly loose: Question[] } {
  const questions = catalog.questions.filter((q) => q.topic === topicId);
  const topic = catalog.topics.find((t) => t.id === topicId);
  if (!topic || questions.length <= SECTION_FOLDER_THRESHOLD || !questions.some((q) => q.section !== '')) {
    return { folders: [], loose: questions };
  }
  const folders = topic.sections
    .map((name) => ({ name, questions: questions.filter((q) => q.section === name) }))
    .filter((f) => f.questions.length > 0);
  return { folders, loose: questions.filter((q) => q.section === '') };
}

/** Expands the topic, and its section folder if it has one, so the question's row is in view. */
export async function revealQuestionRow(page: Page, catalog: CatalogData, question: Question): Promise<Locator> {
  const topic = catalog.topics.find((t) => t.id === question.topic);
  if (!topic) {
    throw new Error(`no topic ${question.topic}`);
  }
  await expand(page, topic.title);
  if (topicLayout(catalog, topic.id).folders.length > 0) {
    await expand(page, sectionTitle(topic.title, question.section));
  }
  const row = treeRow(page, question.title);
  await step(`the row of "${question.title}"`, () => row.waitFor());
  return row;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A row of the open QuickPick by its visible text. Search labels carry a word joiner after each
 * character (so VS Code cannot re-sort them), which the text match must allow for.
 */
export function quickPickRow(page: Page, text: string): Locator {
  const pattern = new RegExp([...text].map(escapeRegExp).join('\u2060?'));
  return page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: pattern }).first();
}

/** The QuickPick's row labels, top to bottom, as a user reads them. */
export async function quickPickLabels(page: Page): Promise<string[]> {
  return page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) =>
    rows
      .map((r) => ({ top: (r as HTMLElement).offsetTop, text: (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').replace(/\u2060/g, '').trim() }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.text),
  );
}

/**
 * A copy of sample-workspace/ whose settings list one content folder, and a writer for files in
 * it; the caller removes the folder afterwards.
 */
export function workspaceWithContentFolder(prefix: string, folder: string): { dir: string; write: (rel: string, text: string) => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mlprep-${prefix}-ws-`));
  fs.cpSync(path.join(REPO_ROOT, 'sample-workspace'), dir, { recursive: true });
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('.vscode/settings.json', JSON.stringify({ 'mlPrep.content.folders': [folder] }));
  return { dir, write };
}
