import * as assert from 'node:assert/strict';
import { DrillSession, timerSeconds, type GradeInput } from '../../src/drill/drillSession';
import { isDrillWebviewMessage } from '../../src/shared/protocol';
import { StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento } from './helpers';

const T0 = Date.UTC(2025, 2, 1, 9);

describe('drill grading is idempotent', () => {
  it('grades once when the grade arrives twice before the first is saved, and skips nothing', async () => {
    const session = new DrillSession(['q1', 'q2', 'q3']);
    const saved: GradeInput[] = [];
    let release: () => void = () => undefined;
    const slowSave = (input: GradeInput) => {
      saved.push(input);
      return new Promise<void>((resolve) => (release = resolve));
    };
    const step = session.show(T0);
    assert.ok(session.reveal({ questionId: 'q1', step }, T0 + 5000));
    const first = session.grade({ questionId: 'q1', step }, 3, [0], slowSave);
    const second = session.grade({ questionId: 'q1', step }, 3, [0], slowSave);
    assert.equal(await second, 'ignored', 'the duplicate is ignored while the first is being saved');
    release();
    assert.equal(await first, 'graded');
    assert.equal(await session.grade({ questionId: 'q1', step }, 3, [0], slowSave), 'ignored', 'and after it');
    assert.deepEqual(saved.map((s) => [s.questionId, s.durationMs]), [['q1', 5000]]);
    assert.equal(session.current, 'q2', 'the next question is the second, not the third');
    assert.equal(session.position, '2 of 3');
  });

  it('ignores a message for another step or question, and a grade before reveal', async () => {
    const session = new DrillSession(['q1', 'q2']);
    const save = () => Promise.resolve();
    const step = session.show(T0);
    assert.equal(await session.grade({ questionId: 'q1', step }, 3, [], save), 'ignored', 'not revealed yet');
    session.reveal({ questionId: 'q1', step }, T0 + 1);
    assert.equal(await session.grade({ questionId: 'q2', step }, 3, [], save), 'ignored', 'other question');
    assert.equal(await session.grade({ questionId: 'q1', step: step + 1 }, 3, [], save), 'ignored', 'other step');
    assert.equal(session.skip({ questionId: 'q1', step: step - 1 }), false);
    assert.equal(session.current, 'q1');
  });

  it('a double skip skips one question', () => {
    const session = new DrillSession(['q1', 'q2', 'q3']);
    const step = session.show(T0);
    assert.equal(session.skip({ questionId: 'q1', step }), true);
    assert.equal(session.skip({ questionId: 'q1', step }), false);
    assert.equal(session.current, 'q2');
    assert.equal(session.skipped, 1);
  });

  it('stays on the question when saving fails, and can grade it again', async () => {
    const session = new DrillSession(['q1', 'q2']);
    const step = session.show(T0);
    session.reveal({ questionId: 'q1', step }, T0);
    const outcome = await session.grade({ questionId: 'q1', step }, 2, [], () => Promise.reject(new Error('disk full')));
    assert.ok(typeof outcome === 'object' && (outcome.failed as Error).message === 'disk full');
    assert.equal(session.current, 'q1');
    assert.equal(await session.grade({ questionId: 'q1', step }, 2, [], () => Promise.resolve()), 'graded');
    assert.deepEqual(session.graded, [2]);
  });

  it('a late message from an earlier drill in the same panel matches nothing', () => {
    const first = new DrillSession(['q1']);
    const old = first.show(T0);
    const next = new DrillSession(['q1'], first.stepsUsed);
    const step = next.show(T0);
    assert.notEqual(step, old);
    assert.equal(next.skip({ questionId: 'q1', step: old }), false);
  });

  it('through the store: two grades of one step log one review', async () => {
    const store = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => T0 });
    await store.load();
    const session = new DrillSession(['q1', 'q2']);
    const step = session.show(T0);
    session.reveal({ questionId: 'q1', step }, T0);
    const save = (input: GradeInput) => store.record({ ...input, keyPointCount: 4 });
    const outcomes = await Promise.all([session.grade({ questionId: 'q1', step }, 3, [1], save), session.grade({ questionId: 'q1', step }, 3, [1], save)]);
    assert.deepEqual(outcomes.sort(), ['graded', 'ignored']);
    assert.equal(store.state.log.length, 1);
    assert.equal(session.current, 'q2');
  });
});

