import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageInHostRunner } from '../inhost/build';
import { defaultVsix, REPO_ROOT, startSession, step, waitFor, type Session } from './harness';
import type { InHostResult } from '../inhost/index';

describe('in-host tests inside code-server', function () {
  let s: Session | undefined;
  let work: string;

  after(async function () {
    await s?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('pass against the real extension API', async function () {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlprep-inhost-'));
    const runner = packageInHostRunner(work);
    const results = path.join(work, 'results.json');
    s = await startSession({
      vsix: defaultVsix(),
      extraVsix: [runner],
      env: { MLPREP_INHOST_RESULTS: results, MLPREP_REPO: REPO_ROOT },
    });
    const result = await step('the in-host suite to finish and write its results', () => waitFor(async () => fs.existsSync(results), 90_000, 250), 95_000);
    assert.ok(result);
    const parsed = JSON.parse(fs.readFileSync(results, 'utf8')) as InHostResult;
    for (const t of parsed.tests) {
      process.stderr.write(`    [in-host] ${t.state === 'passed' ? '✔' : '✗'} ${t.title}\n${t.error ? `${t.error}\n` : ''}`);
    }
    assert.equal(parsed.failed, 0, parsed.tests.filter((t) => t.error).map((t) => `${t.title}: ${t.error}`).join('\n'));
    assert.ok(parsed.passed >= 5, `${parsed.passed} in-host tests passed`);
  });
});
