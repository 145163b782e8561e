// Two windows sharing one globalState, and two machines sharing the synced value through Settings
// Sync: nothing is lost, and every copy converges to the same state, a reset included.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ReviewEntry } from '../../src/study/types';
import { canonical, mergeStates, normalize } from '../../src/study/merge';
import { validateState, type StudyState } from '../../src/study/schema';
import { encodeSynced, SYNC_LOG_ENTRIES, SYNC_MAX_BYTES } from '../../src/study/storedValue';
import { STUDY_LOCAL_KEY, STUDY_SYNC_KEY, StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento } from './helpers';
import { stateArb } from './studyArbitraries';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

const attempt = (questionId: string, grade: 1 | 2 | 3 | 4 = 3, extra: Partial<ReviewEntry> = {}) => ({ questionId, grade, durationMs: 1000, covered: [], keyPointCount: 0, ...extra });

/** A globalState whose writes land a tick later, as another window's do: reads in between see the old value. */
class SlowMemento extends MemoryMemento {
  override update(key: string, value: unknown): Promise<void> {
    const copy = JSON.parse(JSON.stringify(value ?? null));
    return new Promise((resolve) =>
      setTimeout(() => {
        this.writes++;
        this.values.set(key, copy);
        resolve();
      }, 1),
    );
  }
}

function window(memento: MemoryMemento, clock: { now: number }) {
  return new StudyStore({ memento, backups: new MemoryBackups(), now: () => clock.now });
}

const summary = (s: StudyState) => ({
  resetAt: s.resetAt,
  practiced: Object.keys(s.questions).filter((id) => s.questions[id].practiced).sort(),
  cards: Object.keys(s.questions).filter((id) => s.questions[id].card).sort(),
  log: s.log.map((e) => `${e.questionId}@${e.at - T0}`),
});

