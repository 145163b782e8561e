// Restricted Mode: an exercise can be read and started, but running its tests (the user's code)
// is refused with the way to trust the workspace, and no Python is started.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExerciseData } from '../../src/exercises/exerciseTypes';
import { pythonForTests } from '../support/pythonForTests';
import { defaultVsix, REPO_ROOT, runCommand, startSession, step, waitFor, type Session } from './harness';

describe('ML coding exercises in Restricted Mode', function () {
  let s: Session;
  let folder: string;
  let marker: string;

  before(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mlprep-e2e-restricted-'));
    // A "Python" that leaves a file behind if it is ever started.
    marker = path.join(folder, 'python-was-started');
    const fakePython = path.join(folder, 'python-spy');
    fs.writeFileSync(fakePython, `#!/bin/sh\ntouch '${marker}'\nexec '${pythonForTests()}' "$@"\n`, { mode: 0o755 });
    s = await startSession({
      vsix: defaultVsix(),
      workspaceTrust: true,
      settings: { 'mlPrep.python.path': fakePython, 'mlPrep.exercises.folder': path.join(folder, 'attempts') },
    });
  });

  after(async function () {
    await s?.stop();
    if (folder) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('starts an exercise but refuses to run it, offering Manage Workspace Trust', async function () {
    const data = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'exercises.json'), 'utf8')) as ExerciseData;
    const exercise = data.exercises.find((e) => e.id === 'stable-softmax') ?? data.exercises[0];
    assert.ok(exercise, 'dist/exercises.json has an exercise');
    await step('the window to be in Restricted Mode', () => s.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 20_000 }));
    await runCommand(s.page, 'ML Prep: Start Coding Exercise');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await step('the exercise picker', () => waitFor(async () => (await input.getAttribute('placeholder')) === 'Start which exercise?'));
    await input.fill(exercise.title);
    const row = s.page.locator('.quick-input-widget .monaco-list-row', { hasText: exercise.title }).first();
    await step('the exercise in the picker', () => row.waitFor());
    await row.click();
    await step('the attempt to open', () => s.page.locator(`.tabs-container .tab.active[aria-label^="${exercise.id}.py"]`).first().waitFor());
    assert.equal(fs.readFileSync(path.join(folder, 'attempts', `${exercise.id}.py`), 'utf8'), exercise.starter);

    await step('the Run hidden tests CodeLens, in Restricted Mode too', () =>
      s.page.locator('.part.editor .codelens-decoration a', { hasText: 'Run hidden tests' }).first().waitFor({ timeout: 15_000 }),
    );
    await runCommand(s.page, 'ML Prep: Run Exercise Tests');
    const toast = s.page.locator('.notifications-toasts .notification-toast', { hasText: 'needs a trusted workspace' }).first();
    await step('the refusal with Manage Workspace Trust', async () => {
      await toast.waitFor({ timeout: 15_000 });
      await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).first().waitFor();
    });
    await s.screenshot('exercise-restricted-mode');
    // The refusal comes before any spawn, so by now a started Python would have left its trace.
    assert.equal(fs.existsSync(marker), false, 'no Python was started');
    await runCommand(s.page, 'Testing: Focus on Test Explorer View');
    await step('the test items to show as not run (errored), with none passed or failed', async () => {
      const parent = s.page.locator('.test-explorer .monaco-list-row', { hasText: exercise.shortTitle }).first();
      await parent.waitFor();
      if ((await parent.getAttribute('aria-expanded')) === 'false') {
        await parent.click();
      }
      const first = s.page.locator('.test-explorer .monaco-list-row', { hasText: exercise.testCases[0].label }).first();
      await waitFor(async () => /codicon-testing-error-icon/.test((await first.locator('.codicon[class*="codicon-testing-"]').first().getAttribute('class').catch(() => '')) ?? ''));
    });
  });
});
