import * as assert from 'node:assert/strict';
import { defaultVsix, openContainer, sidebarRow, startSession, step, type Session } from './harness';

describe('smoke: the extension in a real VS Code', function () {
  let session: Session | undefined;

  before(async function () {
    session = await startSession({ vsix: defaultVsix() });
    process.stderr.write(`[e2e] timings ${JSON.stringify(session.timings)}\n`);
  });

  after(async function () {
    await session?.stop();
  });

  it('shows the ML Interview Prep container with the "Classic Machine Learning" topic', async function () {
    const s = session;
    assert.ok(s, 'session started');
    await openContainer(s.page, 'ML Interview Prep');
    await step('the Topics tree to show "Classic ML" (the short title of Classic Machine Learning)', () =>
      sidebarRow(s.page, 'Classic ML').waitFor({ state: 'visible' }),
    );
    await s.screenshot('smoke-topics');
  });
});
