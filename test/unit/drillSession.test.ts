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
    assert.equal(session.position, '3 of 4', 'the skipped question comes back at the end');
    session.reveal({ questionId: 'q3', step }, T0 + 21_000);
    assert.equal(await session.grade({ questionId: 'q3', step }, 1, [], save), 'graded');
    assert.equal(session.current, 'q2');
    step = session.show(T0 + 30_000);
    assert.equal(session.skip({ questionId: 'q2', step }), true, 'a second skip is final');
    assert.equal(session.current, 'q3', 'Again put q3 at the end');
    step = session.show(T0 + 40_000);
    assert.equal(session.position, '5 of 5');
    session.reveal({ questionId: 'q3', step }, T0 + 41_000);
    assert.equal(await session.grade({ questionId: 'q3', step }, 1, [], save), 'graded');
    assert.equal(session.current, 'q3', 'and again after another Again');
    step = session.show(T0 + 50_000);
    assert.equal(session.skip({ questionId: 'q3', step }), true);
    assert.equal(session.current, 'q3', 'its first skip brings it back once more');
    step = session.show(T0 + 60_000);
    assert.equal(session.skip({ questionId: 'q3', step }), true);
    assert.equal(session.done, true);
    assert.equal(session.current, undefined);
    assert.deepEqual(session.graded, [4, 1, 1]);
    assert.equal(session.skipped, 4);
    assert.equal(session.skip({ questionId: 'q3', step }), false, 'nothing to skip after the end');
    assert.equal(await session.grade({ questionId: 'q3', step }, 3, [], save), 'ignored');
    assert.deepEqual(session.graded, [4, 1, 1]);
  });

  it('undo takes back the last grades, last first, and the re-queued copy of an Again', async () => {
    const session = new DrillSession<string>(['q1', 'q2', 'q3']);
    const reverted: string[] = [];
    const revert = (token: string) => {
      reverted.push(token);
      return Promise.resolve();
    };
    let step = session.show(T0);
    assert.equal(session.canUndo, false);
    assert.equal(await session.undo(step, revert), 'ignored', 'nothing to undo yet');
    session.reveal({ questionId: 'q1', step }, T0 + 1000);
    await session.grade({ questionId: 'q1', step }, 3, [0], () => Promise.resolve('r1'));
    step = session.show(T0 + 2000);
    session.reveal({ questionId: 'q2', step }, T0 + 3000);
    await session.grade({ questionId: 'q2', step }, 1, [], () => Promise.resolve('r2'));
    assert.deepEqual(session.queue, ['q1', 'q2', 'q3', 'q2']);
    step = session.show(T0 + 4000);
    assert.ok(session.canUndo);
    assert.equal(await session.undo(step - 1, revert), 'ignored', 'a late undo from an earlier step');
    assert.equal(await session.undo(step, revert), 'undone');
    assert.deepEqual(session.queue, ['q1', 'q2', 'q3'], 'the Again copy is gone');
    assert.equal(session.current, 'q2');
    assert.deepEqual(session.graded, [3]);
    step = session.show(T0 + 5000);
    assert.equal(await session.undo(step, revert), 'undone');
    assert.equal(session.current, 'q1');
    assert.deepEqual(reverted, ['r2', 'r1']);
    assert.deepEqual(session.summary().counts, { 1: 0, 2: 0, 3: 0, 4: 0 });
    step = session.show(T0 + 6000);
    assert.equal(await session.undo(step, revert), 'ignored', 'nothing left to undo');
  });

  it('a skip ends what undo can take back; a failed revert changes nothing', async () => {
    const session = new DrillSession<string>(['q1', 'q2', 'q3']);
    let step = session.show(T0);
    session.reveal({ questionId: 'q1', step }, T0);
    await session.grade({ questionId: 'q1', step }, 2, [], () => Promise.resolve('r1'));
    step = session.show(T0);
    const failed = await session.undo(step, () => Promise.reject(new Error('disk full')));
    assert.ok(typeof failed === 'object' && (failed.failed as Error).message === 'disk full');
    assert.equal(session.current, 'q2');
    assert.ok(session.canUndo);
    assert.ok(session.skip({ questionId: 'q2', step }));
    step = session.show(T0);
    assert.equal(session.canUndo, false);
    assert.equal(await session.undo(step, () => Promise.resolve()), 'ignored');
  });

  it('the summary counts grades and skips, times the drill and lists the weak ones worst first', async () => {
    const session = new DrillSession(['q1', 'q2', 'q3', 'q4']);
    const save = () => Promise.resolve();
    const answer = async (id: string, grade: 1 | 2 | 3 | 4, covered: number[], at: number) => {
      const step = session.show(at);
      session.reveal({ questionId: id, step }, at + 500);
      assert.equal(await session.grade({ questionId: id, step }, grade, covered, save, at + 1000), 'graded');
    };
    await answer('q1', 2, [0], T0);
    await answer('q2', 4, [0, 1], T0 + 10_000);
    const step = session.show(T0 + 20_000);
    session.skip({ questionId: 'q3', step }, T0 + 21_000);
    await answer('q4', 1, [], T0 + 30_000);
    await answer('q3', 3, [], T0 + 40_000);
    await answer('q4', 3, [1], T0 + 50_000);
    assert.ok(session.done);
    const summary = session.summary();
    assert.deepEqual(summary.counts, { 1: 1, 2: 1, 3: 2, 4: 1 });
    assert.equal(summary.skipped, 1);
    assert.equal(summary.durationMs, 51_000);
    assert.deepEqual(summary.weak, [
      { questionId: 'q4', worst: 1, covered: [1] },
      { questionId: 'q1', worst: 2, covered: [0] },
    ]);
  });

  it('undo through the store takes the review out of what counts', async () => {
    const store = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => T0 });
    await store.load();
    const session = new DrillSession<Awaited<ReturnType<StudyStore['recordReview']>>>(['q1']);
    let step = session.show(T0);
    session.reveal({ questionId: 'q1', step }, T0);
    await session.grade({ questionId: 'q1', step }, 1, [], (input) => store.recordReview({ ...input, keyPointCount: 0 }));
    assert.equal(store.history().log.length, 1);
    step = session.show(T0);
    assert.equal(await session.undo(step, (r) => store.revertReview(r)), 'undone');
    assert.equal(store.history().log.length, 0);
    assert.equal(store.isPracticed('q1'), false);
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
    assert.ok(isDrillWebviewMessage({ type: 'undo', step: 4 }));
    assert.ok(isDrillWebviewMessage({ type: 'drillWeak' }));
    assert.equal(isDrillWebviewMessage({ type: 'undo' }), false, 'an undo names its step');
    assert.equal(isDrillWebviewMessage({ type: 'undo', step: -1 }), false);
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
