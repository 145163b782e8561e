// A test-only extension for code-server, where extensionTestsPath is not available: it runs the
// in-host suite once the window starts and writes the results where the e2e test reads them.
import * as fs from 'node:fs';
import { runInHostTests } from '../index';

export async function activate(): Promise<void> {
  const out = process.env.MLPREP_INHOST_RESULTS;
  const repo = process.env.MLPREP_REPO;
  if (!out || !repo) {
    return;
  }
  try {
    const result = await runInHostTests(repo);
    fs.writeFileSync(out, JSON.stringify(result));
  } catch (e) {
    fs.writeFileSync(out, JSON.stringify({ passed: 0, failed: 1, tests: [{ title: 'runner', state: 'failed', error: String(e) }] }));
  }
}
