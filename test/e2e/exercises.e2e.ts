// ML coding exercises: open one from the tree, start it, fail and then pass its hidden tests in
// the Testing view, and see the tree and the practiced count follow; a bad interpreter setting
// gets the clear message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { Exercise, ExerciseData } from '../../src/exercises/exerciseTypes';
import { pythonForTests } from '../support/pythonForTests';
import { defaultVsix, openContainer, REPO_ROOT, runCommand, startSession, step, waitFor, type Session } from './harness';
import { builtCatalog } from './scenarios';

/** The exercise the test drives: stable softmax, the first the issue lists. */
const EXERCISE_ID = 'stable-softmax';

function builtExercise(id: string): Exercise {
  const data = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'exercises.json'), 'utf8')) as ExerciseData;
  const exercise = data.exercises.find((e) => e.id === id);
  if (!exercise) {
    throw new Error(`dist/exercises.json has no exercise "${id}": run "npm run package" with the shipped exercises`);
  }
  return exercise;
}

/** A softmax that overflows on large logits: the stability tests must catch it. */
const UNSTABLE = [
  'import numpy as np',
  '',
  '',
  'def softmax(x, axis=-1):',
  '    e = np.exp(x)',
  '    return e / e.sum(axis=axis, keepdims=True)',
  '',
  '',
  'def logsumexp(x, axis=-1):',
  '    return np.log(np.exp(x).sum(axis=axis))',
  '',
].join('\n');

/** Typed code lands as written; the peek opens when the test asks for it. */
const EDITOR_SETTINGS = {
  'editor.autoIndent': 'none',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.formatOnType': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'testing.automaticallyOpenPeekView': 'never',
};

/** A test item's state, from its icon in the Testing view. */
async function testState(page: Page, label: string): Promise<string | undefined> {
  const icon = page.locator('.test-explorer .monaco-list-row', { hasText: label }).first().locator('.codicon[class*="codicon-testing-"]').first();
  const cls = (await icon.getAttribute('class', { timeout: 1_000 }).catch(() => null)) ?? '';
  return /codicon-testing-(\w+)-icon/.exec(cls)?.[1];
}

const rowByLabel = (page: Page, start: string) => page.locator(`.part.sidebar .monaco-list-row[aria-label^="${start.replace(/["\\]/g, '\\$&')}"]`).first();

async function expandRow(page: Page, start: string): Promise<void> {
  const row = rowByLabel(page, start);
  await step(`the tree row "${start}" to expand`, async () => {
    await row.waitFor({ state: 'visible' });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
    }
    await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true');
  });
}

async function exerciseFrame(page: Page, title: string): Promise<Frame> {
  return step(`the statement of "${title}" in the answer panel`, () =>
    waitFor(async () => {
      for (const frame of page.frames()) {
        if (frame.isDetached()) {
          continue;
        }
        const h1 = await frame.$('main#entry h1').catch(() => null);
        if (h1 && (await h1.textContent())?.trim() === title && (await frame.$('button[data-exercise-action="start"]').catch(() => null))) {
          return frame;
        }
      }
      return undefined;
    }, 20_000),
  );
}

/** Replaces the active editor's text and saves it (the session turns auto-indent off, so the text lands as written). */
async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+s');
}

async function clickRunLens(page: Page): Promise<void> {
  // The lens above the first function, scrolled into view.
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  const lens = page.locator('.part.editor .codelens-decoration a', { hasText: 'Run hidden tests' }).first();
  await step('the "Run hidden tests" CodeLens above the function', () => lens.waitFor({ state: 'visible', timeout: 20_000 }), 25_000);
  await lens.click();
}

function testingRow(page: Page, label: string) {
  return page.locator('.test-explorer .monaco-list-row', { hasText: label }).first();
}

