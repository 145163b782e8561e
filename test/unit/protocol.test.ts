// Webview messages are checked at the boundary: whatever a page posts, handlers see only valid ones.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeMessage, isDashboardWebviewMessage, isDrillWebviewMessage, isWebviewMessage } from '../../src/shared/protocol';

describe('webview message guards', () => {
  it('accept the messages the panels send', () => {
    for (const m of [{ type: 'ready' }, { type: 'pin' }, { type: 'back' }, { type: 'forward' }, { type: 'open', id: 'kv-cache' }, { type: 'togglePracticed', id: 'q' }, { type: 'openExternal', url: 'https://arxiv.org' }]) {
      assert.ok(isWebviewMessage(m), JSON.stringify(m));
    }
    // Actions on a question name it and the drill step, so a repeated one is ignored.
    const ref = { questionId: 'q', step: 0 };
    for (const m of [{ type: 'reveal', ...ref }, { type: 'skip', ...ref }, { type: 'myAnswer' }, { type: 'grade', grade: 3, covered: [0, 2], ...ref }, { type: 'grade', grade: 1, covered: [], ...ref }]) {
      assert.ok(isDrillWebviewMessage(m), JSON.stringify(m));
    }
  });

  it('reject null, an id object, unknown types and bad grades', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'open',
      [],
      { type: 'open', id: { toString: 'x' } },
      { type: 'open', id: '' },
      { type: 'open', id: 'x'.repeat(241) },
      { type: 'togglePracticed' },
      { type: 'openExternal', url: 7 },
      { type: 'nope' },
      { type: '__proto__' },
    ];
    for (const m of bad) {
      assert.equal(isWebviewMessage(m), false, describeMessage(m));
    }
    const badDrill: unknown[] = [
      null,
      { type: 'grade', grade: 3, covered: [] },
      { type: 'skip' },
      { type: 'reveal', questionId: 'q' },
      { type: 'grade', grade: 3 },
      { type: 'grade', grade: 3, covered: '0,1' },
      { type: 'grade', grade: 3, covered: [0, 0] },
      { type: 'grade', grade: 3, covered: [-1] },
      { type: 'grade', grade: 3, covered: [1.5] },
      { type: 'grade', grade: 5, covered: [] },
      { type: 'grade', grade: '3', covered: [] },
      { type: 'open', id: null },
    ];
    for (const m of badDrill) {
      assert.equal(isDrillWebviewMessage(m), false, describeMessage(m));
    }
    // The dashboard opens entries and links and starts drills: the answer panel's actions are not its own.
    for (const m of [{ type: 'ready' }, { type: 'open', id: 'kv-cache' }, { type: 'openExternal', url: 'https://arxiv.org' }, { type: 'startReview' }, { type: 'drillTopic', id: 'deep-learning' }]) {
      assert.ok(isDashboardWebviewMessage(m), JSON.stringify(m));
    }
    for (const m of [null, { type: 'togglePracticed', id: 'q' }, { type: 'pin' }, { type: 'open', id: '' }, { type: 'openExternal', url: 7 }, { type: 'grade', grade: 3, covered: [] }, { type: 'drillTopic' }, { type: 'drillTopic', id: '' }]) {
      assert.equal(isDashboardWebviewMessage(m), false, describeMessage(m));
    }
  });

  it('never throw on any value, and describe it briefly for the log', () => {
    fc.assert(
      fc.property(fc.anything(), (m) => {
        isWebviewMessage(m);
        isDrillWebviewMessage(m);
        isDashboardWebviewMessage(m);
        assert.ok(describeMessage(m).length <= 201);
      }),
      { numRuns: 2000 },
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(describeMessage(cyclic), '[object Object]');
  });
});