describe('two windows sharing one globalState', () => {
  it('keep each other\'s grades and marks (window 1 grades q1 and marks q3, window 2 grades q2)', async () => {
    const memento = new MemoryMemento();
    const clock = { now: T0 };
    const w1 = window(memento, clock);
    const w2 = window(memento, clock);
    await Promise.all([w1.load(), w2.load()]);
    await w1.record(attempt('q1'));
    clock.now += 1000;
    await w1.setPracticed(['q3'], true);
    clock.now += 1000;
    await w2.record(attempt('q2'));

    const reloaded = window(memento, clock);
    await reloaded.load();
    assert.deepEqual(summary(reloaded.state), { resetAt: 0, practiced: ['q1', 'q2', 'q3'], cards: ['q1', 'q2'], log: ['q1@0', 'q2@2000'] });
  });

  it('lose nothing when their writes interleave', async () => {
    const memento = new MemoryMemento();
    const clock = { now: T0 };
    const w1 = window(memento, clock);
    const w2 = window(memento, clock);
    await Promise.all([w1.load(), w2.load()]);
    await Promise.all([
      w1.record(attempt('a', 3, { at: T0 + 1 })),
      w2.record(attempt('b', 3, { at: T0 + 2 })),
      w1.setPracticed(['c'], true),
      w2.setPracticed(['d'], true),
      w1.record(attempt('e', 1, { at: T0 + 3 })),
      w2.record(attempt('a', 4, { at: T0 + 4 })),
    ]);
    const reloaded = window(memento, clock);
    await reloaded.load();
    assert.deepEqual(summary(reloaded.state).practiced, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(summary(reloaded.state).log, ['a@1', 'b@2', 'e@3', 'a@4']);
  });

  it('lose nothing even when a write lands after the other window read, once each window looks again', async () => {
    const memento = new SlowMemento();
    const clock = { now: T0 };
    const w1 = window(memento, clock);
    const w2 = window(memento, clock);
    await Promise.all([w1.load(), w2.load()]);
    // Both read the same old value, then both write: the second write lacks the first window's grade.
    await Promise.all([w1.record(attempt('q1', 3, { at: T0 + 1 })), w2.record(attempt('q2', 3, { at: T0 + 2 }))]);
    // Each window still holds what it did; looking again (on focus, or the next write) stores it back.
    await w1.refresh();
    await w2.refresh();
    const reloaded = window(memento, clock);
    await reloaded.load();
    assert.deepEqual(summary(reloaded.state).log, ['q1@1', 'q2@2']);
    assert.deepEqual(summary(w1.state), summary(w2.state));
  });

  it('see what the other window did when they look again, and announce it', async () => {
    const memento = new MemoryMemento();
    const clock = { now: T0 };
    const w1 = window(memento, clock);
    const w2 = window(memento, clock);
    await Promise.all([w1.load(), w2.load()]);
    const seen: string[][] = [];
    w2.onDidChange((e) => seen.push([...e.ids]));
    await w1.record(attempt('q1'));
    await w2.refresh();
    assert.ok(w2.card('q1'));
    assert.deepEqual(seen, [['q1']]);
    const writes = memento.writes;
    await w2.refresh();
    assert.equal(memento.writes, writes, 'nothing new: no write');
  });
});

/** Two machines: each its own globalState; Settings Sync copies the synced value (the whole key, the later write winning). */
class Machines {
  readonly clock = { now: T0 };
  readonly a = new MemoryMemento();
  readonly b = new MemoryMemento();
  readonly storeA = window(this.a, this.clock);
  readonly storeB = window(this.b, this.clock);
  private server: unknown;

  async load(): Promise<void> {
    await this.storeA.load();
    await this.storeB.load();
  }

  /** Uploads one machine's synced value (as the sync service would after a change). */
  upload(from: MemoryMemento): void {
    this.server = JSON.parse(JSON.stringify(from.get(STUDY_SYNC_KEY) ?? null));
  }

  /** Downloads the server's value into a machine and lets its store look. */
  async download(to: MemoryMemento, store: StudyStore): Promise<void> {
    to.values.set(STUDY_SYNC_KEY, JSON.parse(JSON.stringify(this.server)));
    await store.refresh();
  }

  async syncAll(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      this.upload(this.a);
      await this.download(this.b, this.storeB);
      this.upload(this.b);
      await this.download(this.a, this.storeA);
    }
  }
}