describe('a drill from start to end', () => {
  it('reveals, grades and skips through the queue, then is done and ignores what comes late', async () => {
    const session = new DrillSession(['q1', 'q2', 'q3']);
    const save = () => Promise.resolve();
    assert.equal(session.done, false);
    let step = session.show(T0);
    assert.equal(session.position, '1 of 3');
    assert.equal(session.revealedAfterMs, undefined);
    assert.ok(session.reveal({ questionId: 'q1', step }, T0 + 4000));
    assert.ok(session.reveal({ questionId: 'q1', step }, T0 + 9000), 'a second reveal is allowed');
    assert.equal(session.revealedAfterMs, 4000, 'but the first one timed the answer');
    assert.equal(await session.grade({ questionId: 'q1', step }, 4, [0], save), 'graded');
    step = session.show(T0 + 10_000);
    assert.equal(session.skip({ questionId: 'q2', step }), true);
    step = session.show(T0 + 20_000);
    assert.equal(session.position, '3 of 3');
    session.reveal({ questionId: 'q3', step }, T0 + 21_000);
    assert.equal(await session.grade({ questionId: 'q3', step }, 1, [], save), 'graded');
    assert.equal(session.done, true);
    assert.equal(session.current, undefined);
    assert.deepEqual(session.graded, [4, 1]);
    assert.equal(session.skipped, 1);
    assert.equal(session.skip({ questionId: 'q3', step }), false, 'nothing to skip after the end');
    assert.equal(await session.grade({ questionId: 'q3', step }, 3, [], save), 'ignored');
    assert.deepEqual(session.graded, [4, 1]);
  });

  it('an empty drill is done at once', () => {
    assert.equal(new DrillSession([]).done, true);
  });

  it('times explain and design questions by their settings; off or 0 minutes means no timer', () => {
    const settings = { enabled: true, explainMinutes: 3, designMinutes: 15 };
    assert.equal(timerSeconds('explain', settings), 180);
    assert.equal(timerSeconds('design', settings), 900);
    assert.equal(timerSeconds('quick', settings), 180);
    assert.equal(timerSeconds('design', { ...settings, designMinutes: 0.5 }), 30);
    assert.equal(timerSeconds('explain', { ...settings, enabled: false }), undefined);
    assert.equal(timerSeconds('explain', { ...settings, explainMinutes: 0 }), undefined);
    assert.equal(timerSeconds('explain', { ...settings, explainMinutes: Number.NaN }), undefined);
  });
});

describe('drill messages from the webview', () => {
  it('accept grades, skips and reveals only with the question id and the step', () => {
    const ref = { questionId: 'q'.repeat(240), step: 3 };
    assert.ok(isDrillWebviewMessage({ type: 'grade', grade: 3, covered: [0, 2], ...ref }));
    assert.ok(isDrillWebviewMessage({ type: 'skip', ...ref }));
    assert.ok(isDrillWebviewMessage({ type: 'reveal', ...ref }));
    assert.ok(isDrillWebviewMessage({ type: 'myAnswer' }));
    for (const bad of [
      { type: 'grade', grade: 3, covered: [] },
      { type: 'grade', grade: 3, covered: [], questionId: 'q', step: -1 },
      { type: 'grade', grade: 3, covered: [], questionId: 'q', step: 1.5 },
      { type: 'grade', grade: 3, covered: [], questionId: 'q'.repeat(241), step: 1 },
      { type: 'grade', grade: 5, covered: [], questionId: 'q', step: 1 },
      { type: 'skip' },
      { type: 'reveal', questionId: '', step: 0 },
    ]) {
      assert.equal(isDrillWebviewMessage(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });
});
