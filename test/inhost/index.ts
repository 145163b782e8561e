// Entry point of the in-host suite: @vscode/test-electron's extensionTestsPath, and what the
// code-server runner extension calls. Expects the bundled tests in tests.js beside this file.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type MochaType from 'mocha';

export interface InHostResult {
  passed: number;
  failed: number;
  tests: { title: string; state: 'passed' | 'failed'; error?: string }[];
}

export function runInHostTests(repoRoot: string): Promise<InHostResult> {
  // Mocha comes from the repository's node_modules: it is not bundled into the test extension.
  const loaded = createRequire(path.join(repoRoot, 'package.json'))('mocha') as { default?: typeof MochaType; Mocha?: typeof MochaType };
  const Mocha = (loaded.default ?? loaded.Mocha) as typeof MochaType;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'tests.js'));
  const result: InHostResult = { passed: 0, failed: 0, tests: [] };
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(result));
    runner.on('pass', (test) => {
      result.passed++;
      result.tests.push({ title: test.fullTitle(), state: 'passed' });
    });
    runner.on('fail', (test, err: Error) => {
      result.failed++;
      result.tests.push({ title: test.fullTitle(), state: 'failed', error: err.stack ?? err.message });
    });
  });
}

/** The @vscode/test-electron convention. */
export async function run(): Promise<void> {
  const result = await runInHostTests(process.env.MLPREP_REPO ?? path.resolve(__dirname, '..', '..'));
  if (result.failed > 0) {
    throw new Error(`${result.failed} in-host test(s) failed`);
  }
}
