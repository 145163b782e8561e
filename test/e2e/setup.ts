/**
 * Mocha root hooks for the e2e suite (loaded through .mocharc.json "require"): installs what
 * the harness needs once, so `npm ci && npm test` on a fresh Debian machine needs nothing by
 * hand, and stops every session after the suite, also when a test failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prepareMachine, RESULTS_DIR, stopAllSessions } from './harness';
import { killAllChildren } from './support/codeServer';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    // First run: apt-get packages plus code-server's npm install and native builds.
    this.timeout(20 * 60_000);
    // Failure screenshots of earlier runs would read as this run's.
    if (fs.existsSync(RESULTS_DIR)) {
      for (const name of fs.readdirSync(RESULTS_DIR).filter((n) => n.startsWith('FAILED-'))) {
        fs.rmSync(path.join(RESULTS_DIR, name), { force: true });
      }
    }
    const t = Date.now();
    const bin = await prepareMachine();
    process.stderr.write(`[e2e] code-server ready (${bin}) in ${Date.now() - t} ms\n`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await stopAllSessions();
    killAllChildren();
  },
};
