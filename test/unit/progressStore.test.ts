import * as assert from 'node:assert/strict';
import { readProgress } from '../../src/progress/progressSchema';
import { PROGRESS_BACKUP_KEY, PROGRESS_KEY, ProgressBackup, ProgressStore } from '../../src/progress/progressStore';
import { MemoryMemento } from './helpers';

describe('ProgressStore', () => {
  it('round-trips practiced marks with first and last practiced times', async () => {
    let now = 1000;
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento, () => now);
    assert.deepEqual(await store.load(), []);
    await store.toggle('q1');
    now = 2000;
    await store.setPracticed(['q1', 'q2'], true);
    assert.deepEqual(store.get('q1'), { practiced: true, firstPracticedAt: 1000, lastPracticedAt: 1000 }, 'already practiced: unchanged');
    await store.toggle('q1');
    now = 3000;
    await store.toggle('q1');

    const reloaded = new ProgressStore(memento, () => now);
    await reloaded.load();
    assert.deepEqual(reloaded.get('q1'), { practiced: true, firstPracticedAt: 1000, lastPracticedAt: 3000 });
    assert.deepEqual(reloaded.get('q2'), { practiced: true, firstPracticedAt: 2000, lastPracticedAt: 2000 });
    assert.equal(reloaded.countPracticed(['q1', 'q2', 'q3']), 2);
    assert.equal((memento.get(PROGRESS_KEY) as { version: number }).version, 2);
  });

  it('announces exactly the ids that changed', async () => {
    const store = new ProgressStore(new MemoryMemento());
    await store.load();
    const seen: string[][] = [];
    store.onDidChange((e) => seen.push([...e.ids]));
    await store.setPracticed(['a', 'b'], true);
    await store.setPracticed(['a'], true);
    await store.toggle('b');
    assert.deepEqual(seen, [['a', 'b'], ['b']]);
  });

  it('keeps ids the catalog does not know', async () => {
    const memento = new MemoryMemento();
    memento.values.set(PROGRESS_KEY, { version: 2, questions: { 'removed-question': { practiced: true, firstPracticedAt: 5 } } });
    const store = new ProgressStore(memento);
    assert.deepEqual(await store.load(), []);
    await store.toggle('other');
    const stored = memento.get(PROGRESS_KEY) as { questions: Record<string, unknown> };
    assert.deepEqual(Object.keys(stored.questions).sort(), ['other', 'removed-question']);
  });

  it('migrates the version-1 schema and rewrites it', async () => {
    const memento = new MemoryMemento();
    memento.values.set(PROGRESS_KEY, { version: 1, practiced: ['a', 'b'] });
    const store = new ProgressStore(memento);
    assert.deepEqual(await store.load(), []);
    assert.ok(store.isPracticed('a') && store.isPracticed('b'));
    assert.deepEqual(memento.get(PROGRESS_KEY), { version: 2, questions: { a: { practiced: true }, b: { practiced: true } } });
    assert.equal(memento.get(PROGRESS_BACKUP_KEY), undefined, 'a clean migration needs no backup');
  });

  it('salvages what it can from corrupted data, keeps a backup and reports each problem', async () => {
    const memento = new MemoryMemento();
    const corrupted = {
      version: 2,
      questions: { good: { practiced: true, lastPracticedAt: 7 }, bad: 'yes', weird: { practiced: true, firstPracticedAt: 'soon' } },
    };
    memento.values.set(PROGRESS_KEY, corrupted);
    const store = new ProgressStore(memento, () => 99);
    const problems = await store.load();
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /entry "bad" could not be read/);
    assert.match(problems.join('\n'), /entry "weird" had invalid times/);
    assert.ok(store.isPracticed('good') && store.isPracticed('weird') && !store.isPracticed('bad'));
    const backup = memento.get(PROGRESS_BACKUP_KEY) as ProgressBackup;
    assert.deepEqual(backup, { savedAt: 99, reason: 'unreadable', value: corrupted });
    // The repaired value is stored, so the user is told only once.
    assert.deepEqual(await new ProgressStore(memento).load(), []);
  });

  it('survives values of the wrong type entirely', async () => {
    for (const raw of ['garbage', 42, [1, 2], { version: 2, questions: 'x' }, { version: 1, practiced: 'a' }, { version: 9 }]) {
      const memento = new MemoryMemento();
      memento.values.set(PROGRESS_KEY, raw);
      const store = new ProgressStore(memento);
      const problems = await store.load();
      assert.ok(problems.length > 0, `problem reported for ${JSON.stringify(raw)}`);
      assert.deepEqual((memento.get(PROGRESS_BACKUP_KEY) as ProgressBackup).value, raw);
      await store.toggle('q');
      assert.ok(store.isPracticed('q'));
    }
  });

  it('reset clears marks and keeps a backup of the previous state', async () => {
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento, () => 5);
    await store.load();
    await store.setPracticed(['a'], true);
    await store.reset();
    assert.equal(store.isPracticed('a'), false);
    const backup = memento.get(PROGRESS_BACKUP_KEY) as ProgressBackup;
    assert.equal(backup.reason, 'reset');
    assert.equal(readProgress(backup.value).state.questions.a?.practiced, true, 'the backup can be read back');
  });

  it('stores quick successive toggles in order', async () => {
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento);
    await store.load();
    await Promise.all([store.toggle('a'), store.toggle('a'), store.toggle('a')]);
    const reloaded = new ProgressStore(memento);
    await reloaded.load();
    assert.equal(reloaded.isPracticed('a'), true);
  });
});