describe('ML coding exercises', function () {
  let s: Session;
  let folder: string;
  let exercise: Exercise;

  before(async function () {
    exercise = builtExercise(EXERCISE_ID);
    // A fresh attempts folder per run, so the test runs alone and in any order.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mlprep-e2e-exercises-'));
    s = await startSession({
      vsix: defaultVsix(),
      settings: { ...EDITOR_SETTINGS, 'mlPrep.python.path': pythonForTests(), 'mlPrep.exercises.folder': folder },
    });
  });

  after(async function () {
    await s?.stop();
    if (folder) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('opens an exercise from the tree, fails and then passes its hidden tests', async function () {
    const topic = builtCatalog().topics.find((t) => t.id === exercise.topic);
    assert.ok(topic, `the exercise's topic ${exercise.topic} is in the catalog`);
    await openContainer(s.page, 'ML Interview Prep');
    await expandRow(s.page, 'ML Coding,');
    await expandRow(s.page, `${topic.title}, coding exercises`);
    const row = rowByLabel(s.page, `${exercise.shortTitle}, coding exercise`);
    await step('the exercise row to say "not tried"', () => waitFor(async () => /not tried/.test((await row.getAttribute('aria-label')) ?? '')));
    await row.click();

    const frame = await exerciseFrame(s.page, exercise.title);
    await frame.locator('button[data-exercise-action="start"]').click();
    const file = path.join(folder, `${exercise.id}.py`);
    await step('the attempt to open in an editor', () => s.page.locator(`.tabs-container .tab.active[aria-label^="${exercise.id}.py"]`).first().waitFor());
    assert.equal(fs.readFileSync(file, 'utf8'), exercise.starter, 'the starter is copied as it is');

    // A wrong (unstable) solution: the Testing view shows the stability test failing, with its message.
    await replaceEditorText(s.page, UNSTABLE);
    await step('the attempt to be saved', () => waitFor(async () => fs.readFileSync(file, 'utf8').includes('np.exp(x)')));
    await clickRunLens(s.page);
    await runCommand(s.page, 'Testing: Focus on Test Explorer View');
    const stability = exercise.testCases.find((t) => /1000/.test(t.label)) ?? exercise.testCases[0];
    await step('the Testing view to list the exercise and fail its stability test', async () => {
      const parent = testingRow(s.page, exercise.shortTitle);
      await parent.waitFor({ timeout: 20_000 });
      if ((await parent.getAttribute('aria-expanded')) === 'false') {
        await parent.click();
      }
      await waitFor(async () => (await testState(s.page, stability.label)) === 'failed', 20_000);
    }, 30_000);
    await step('the failing check\'s message beside the user\'s function', () =>
      s.page.locator('.part.editor .test-error-content-widget', { hasText: /nan|NaN|inf/ }).first().waitFor({ timeout: 15_000 }),
    );
    await runCommand(s.page, 'Test Results: Focus on Test Results View');
    const result = s.page.locator('.part.panel .monaco-list-row', { hasText: stability.label }).first();
    await step('the Test Results view to list the failure', () => result.waitFor());
    await result.click();
    await step('the failure\'s message in the Test Results view', () =>
      s.page.locator('.part.panel', { hasText: /nan|NaN|inf/ }).first().waitFor(),
    );
    await s.screenshot('exercise-failing-test');
    await runCommand(s.page, 'View: Hide Panel');
    await openContainer(s.page, 'ML Interview Prep');
    await step('the exercise to show as failing in the tree', () => waitFor(async () => /, failing/.test((await row.getAttribute('aria-label')) ?? '')));

    // The reference solution passes: the exercise turns passing and counts as practiced.
    await s.page.locator('.tabs-container .tab', { hasText: `${exercise.id}.py` }).first().click();
    await replaceEditorText(s.page, exercise.solution);
    await step('the attempt to be saved', () => waitFor(async () => fs.readFileSync(file, 'utf8') === exercise.solution));
    await clickRunLens(s.page);
    await runCommand(s.page, 'Testing: Focus on Test Explorer View');
    await step('every hidden test to pass in the Testing view', () =>
      waitFor(async () => {
        const states = await Promise.all(exercise.testCases.map((t) => testState(s.page, t.label)));
        return states.every((state) => state === 'passed');
      }, 20_000),
    25_000);
    await openContainer(s.page, 'ML Interview Prep');
    await step('the tree to show the exercise passing and practiced', () =>
      waitFor(async () => /, passing, practiced/.test((await row.getAttribute('aria-label')) ?? ''), 15_000),
    );
    await step('the ML Coding node to count one practiced', () =>
      waitFor(async () => /, 1 of \d+ practiced/.test((await rowByLabel(s.page, 'ML Coding,').getAttribute('aria-label')) ?? '')),
    );

    // Passed: the reference opens read-only beside the attempt, and a diff is one command away.
    await s.page.locator('.tabs-container .tab', { hasText: `${exercise.id}.py` }).first().click();
    const reveal = s.page.locator('.part.editor .codelens-decoration a', { hasText: 'Reveal solution' }).first();
    await s.page.keyboard.press('Control+Home');
    await reveal.click();
    await step('the reference solution to open in an editor', () => s.page.locator(`.tabs-container .tab.active[aria-label^="${exercise.id}.solution.py"]`).first().waitFor());
    await runCommand(s.page, 'ML Prep: Compare Solution with My Attempt');
    await step('a diff of the attempt and the reference', () => s.page.locator('.tabs-container .tab.active', { hasText: 'my attempt ↔ reference solution' }).first().waitFor());
  });

  it('says clearly when the Python setting points nowhere', async function () {
    // The user's settings file, as if edited by hand; the window reads it again on reload.
    const settingsFile = path.join(s.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'mlPrep.python.path': '/nonexistent/python3' }, null, 2));
    await s.reload();
    const restored = await exerciseFrame(s.page, exercise.title);
    await step('the restored statement to offer the existing attempt', () => restored.locator('button[data-exercise-action="start"]', { hasText: 'Open my attempt' }).waitFor());
    await s.page.locator('.tabs-container .tab', { hasText: `${exercise.id}.py` }).first().click();
    const toast = s.page.locator('.notifications-toasts .notification-toast', { hasText: 'No Python interpreter was found' }).first();
    await step('a notification naming the interpreter tried, with Open Settings', async () => {
      await clickRunLens(s.page);
      await toast.waitFor({ timeout: 20_000 });
      assert.match((await toast.textContent()) ?? '', /\/nonexistent\/python3/);
      await toast.locator('.monaco-button', { hasText: 'Open Settings' }).first().waitFor();
    }, 40_000);
    await runCommand(s.page, 'Testing: Focus on Test Explorer View');
    await step('the tests to show as errored with the message', () => waitFor(async () => (await testState(s.page, exercise.testCases[0].label)) === 'error'));
    await s.screenshot('exercise-no-interpreter');
  });
});
