import * as assert from 'node:assert/strict';
import { readPractice } from '../../src/practice/practiceSchema';
import { PRACTICE_BACKUP_KEY, PRACTICE_KEY, PracticeBackup, PracticeStore } from '../../src/practice/practiceStore';
import { reviewCard } from '../../src/practice/scheduler';
import { MAX_LOG_ENTRIES, PracticeState, ReviewEntry } from '../../src/practice/types';
import { PROGRESS_KEY, ProgressStore } from '../../src/progress/progressStore';
import { MemoryMemento } from './helpers';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

function setup(memento = new MemoryMemento(), clock = { now: T0 }) {
  const progress = new ProgressStore(memento, () => clock.now);
  const store = new PracticeStore(memento, progress, () => clock.now);
  return { memento, progress, store, clock };
}

const attempt = (questionId: string, grade: 1 | 2 | 3 | 4, extra: Partial<ReviewEntry> = {}) => ({
  questionId,
  grade,
  durationMs: 42_000,
  covered: [0, 2],
  keyPointCount: 4,
  ...extra,
});

function entry(questionId: string, at: number): ReviewEntry {
  return { questionId, at, grade: 3, durationMs: 1000, covered: [], keyPointCount: 4 };
}

describe('PracticeStore', () => {
  it('round-trips cards and the review log through the memento', async () => {
    const { memento, store, clock } = setup();
    assert.deepEqual(await store.load(), []);
    const first = await store.record(attempt('q1', 3));
    assert.deepEqual(first, reviewCard(undefined, 3, T0), 'scheduled by the scheduler at the store clock');
    clock.now = T0 + DAY;
    const second = await store.record(attempt('q1', 1, { at: T0 + DAY - 5 }));
    assert.equal(second.lastReview, T0 + DAY - 5, 'an explicit time wins over the clock');
    await store.record(attempt('q2', 4, { covered: [3, 1] }));

    const reloaded = setup(memento, clock).store;
    assert.deepEqual(await reloaded.load(), []);
    assert.deepEqual(reloaded.state, store.state);
    assert.deepEqual(reloaded.card('q1'), second);
    assert.equal(reloaded.card('missing'), undefined);
    assert.equal(reloaded.card('toString'), undefined, 'inherited names are not cards');
    assert.deepEqual(
      reloaded.state.log.map((e) => [e.questionId, e.at, e.grade, e.covered]),
      [
        ['q1', T0, 3, [0, 2]],
        ['q1', T0 + DAY - 5, 1, [0, 2]],
        ['q2', T0 + DAY, 4, [1, 3]],
      ],
    );
    assert.equal((memento.get(PRACTICE_KEY) as PracticeState).version, 1);
  });

  it('marks a graded question practiced in the progress store', async () => {
    const { memento, store, progress } = setup();
    await progress.load();
    await store.load();
    await store.record(attempt('q1', 1));
    assert.equal(progress.isPracticed('q1'), true, 'even Again counts as practiced');
    assert.equal((memento.get(PROGRESS_KEY) as { questions: Record<string, { practiced: boolean }> }).questions.q1.practiced, true);
  });

  it('lists due ids from its cards, longest overdue first', async () => {
    const { store, clock } = setup();
    await store.load();
    await store.record(attempt('late', 3));
    clock.now = T0 + 60_000;
    await store.record(attempt('early', 1));
    assert.deepEqual(store.dueIds(T0), [], 'nothing is due at the moment it was graded');
    assert.deepEqual(store.dueIds(T0 + DAY), ['early', 'late']);
    clock.now = T0 + DAY;
    assert.deepEqual(store.dueIds(), ['early', 'late'], 'defaults to the store clock');
  });

  it('announces every change', async () => {
    const { store } = setup();
    let changes = 0;
    store.onDidChange(() => changes++);
    await store.load();
    await store.record(attempt('q1', 3));
    await store.replace(store.state);
    await store.reset();
    assert.equal(changes, 4);
  });

  it('keeps the log to MAX_LOG_ENTRIES, dropping the oldest', async () => {
    const memento = new MemoryMemento();
    const full = Array.from({ length: MAX_LOG_ENTRIES }, (_, i) => entry(`q${i % 7}`, T0 - MAX_LOG_ENTRIES + i));
    memento.values.set(PRACTICE_KEY, { version: 1, cards: {}, log: full });
    const { store } = setup(memento);
    assert.deepEqual(await store.load(), []);
    await store.record(attempt('new', 3));
    const log = (memento.get(PRACTICE_KEY) as PracticeState).log;
    assert.equal(log.length, MAX_LOG_ENTRIES);
    assert.deepEqual(log[0], full[1], 'the oldest entry went');
    assert.equal(log[log.length - 1].questionId, 'new');
  });

  it('trims a stored log that is too long and says so', async () => {
    const memento = new MemoryMemento();
    const tooLong = Array.from({ length: MAX_LOG_ENTRIES + 3 }, (_, i) => entry('q', T0 + i));
    memento.values.set(PRACTICE_KEY, { version: 1, cards: {}, log: tooLong });
    const { store } = setup(memento);
    const problems = await store.load();
    assert.match(problems.join('\n'), /oldest 3 were dropped/);
    assert.equal(store.state.log.length, MAX_LOG_ENTRIES);
    assert.equal(store.state.log[0].at, T0 + 3);
  });

  it('keeps a late-recorded review in time order', async () => {
    const { store } = setup();
    await store.load();
    await store.record(attempt('a', 3, { at: T0 + 10 }));
    await store.record(attempt('b', 3, { at: T0 + 5 }));
    assert.deepEqual(
      store.state.log.map((e) => e.questionId),
      ['b', 'a'],
    );
  });

  it('salvages valid cards and log entries from damaged data, keeps a backup and reports each problem', async () => {
    const memento = new MemoryMemento();
    const good = reviewCard(undefined, 3, T0);
    const damaged = {
      version: 1,
      cards: {
        good,
        stringDue: { ...good, due: 'tomorrow' },
        badState: { ...good, state: 7 },
        notACard: 12,
      },
      log: [entry('q', T0 + 2), { ...entry('q', T0), grade: 9 }, 'junk', entry('q', T0 + 1), { ...entry('q', T0), covered: [4] }],
    };
    memento.values.set(PRACTICE_KEY, damaged);
    const { store } = setup(memento, { now: 99 });
    const problems = await store.load();
    const text = problems.join('\n');
    assert.equal(problems.length, 6, text);
    assert.match(text, /cards\["stringDue"\]\.due must be a time/);
    assert.match(text, /cards\["badState"\]\.state must be 0, 1, 2 or 3 \(found number 7\)/);
    assert.match(text, /cards\["notACard"\] must be an object/);
    assert.match(text, /log\[1\]\.grade must be 1, 2, 3 or 4 \(found number 9\)/);
    assert.match(text, /log\[2\] must be an object \(found text "junk"\)/);
    assert.match(text, /log\[4\]\.covered\[0\] must be a whole number from 0 to 3/);

    assert.deepEqual(Object.keys(store.state.cards), ['good']);
    assert.deepEqual(store.card('good'), good);
    assert.deepEqual(
      store.state.log.map((e) => e.at),
      [T0 + 1, T0 + 2],
      'valid entries kept, oldest first',
    );
    const backup = memento.get(PRACTICE_BACKUP_KEY) as PracticeBackup;
    assert.deepEqual(backup, { savedAt: 99, reason: 'unreadable', value: damaged });
    // The repaired value was stored, so the user is told only once.
    assert.deepEqual(await setup(memento).store.load(), []);
  });

  it('counts rather than lists a flood of unreadable entries', async () => {
    const memento = new MemoryMemento();
    memento.values.set(PRACTICE_KEY, { version: 1, cards: {}, log: Array.from({ length: 500 }, () => ({ grade: 'x' })) });
    const problems = await setup(memento).store.load();
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.match(problems[5], /495 more log entries could not be read/);
  });

  it('survives values of the wrong type entirely and stays usable', async () => {
    for (const raw of ['garbage', 42, [1, 2], { version: 1, cards: 'x', log: {} }, { version: 9, cards: {}, log: [] }, {}]) {
      const memento = new MemoryMemento();
      memento.values.set(PRACTICE_KEY, raw);
      const { store } = setup(memento);
      const problems = await store.load();
      assert.ok(problems.length > 0, `problem reported for ${JSON.stringify(raw)}`);
      assert.deepEqual((memento.get(PRACTICE_BACKUP_KEY) as PracticeBackup).value, raw);
      await store.record(attempt('q', 3));
      assert.ok(store.card('q'));
    }
  });

  it('never throws from load, even when the memento does', async () => {
    const memento = new MemoryMemento();
    memento.values.set(PRACTICE_KEY, 'garbage');
    memento.update = () => Promise.reject(new Error('disk full'));
    const problems = await setup(memento).store.load();
    assert.match(problems.join('\n'), /could not be saved \(Error: disk full\)/);
  });

  it('rejects a bad record naming the field, and changes nothing', async () => {
    const { memento, store, progress } = setup();
    await store.load();
    await store.record(attempt('q1', 3));
    const before = store.state;
    const writes = memento.writes;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ grade: 5 }, /review\.grade must be 1, 2, 3 or 4 \(found number 5\)/],
      [{ questionId: '' }, /review\.questionId must be a question id/],
      [{ covered: [0, 4] }, /review\.covered\[1\] must be a whole number from 0 to 3/],
      [{ covered: [1, 1] }, /review\.covered lists key point 1 twice/],
      [{ keyPointCount: 51, covered: [] }, /review\.keyPointCount must be a whole number from 0 to 50/],
      [{ durationMs: -1 }, /review\.durationMs must be a number from 0/],
      [{ durationMs: Number.NaN }, /review\.durationMs must be a number/],
      [{ at: Number.POSITIVE_INFINITY }, /review\.at must be a time/],
    ];
    for (const [change, message] of cases) {
      await assert.rejects(store.record({ ...attempt('q2', 3), ...change } as never), message, JSON.stringify(change));
    }
    assert.equal(store.state, before);
    assert.equal(memento.writes, writes);
    assert.equal(progress.isPracticed('q2'), false);
  });

  it('stores a drill left open for days with its duration capped', async () => {
    const { store } = setup();
    await store.load();
    await store.record(attempt('q', 3, { durationMs: 5 * DAY }));
    assert.equal(store.state.log[0].durationMs, DAY);
  });

  it('keeps a question id such as "__proto__" as plain data', async () => {
    const { memento, store } = setup();
    await store.load();
    await store.record(attempt('__proto__', 3));
    assert.equal(Object.getPrototypeOf(store.state.cards), Object.prototype);
    assert.ok(Object.hasOwn(store.state.cards, '__proto__'));
    const reloaded = setup(memento).store;
    assert.deepEqual(await reloaded.load(), []);
    assert.ok(reloaded.card('__proto__'));
  });

  it('replaces the whole state, refusing a damaged one without changing anything', async () => {
    const { memento, store } = setup();
    await store.load();
    await store.record(attempt('local', 3));
    const merged: PracticeState = { version: 1, cards: { other: reviewCard(undefined, 4, T0) }, log: [entry('other', T0)] };
    await store.replace(merged);
    assert.deepEqual(store.state, merged);
    assert.deepEqual(memento.get(PRACTICE_KEY), merged);

    const bad = { version: 1, cards: {}, log: [{ ...entry('x', T0), grade: 0 }] } as unknown as PracticeState;
    await assert.rejects(store.replace(bad), /log\[0\]\.grade must be 1, 2, 3 or 4/);
    assert.deepEqual(store.state, merged);
    assert.deepEqual(memento.get(PRACTICE_KEY), merged);
  });

  it('reset empties cards and log after keeping a readable backup', async () => {
    const { memento, store } = setup(new MemoryMemento(), { now: T0 + 5 });
    await store.load();
    await store.record(attempt('a', 3));
    await store.reset();
    assert.deepEqual(store.state, emptyAfterLoad());
    assert.deepEqual(memento.get(PRACTICE_KEY), emptyAfterLoad());
    const backup = memento.get(PRACTICE_BACKUP_KEY) as PracticeBackup;
    assert.equal(backup.reason, 'reset');
    assert.equal(backup.savedAt, T0 + 5);
    const restored = readPractice(backup.value);
    assert.deepEqual(restored.problems, []);
    assert.equal(restored.state.log[0].questionId, 'a');
    assert.ok(restored.state.cards.a);
  });

  it('stores quick successive grades in order', async () => {
    const { memento, store } = setup();
    await store.load();
    await Promise.all([store.record(attempt('a', 3, { at: T0 })), store.record(attempt('a', 3, { at: T0 + DAY })), store.record(attempt('a', 3, { at: T0 + 3 * DAY }))]);
    const reloaded = setup(memento).store;
    await reloaded.load();
    assert.equal(reloaded.card('a')?.reps, 3);
    assert.equal(reloaded.state.log.length, 3);
  });
});

function emptyAfterLoad(): PracticeState {
  return { version: 1, cards: {}, log: [] };
}