describe('two machines through Settings Sync', () => {
  it('converge: marks, cards and the recent log from both', async () => {
    const m = new Machines();
    await m.load();
    await m.storeA.record(attempt('q1'));
    await m.storeA.setPracticed(['q3'], true);
    m.clock.now += 1000;
    await m.storeB.record(attempt('q2'));
    await m.storeB.setPracticed(['q4'], true);
    await m.syncAll();
    assert.deepEqual(summary(m.storeA.state), summary(m.storeB.state));
    assert.deepEqual(summary(m.storeA.state).practiced, ['q1', 'q2', 'q3', 'q4']);
    assert.deepEqual(summary(m.storeA.state).log, ['q1@0', 'q2@1000']);
    // Each machine's local value holds it all too, so it survives the next sync value.
    const reloaded = window(m.b, m.clock);
    await reloaded.load();
    assert.deepEqual(summary(reloaded.state), summary(m.storeA.state));
  });

  it('converge when both changed before either synced, and the later upload won the server', async () => {
    const m = new Machines();
    await m.load();
    await m.storeA.record(attempt('q1'));
    await m.storeB.record(attempt('q2'));
    m.upload(m.a);
    m.upload(m.b); // B's value replaced A's on the server.
    await m.download(m.a, m.storeA);
    // A merged B's value into its own and stored the union, which it uploads next.
    m.upload(m.a);
    await m.download(m.b, m.storeB);
    assert.deepEqual(summary(m.storeA.state), summary(m.storeB.state));
    assert.deepEqual(summary(m.storeB.state).cards, ['q1', 'q2']);
  });

  it('un-ticking on one machine wins over the older mark on the other', async () => {
    const m = new Machines();
    await m.load();
    await m.storeA.record(attempt('q1'));
    await m.syncAll();
    m.clock.now += DAY;
    await m.storeB.setPracticed(['q1'], false);
    await m.syncAll();
    assert.equal(m.storeA.isPracticed('q1'), false);
    assert.equal(m.storeA.card('q1'), undefined, 'out of review on both');
    assert.equal(m.storeA.state.log.length, 1, 'the review stays in the history');
  });

  it('a reset on one machine is not undone by the other machine\'s local copy', async () => {
    const m = new Machines();
    await m.load();
    await m.storeA.record(attempt('q1'));
    await m.storeB.record(attempt('q2'));
    await m.syncAll();
    assert.deepEqual(summary(m.storeB.state).cards, ['q1', 'q2']);

    m.clock.now += DAY;
    await m.storeA.reset();
    // B graded again before it heard of the reset, but after it (by its clock): that grade stays.
    m.clock.now += 1000;
    await m.storeB.record(attempt('q3'));
    await m.syncAll();
    for (const store of [m.storeA, m.storeB]) {
      assert.deepEqual(summary(store.state).cards, ['q3']);
      assert.deepEqual(summary(store.state).log, [`q3@${DAY + 1000}`]);
      assert.ok(store.state.resetAt > T0);
    }
    // B's local value dropped its old entries too: a reload there brings nothing back.
    const reloaded = window(m.b, m.clock);
    await reloaded.load();
    assert.deepEqual(summary(reloaded.state).log, [`q3@${DAY + 1000}`]);
  });

  it('an import after a reset restores the backup on every machine', async () => {
    const m = new Machines();
    await m.load();
    await m.storeA.record(attempt('q1'));
    await m.syncAll();
    const backup = m.storeA.state;
    m.clock.now += DAY;
    await m.storeA.reset();
    await m.syncAll();
    assert.deepEqual(summary(m.storeB.state).log, []);
    m.clock.now += 1000;
    await m.storeA.importState(backup);
    await m.syncAll();
    for (const store of [m.storeA, m.storeB]) {
      assert.deepEqual(summary(store.state).cards, ['q1']);
      assert.deepEqual(summary(store.state).log, ['q1@0'], 'the review keeps its own time');
    }
  });

  it('property: any changes on both machines, synced in any order, converge to one valid state', async () => {
    type Op = { machine: 0 | 1; kind: 'grade' | 'tick' | 'untick' | 'reset' | 'sync'; id: string; dt: number };
    const opArb: fc.Arbitrary<Op> = fc.record({
      machine: fc.constantFrom<0 | 1>(0, 1),
      kind: fc.constantFrom<Op['kind']>('grade', 'grade', 'tick', 'untick', 'reset', 'sync', 'sync'),
      id: fc.constantFrom('a', 'b', 'c', '__proto__'),
      dt: fc.integer({ min: -2000, max: DAY }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 14 }), async (ops) => {
        const m = new Machines();
        await m.load();
        const stores = [m.storeA, m.storeB];
        const mementos = [m.a, m.b];
        for (const op of ops) {
          // Clocks move on, sometimes backwards a little (two machines never agree exactly).
          m.clock.now += op.dt;
          const store = stores[op.machine];
          if (op.kind === 'grade') {
            await store.record(attempt(op.id));
          } else if (op.kind === 'tick' || op.kind === 'untick') {
            await store.setPracticed([op.id], op.kind === 'tick');
          } else if (op.kind === 'reset') {
            await store.reset();
          } else {
            m.upload(mementos[op.machine]);
            await m.download(mementos[1 - op.machine], stores[1 - op.machine]);
          }
        }
        await m.syncAll();
        assert.equal(canonical(m.storeA.state), canonical(m.storeB.state));
        assert.deepEqual(validateState(m.storeA.state), []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('merging study states', () => {
  it('is commutative, associative and idempotent, so copies agree whatever the order', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (a, b, c) => {
        assert.equal(canonical(mergeStates(a, b)), canonical(mergeStates(b, a)));
        assert.equal(canonical(mergeStates(mergeStates(a, b), c)), canonical(mergeStates(a, mergeStates(b, c))));
        assert.equal(canonical(mergeStates(a, a)), canonical(a));
        assert.deepEqual(validateState(mergeStates(a, b)), []);
      }),
      { numRuns: 1000 },
    );
  });

  it('loses no review by (question, time) that is not older than the reset', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        const merged = mergeStates(a, b);
        const keys = new Set(merged.log.map((e) => `${e.at}|${e.questionId}`));
        for (const e of [...a.log, ...b.log]) {
          if (Math.max(e.at, e.restoredAt ?? 0) >= merged.resetAt) {
            assert.ok(keys.has(`${e.at}|${e.questionId}`));
          }
        }
      }),
    );
  });
});

