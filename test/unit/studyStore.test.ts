import * as assert from 'node:assert/strict';
import { reviewCard } from '../../src/study/scheduler';
import { MAX_LOG_ENTRIES, type ReviewEntry } from '../../src/study/types';
import { LEGACY_PRACTICE_KEY, LEGACY_PROGRESS_KEY } from '../../src/study/legacy';
import { TIME_WINDOW, validateState } from '../../src/study/schema';
import { decodeStored, encodeLocal, type StoredValue } from '../../src/study/storedValue';
import { ReadOnlyError, STUDY_LOCAL_KEY, STUDY_SYNC_KEY, StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento } from './helpers';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

function setup(memento = new MemoryMemento(), clock = { now: T0 }, isQuestion?: (id: string) => boolean) {
  const backups = new MemoryBackups();
  const store = new StudyStore({ memento, backups, now: () => clock.now, isQuestion });
  return { memento, store, clock, backups };
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

const stored = (memento: MemoryMemento, key = STUDY_LOCAL_KEY) => memento.get<StoredValue>(key);

describe('StudyStore', () => {
  it('round-trips marks, cards and the review log through the memento', async () => {
    const { memento, store, clock } = setup();
    assert.deepEqual(await store.load(), { problems: [] });
    const first = await store.record(attempt('q1', 3));
    assert.deepEqual(first, reviewCard(undefined, 3, T0), 'scheduled by the scheduler at the store clock');
    clock.now = T0 + DAY;
    const second = await store.record(attempt('q1', 1, { at: T0 + DAY - 5 }));
    assert.equal(second.lastReview, T0 + DAY - 5, 'an explicit time wins over the clock');
    await store.record(attempt('q2', 4, { covered: [3, 1] }));
    await store.setPracticed(['q3'], true);

    const reloaded = setup(memento, clock).store;
    assert.deepEqual(await reloaded.load(), { problems: [] });
    assert.deepEqual(reloaded.state, store.state);
    assert.deepEqual(reloaded.card('q1'), second);
    assert.equal(reloaded.card('missing'), undefined);
    assert.equal(reloaded.card('toString'), undefined, 'inherited names are not cards');
    assert.ok(reloaded.isPracticed('q1') && reloaded.isPracticed('q2') && reloaded.isPracticed('q3'));
    assert.equal(reloaded.card('q3'), undefined, 'a question ticked by hand has no card until it is graded');
    assert.equal(reloaded.countPracticed(['q1', 'q2', 'q3', 'q4']), 3);
    assert.deepEqual(
      reloaded.state.log.map((e) => [e.questionId, e.at, e.grade, e.covered]),
      [
        ['q1', T0, 3, [0, 2]],
        ['q1', T0 + DAY - 5, 1, [0, 2]],
        ['q2', T0 + DAY, 4, [1, 3]],
      ],
    );
    assert.equal(stored(memento)?.version, 1);
    assert.equal(stored(memento, STUDY_SYNC_KEY)?.version, 1);
  });

  it('stores "practiced" once: a grade marks the question practiced, in the same record as its card', async () => {
    const { memento, store } = setup();
    await store.load();
    await store.record(attempt('q1', 1));
    assert.equal(store.isPracticed('q1'), true, 'even Again counts as practiced');
    const record = stored(memento)?.questions.q1;
    assert.equal(record?.p, 1);
    assert.ok(Array.isArray(record?.c), 'the card lives in the same record');
    assert.deepEqual(Object.keys(memento.values).sort(), [], 'no other keys (the Map holds them)');
    assert.deepEqual([...memento.values.keys()].sort(), [STUDY_SYNC_KEY, STUDY_LOCAL_KEY].sort());
  });

  it('un-ticking clears the mark and takes the question out of review, keeping its reviews', async () => {
    const { store, clock } = setup();
    await store.load();
    await store.record(attempt('q1', 1));
    clock.now = T0 + 2 * DAY;
    assert.deepEqual(store.dueToday(clock.now), ['q1']);
    await store.toggle('q1');
    assert.equal(store.isPracticed('q1'), false);
    assert.equal(store.card('q1'), undefined, 'no card: not due any more');
    assert.deepEqual(store.dueToday(clock.now), []);
    assert.equal(store.state.log.length, 1, 'the review history is kept');
    assert.equal(store.get('q1')?.firstPracticedAt, T0);
    // Ticking again is a mark without a card; grading again starts a new schedule.
    await store.toggle('q1');
    assert.equal(store.card('q1'), undefined);
    const card = await store.record(attempt('q1', 3));
    assert.equal(card.reps, 1);
  });

  it('announces exactly the ids that changed, for every kind of change', async () => {
    const { store } = setup();
    await store.load();
    const seen: string[][] = [];
    store.onDidChange((e) => seen.push([...e.ids].sort()));
    await store.setPracticed(['a', 'b'], true);
    await store.setPracticed(['a'], true);
    await store.toggle('b');
    await store.record(attempt('c', 3));
    await store.reset();
    assert.deepEqual(seen, [['a', 'b'], ['b'], ['c'], ['a', 'b', 'c']]);
  });

  it('keeps ids the catalog does not know, and leaves them out of what is due', async () => {
    const catalog = new Set(['known']);
    const memento = new MemoryMemento();
    const { store, clock } = setup(memento, { now: T0 }, (id) => catalog.has(id));
    await store.load();
    await store.record(attempt('known', 1));
    await store.record(attempt('removed-question', 1));
    clock.now = T0 + DAY;
    assert.deepEqual(store.dueToday(clock.now), ['known'], 'the tree, the status bar and the dashboard count the same');
    const reloaded = setup(memento).store;
    await reloaded.load();
    assert.deepEqual(Object.keys(reloaded.state.questions).sort(), ['known', 'removed-question']);
  });

  it('counts a card due later today as due today, longest overdue first', async () => {
    const { store, clock } = setup();
    await store.load();
    await store.record(attempt('late', 3));
    clock.now = T0 + 60_000;
    await store.record(attempt('early', 1));
    assert.deepEqual(store.dueToday(T0 - DAY), [], 'nothing is due the day before');
    assert.deepEqual(store.dueToday(T0 + 10 * DAY), ['early', 'late']);
    const failed = store.card('early');
    assert.ok(failed && failed.due > clock.now, 'Again: due again in minutes, not now');
    assert.ok(store.dueToday(clock.now).includes('early'), 'but due today');
  });

  it('grades a question whose id is 240 characters long, as user content allows', async () => {
    const { memento, store } = setup();
    await store.load();
    const id = 'q'.repeat(240);
    await store.record(attempt(id, 3));
    await store.setPracticed(['x'.repeat(240)], true);
    const reloaded = setup(memento).store;
    assert.deepEqual(await reloaded.load(), { problems: [] });
    assert.ok(reloaded.card(id));
    await assert.rejects(store.record(attempt('q'.repeat(241), 3)), /review\.questionId must be a question id, text of 1 to 240 characters/);
  });

  it('moves a clock outside the time window into it, so every write passes the one validation', async () => {
    const { store, clock } = setup();
    await store.load();
    clock.now = Date.UTC(1971, 0, 1);
    await store.record(attempt('dead-battery', 3));
    await store.setPracticed(['marked'], true);
    clock.now = Date.UTC(2150, 0, 1);
    await store.record(attempt('far-future', 3));
    assert.deepEqual(store.state.log.map((e) => e.at), [TIME_WINDOW.earliest, TIME_WINDOW.latest]);
    assert.deepEqual(validateState(store.state), []);
  });

  it('keeps the log to MAX_LOG_ENTRIES, dropping the oldest', async () => {
    const memento = new MemoryMemento();
    const full = Array.from({ length: MAX_LOG_ENTRIES }, (_, i) => entry(`q${i % 7}`, T0 - MAX_LOG_ENTRIES + i));
    memento.values.set(STUDY_LOCAL_KEY, encodeLocal({ resetAt: 0, questions: {}, log: full }));
    const { store } = setup(memento);
    assert.deepEqual(await store.load(), { problems: [] });
    await store.record(attempt('new', 3));
    const log = decodeStored(stored(memento)).state.log;
    assert.equal(log.length, MAX_LOG_ENTRIES);
    assert.deepEqual(log[0], full[1], 'the oldest entry went');
    assert.equal(log[log.length - 1].questionId, 'new');
  });

  it('keeps a late-recorded review in time order, and two grades of one millisecond apart', async () => {
    const { store } = setup();
    await store.load();
    await store.record(attempt('a', 3, { at: T0 + 10 }));
    await store.record(attempt('b', 3, { at: T0 + 5 }));
    await store.record(attempt('b', 4, { at: T0 + 5 }));
    assert.deepEqual(
      store.state.log.map((e) => [e.questionId, e.at]),
      [
        ['b', T0 + 5],
        ['b', T0 + 6],
        ['a', T0 + 10],
      ],
    );
  });

  it('salvages valid records and reviews from damaged data, keeps a backup and reports each problem once', async () => {
    const memento = new MemoryMemento();
    const good = reviewCard(undefined, 3, T0);
    const goodTuple = encodeLocal({ resetAt: 0, questions: { g: { practiced: true, updatedAt: T0, card: good } }, log: [] }).questions.g;
    const damaged = {
      version: 1,
      resetAt: 0,
      questions: {
        good: goodTuple,
        stringDue: { ...goodTuple, c: ['tomorrow', ...(goodTuple.c ?? []).slice(1)] },
        notPracticedButCard: { ...goodTuple, p: 0 },
        notARecord: 12,
      },
      log: [
        ['q', T0 + 2, 3, 1000, [], 4],
        ['q', T0, 9, 1000, [], 4],
        'junk',
        ['q', T0 + 1, 3, 1000, [], 4],
        ['q', T0, 3, 1000, [4], 4],
      ],
    };
    memento.values.set(STUDY_LOCAL_KEY, damaged);
    const { store, backups } = setup(memento, { now: T0 + 99 });
    const { problems } = await store.load();
    const text = problems.join('\n');
    assert.equal(problems.length, 6, text);
    assert.match(text, /questions\["stringDue"\]\.card\.due must be a time/);
    assert.match(text, /questions\["notPracticedButCard"\]\.card must be absent for a question not practiced/);
    assert.match(text, /questions\["notARecord"\] must be an object/);
    assert.match(text, /log\[1\]\.grade must be 1, 2, 3 or 4 \(found number 9\)/);
    assert.match(text, /log\[2\] must be a list of 6 to 8 fields \(found text "junk"\)/);
    assert.match(text, /log\[4\]\.covered\[0\] must be a whole number from 0 to 3/);

    assert.deepEqual(Object.keys(store.state.questions), ['good']);
    assert.deepEqual(store.card('good'), good);
    assert.deepEqual(store.state.log.map((e) => e.at), [T0 + 1, T0 + 2], 'valid entries kept, oldest first');
    assert.equal(backups.saved.length, 1);
    assert.equal(backups.saved[0].reason, 'unreadable');
    assert.deepEqual((backups.saved[0].value as { value: unknown }).value, damaged);
    // The repaired value was stored, so the user is told only once.
    assert.deepEqual(await setup(memento).store.load(), { problems: [] });
  });

  it('counts rather than lists a flood of unreadable reviews', async () => {
    const memento = new MemoryMemento();
    memento.values.set(STUDY_LOCAL_KEY, { version: 1, resetAt: 0, questions: {}, log: Array.from({ length: 500 }, () => ['x']) });
    const { problems } = await setup(memento).store.load();
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.match(problems[5], /495 more reviews could not be read and were dropped/);
  });

  it('survives values of the wrong type entirely, keeps a backup of each and stays usable', async () => {
    for (const raw of ['garbage', 42, [1, 2], { version: 1, questions: 'x', log: {} }, { version: 0, questions: {}, log: [] }, {}]) {
      const memento = new MemoryMemento();
      memento.values.set(STUDY_SYNC_KEY, raw);
      const { store, backups } = setup(memento);
      const { problems } = await store.load();
      assert.ok(problems.length > 0, `problem reported for ${JSON.stringify(raw)}`);
      assert.deepEqual((backups.saved[0].value as { value: unknown }).value, raw);
      await store.record(attempt('q', 3));
      assert.ok(store.card('q'));
    }
  });

  it('never throws from load, even when the memento does', async () => {
    const memento = new MemoryMemento();
    memento.values.set(STUDY_LOCAL_KEY, 'garbage');
    memento.update = () => Promise.reject(new Error('disk full'));
    const { problems } = await setup(memento).store.load();
    assert.match(problems.join('\n'), /could not be saved \(Error: disk full\)/);
    const throwing = new MemoryMemento();
    throwing.get = () => {
      throw new Error('no storage');
    };
    assert.match((await setup(throwing).store.load()).problems.join('\n'), /could not be read \(Error: no storage\)/);
  });

  it('rewrites nothing when a backup cannot be saved', async () => {
    const memento = new MemoryMemento();
    memento.values.set(STUDY_LOCAL_KEY, 'garbage');
    const store = new StudyStore({ memento, backups: { save: () => Promise.reject(new Error('read-only disk')) }, now: () => T0 });
    const { problems } = await store.load();
    assert.match(problems.join('\n'), /a backup could not be saved .*left as they were/);
    assert.equal(memento.get(STUDY_LOCAL_KEY), 'garbage');
    assert.equal(memento.writes, 0);
  });

  it('rejects a bad grade naming the field, and changes nothing', async () => {
    const { memento, store } = setup();
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
      [{ at: Date.UTC(1999, 0, 1) }, /review\.at must be a time in milliseconds between 2000-01-01 and 2100-01-01/],
    ];
    for (const [change, message] of cases) {
      await assert.rejects(store.record({ ...attempt('q2', 3), ...change } as never), message, JSON.stringify(change));
    }
    await assert.rejects(store.setPracticed(['y'.repeat(241)], true), /StudyStore\.setPracticed: the question id must be a question id/);
    assert.equal(store.state, before);
    assert.equal(memento.writes, writes);
    assert.equal(store.isPracticed('q2'), false);
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
    await store.setPracticed(['constructor'], true);
    assert.equal(Object.getPrototypeOf(store.state.questions), Object.prototype);
    assert.ok(Object.hasOwn(store.state.questions, '__proto__'));
    const reloaded = setup(memento).store;
    assert.deepEqual(await reloaded.load(), { problems: [] });
    assert.ok(reloaded.card('__proto__'));
    assert.ok(reloaded.isPracticed('constructor'));
    assert.ok(Object.hasOwn(reloaded.history().cards, '__proto__'));
  });

  it('stores quick successive toggles and grades in order', async () => {
    const { memento, store } = setup();
    await store.load();
    await Promise.all([store.toggle('a'), store.toggle('a'), store.toggle('a')]);
    await Promise.all([store.record(attempt('b', 3, { at: T0 })), store.record(attempt('b', 3, { at: T0 + DAY })), store.record(attempt('b', 3, { at: T0 + 3 * DAY }))]);
    const reloaded = setup(memento).store;
    await reloaded.load();
    assert.equal(reloaded.isPracticed('a'), true, 'three toggles from unpracticed: practiced');
    assert.equal(reloaded.card('b')?.reps, 3);
    assert.equal(reloaded.state.log.length, 3);
  });

  it('revertReview takes a grade back: the review leaves the log and the record is what it was', async () => {
    const { store, clock, memento } = setup();
    await store.load();
    await store.record(attempt('q1', 3));
    const before = store.get('q1');
    clock.now = T0 + DAY;
    const recorded = await store.recordReview(attempt('q1', 1));
    assert.equal(store.history().log.length, 2);
    clock.now = T0 + DAY + 1000;
    await store.revertReview(recorded);
    assert.equal(store.history().log.length, 1);
    assert.equal(store.history().log[0].at, T0);
    assert.deepEqual(store.card('q1'), before?.card, 'the card scheduled by the first grade again');
    assert.equal(store.isPracticed('q1'), true);
    assert.equal(decodeStored(stored(memento)).state.log.filter((e) => e.revokedAt === undefined).length, 1, 'and it is written, the review kept as revoked');
    // A first grade taken back leaves the question unpracticed, without a card.
    const first = await store.recordReview(attempt('q2', 4));
    await store.revertReview(first);
    assert.equal(store.isPracticed('q2'), false);
    assert.equal(store.card('q2'), undefined);
    assert.ok(!store.history().log.some((e) => e.questionId === 'q2'));
    assert.ok(store.state.log.some((e) => e.questionId === 'q2' && e.revokedAt !== undefined), 'kept as a marker for other windows');
  });

  it('revertReview merges with what another window wrote meanwhile, and its revert wins there', async () => {
    const memento = new MemoryMemento();
    const clock = { now: T0 };
    const a = setup(memento, clock).store;
    const b = setup(memento, clock).store;
    await a.load();
    await b.load();
    const recorded = await a.recordReview(attempt('q1', 2));
    clock.now = T0 + 1000;
    await b.refresh();
    await b.record(attempt('q2', 3));
    clock.now = T0 + 2000;
    await a.revertReview(recorded);
    assert.ok(a.isPracticed('q2'), "the other window's grade is kept");
    assert.equal(a.isPracticed('q1'), false);
    await b.refresh();
    assert.equal(b.isPracticed('q1'), false, 'the revert reaches the other window');
    assert.deepEqual(
      b.history().log.map((e) => e.questionId),
      ['q2'],
    );
  });

  it('revertReview keeps a newer grade another window gave the question, removing only the review', async () => {
    const memento = new MemoryMemento();
    const clock = { now: T0 };
    const a = setup(memento, clock).store;
    const b = setup(memento, clock).store;
    await a.load();
    await b.load();
    const recorded = await a.recordReview(attempt('q1', 2));
    clock.now = T0 + 1000;
    await b.refresh();
    const card = await b.record(attempt('q1', 4));
    clock.now = T0 + 2000;
    await a.revertReview(recorded);
    assert.deepEqual(a.card('q1'), card);
    assert.deepEqual(
      a.history().log.map((e) => e.at),
      [T0 + 1000],
    );
  });

  it('reset clears everything and leaves a marker newer than anything it cleared', async () => {
    const { memento, store, clock } = setup();
    await store.load();
    await store.record(attempt('a', 3, { at: T0 + DAY }));
    await store.reset();
    assert.equal(Object.keys(store.state.questions).length, 0);
    assert.equal(store.state.log.length, 0);
    assert.ok(store.state.resetAt > T0 + DAY, 'later than the review stamped a day ahead');
    assert.equal(stored(memento, STUDY_SYNC_KEY)?.resetAt, store.state.resetAt, 'the marker is synced');
    await store.record(attempt('b', 3));
    assert.ok(store.state.log[0].at >= store.state.resetAt, 'a grade after a reset is never before it');
    assert.equal(clock.now, T0);
  });
});