describe('the synced value', () => {
  it('stays under its cap, keeping the latest reviews, and never more than SYNC_LOG_ENTRIES', () => {
    const log = Array.from({ length: 5000 }, (_, i) => ({ questionId: `question-${i % 300}`, at: T0 + i, grade: 3 as const, durationMs: 1, covered: [], keyPointCount: 0 }));
    const state = normalize({ resetAt: 0, questions: {}, log });
    const synced = encodeSynced(state);
    assert.equal(synced.log.length, SYNC_LOG_ENTRIES);
    assert.equal(synced.log[synced.log.length - 1][1], T0 + 4999, 'the newest is there');
    const tight = encodeSynced(state, 2000);
    assert.ok(Buffer.byteLength(JSON.stringify(tight)) <= 2000);
    assert.ok(tight.log.length > 0);
    assert.ok(Buffer.byteLength(JSON.stringify(synced)) <= SYNC_MAX_BYTES);
  });

  it('keeps the most recently changed records when there are too many to fit, the rest staying local', async () => {
    const memento = new MemoryMemento();
    const store = new StudyStore({ memento, backups: new MemoryBackups(), now: () => T0 });
    await store.load();
    const questions = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`${'long-id-'.repeat(28)}${i}`, { practiced: true, updatedAt: T0 - 2000 + i }]),
    );
    await store.importState({ resetAt: 0, questions, log: [] });
    const synced = memento.get<{ questions: Record<string, unknown> }>(STUDY_SYNC_KEY);
    assert.ok(Buffer.byteLength(JSON.stringify(synced)) <= SYNC_MAX_BYTES);
    const kept = Object.keys(synced?.questions ?? {});
    assert.ok(kept.length > 100 && kept.length < 2000);
    assert.ok(kept.includes(`${'long-id-'.repeat(28)}1999`), 'the newest is synced');
    assert.equal(Object.keys(memento.get<{ questions: object }>(STUDY_LOCAL_KEY)?.questions ?? {}).length, 2000, 'all of them are kept locally');
  });
});

describe('a window that reads before a refused change', () => {
  it('keeps what it read, so its next write does not drop the other window\'s change', async () => {
    const memento = new MemoryMemento();
    const clock = { now: T0 };
    const w1 = window(memento, clock);
    const w2 = window(memento, clock);
    await Promise.all([w1.load(), w2.load()]);
    await w1.record(attempt('q1'));
    // w2 reads w1's grade, then refuses its own change (an invalid merged import).
    await assert.rejects(w2.importState({ resetAt: 0, questions: { ['z'.repeat(241)]: { practiced: true, updatedAt: T0 } }, log: [] }));
    assert.ok(w2.card('q1'));
    const plan = await w2.planImport({ resetAt: 0, questions: {}, log: [] });
    assert.ok('summary' in plan);
    await w2.setPracticed(['q2'], true);
    const reloaded = window(memento, clock);
    await reloaded.load();
    assert.ok(reloaded.card('q1') && reloaded.isPracticed('q2'));
  });
});