describe('StudyStore migration of earlier versions', () => {
  const oldCard = reviewCard(undefined, 3, T0);

  it('migrates the version-2 marks and version-1 practice values, losing nothing, and removes them after a backup', async () => {
    const memento = new MemoryMemento();
    const progress = {
      version: 2,
      questions: {
        graded: { practiced: true, firstPracticedAt: T0 - DAY, lastPracticedAt: T0 },
        ticked: { practiced: true, firstPracticedAt: T0 - 2 * DAY, lastPracticedAt: T0 - 2 * DAY },
        unticked: { practiced: false, firstPracticedAt: T0 - 3 * DAY, lastPracticedAt: T0 - 3 * DAY },
        unknownToCatalog: { practiced: true },
      },
    };
    const practice = {
      version: 1,
      cards: { graded: oldCard, unticked: reviewCard(undefined, 1, T0 - 3 * DAY), cardOnly: oldCard },
      log: [entry('graded', T0), entry('unticked', T0 - 3 * DAY), entry('cardOnly', T0), entry('wrong-clock', Date.UTC(1970, 0, 2)), entry('wrong-clock', Date.UTC(1970, 0, 3))],
    };
    memento.values.set(LEGACY_PROGRESS_KEY, progress);
    memento.values.set(LEGACY_PRACTICE_KEY, practice);
    memento.values.set('mlPrep.progress.backup', { savedAt: 1, reason: 'reset', value: { version: 2, questions: {} } });
    const { store, backups } = setup(memento);
    assert.deepEqual(await store.load(), { problems: [] });

    assert.deepEqual(store.card('graded'), oldCard);
    assert.equal(store.get('graded')?.firstPracticedAt, T0 - DAY);
    assert.ok(store.isPracticed('ticked') && store.card('ticked') === undefined);
    assert.ok(!store.isPracticed('unticked') && store.card('unticked') === undefined, 'un-ticked after its grade: out of review');
    assert.ok(store.isPracticed('unknownToCatalog'));
    assert.ok(store.isPracticed('cardOnly') && store.card('cardOnly'), 'a card means it was graded, so practiced');
    assert.equal(store.state.log.length, 5, 'every review kept');
    assert.deepEqual(
      store.state.log.filter((e) => e.questionId === 'wrong-clock').map((e) => e.at),
      [TIME_WINDOW.earliest, TIME_WINDOW.earliest + 1],
      'reviews from a wrong clock moved into the window, a millisecond apart, not merged',
    );
    assert.deepEqual(validateState(store.state), []);

    assert.equal(memento.get(LEGACY_PROGRESS_KEY), undefined, 'the old values are removed');
    assert.equal(memento.get(LEGACY_PRACTICE_KEY), undefined);
    assert.equal(memento.get('mlPrep.progress.backup'), undefined);
    assert.deepEqual(
      backups.saved.map((b) => b.reason),
      ['before-migration', 'earlier-backup'],
    );
    assert.deepEqual((backups.saved[0].value as { values: Record<string, unknown> }).values, { [LEGACY_PROGRESS_KEY]: progress, [LEGACY_PRACTICE_KEY]: practice });

    const reloaded = setup(memento).store;
    assert.deepEqual(await reloaded.load(), { problems: [] });
    assert.deepEqual(reloaded.state, store.state);
  });

  it('migrates the version-1 list of practiced ids', async () => {
    const memento = new MemoryMemento();
    memento.values.set(LEGACY_PROGRESS_KEY, { version: 1, practiced: ['a', 'b'] });
    const { store } = setup(memento);
    assert.deepEqual(await store.load(), { problems: [] });
    assert.ok(store.isPracticed('a') && store.isPracticed('b'));
    assert.equal(store.get('a')?.updatedAt, TIME_WINDOW.earliest, 'older than any change made since');
  });

  it('reports damaged old values and still migrates what can be read', async () => {
    const memento = new MemoryMemento();
    memento.values.set(LEGACY_PROGRESS_KEY, { version: 2, questions: { good: { practiced: true, lastPracticedAt: T0 }, bad: 'yes', weird: { practiced: true, firstPracticedAt: 'soon' } } });
    memento.values.set(LEGACY_PRACTICE_KEY, { version: 1, cards: { bad: { due: 'x' } }, log: [{ grade: 9 }] });
    const { store } = setup(memento);
    const { problems } = await store.load();
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /earlier practice data: progress\.questions\["bad"\] must be an object/);
    assert.ok(store.isPracticed('good') && store.isPracticed('weird') && !store.isPracticed('bad'));
  });

  it('merges old values into new ones written meanwhile, and a later grade wins over an old mark', async () => {
    const memento = new MemoryMemento();
    const { store: updated } = setup(memento, { now: T0 + DAY });
    await updated.load();
    await updated.setPracticed(['q', 'r'], true);
    await updated.setPracticed(['q'], false);
    await updated.record(attempt('new', 3));
    // An older version wrote its values again (for example through Settings Sync).
    memento.values.set(LEGACY_PROGRESS_KEY, {
      version: 2,
      questions: { q: { practiced: true, lastPracticedAt: T0 }, r: { practiced: false, lastPracticedAt: T0 }, old: { practiced: true, lastPracticedAt: T0 } },
    });
    const { store } = setup(memento, { now: T0 + 2 * DAY });
    await store.load();
    assert.ok(store.isPracticed('old') && store.card('new'));
    assert.equal(store.isPracticed('q'), false, 'un-ticked a day after the old mark: the later change wins');
    assert.equal(store.isPracticed('r'), true);
  });
});

describe('StudyStore and a value from a newer version', () => {
  for (const [key, value] of [
    [STUDY_SYNC_KEY, { version: 2, resetAt: 0, questions: { q: { p: 1, u: T0, extra: 'new field' } }, log: [], somethingNew: true }],
    [STUDY_LOCAL_KEY, { version: 7, questions: {}, log: [] }],
    [LEGACY_PRACTICE_KEY, { version: 2, cards: {}, log: [] }],
  ] as const) {
    it(`leaves ${key} untouched, works read-only and refuses every write (${JSON.stringify(value).slice(0, 40)}...)`, async () => {
      const memento = new MemoryMemento();
      memento.values.set(key, value);
      const { store, backups } = setup(memento);
      const refusals: string[] = [];
      store.onReadOnly((m) => refusals.push(m));
      const result = await store.load();
      assert.deepEqual(result.problems, []);
      assert.match(result.readOnly ?? '', /saved by a newer version of ML Prep .*Update the extension.*read-only/);
      assert.ok(store.readOnly);
      await assert.rejects(store.setPracticed(['a'], true), ReadOnlyError);
      await assert.rejects(store.record(attempt('a', 3)), ReadOnlyError);
      await assert.rejects(store.reset(), ReadOnlyError);
      await assert.rejects(store.importState({ resetAt: 0, questions: {}, log: [] }), ReadOnlyError);
      assert.match(JSON.stringify(await store.planImport({ resetAt: 0, questions: {}, log: [] })), /newer version/);
      await store.refresh();
      assert.equal(memento.writes, 0, 'nothing written, so nothing synced down');
      assert.deepEqual(memento.get(key), value, 'the value is exactly as it was');
      assert.equal(backups.saved.length, 0);
      assert.equal(refusals.length, 4);
    });
  }

  it('turns read-only when another window with a newer version writes meanwhile', async () => {
    const memento = new MemoryMemento();
    const { store } = setup(memento);
    await store.load();
    await store.setPracticed(['a'], true);
    const newer = { version: 2, resetAt: 0, questions: {}, log: [] };
    memento.values.set(STUDY_SYNC_KEY, newer);
    await assert.rejects(store.setPracticed(['b'], true), ReadOnlyError);
    assert.deepEqual(memento.get(STUDY_SYNC_KEY), newer);
    assert.ok(store.isPracticed('a'), 'what was shown stays shown');
  });
});
