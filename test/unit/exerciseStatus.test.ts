import * as assert from 'node:assert/strict';
import { EXERCISE_STATUS_KEY, ExerciseStatusStore, mergeRecords, readRecords } from '../../src/exercises/exerciseStatus';
import { MemoryMemento } from './helpers';

describe('exercise status', () => {
  const passing = { status: 'passing', at: 20, passed: 5, total: 5 } as const;
  const failing = { status: 'failing', at: 10, passed: 2, total: 5 } as const;

  it('reads only well-formed records; anything else is not tried', () => {
    assert.deepEqual(readRecords(undefined), {});
    assert.deepEqual(readRecords([passing]), {});
    const read = readRecords({
      a: passing,
      b: { ...passing, status: 'great' },
      c: { ...passing, passed: 6 },
      d: { ...passing, at: -1 },
      e: 'passing',
      '': passing,
      __proto__: passing,
    });
    assert.deepEqual(Object.keys(read), ['a']);
  });

  it('merges by taking the later run per exercise, keeping both sides', () => {
    const merged = mergeRecords({ x: failing, y: failing }, { x: passing, z: passing });
    assert.deepEqual(merged, { x: passing, y: failing, z: passing });
    assert.deepEqual(mergeRecords({ x: passing }, { x: failing }), { x: passing });
  });

  it('stores locally, merges what another window wrote, and says what changed', async () => {
    const memento = new MemoryMemento();
    const one = new ExerciseStatusStore(memento);
    const two = new ExerciseStatusStore(memento);
    assert.equal(one.status('x'), 'notTried');
    const changes: string[][] = [];
    one.onDidChange((ids) => changes.push([...ids]));
    await one.set('x', failing);
    await two.set('y', passing); // two has not seen x: its write keeps it
    assert.deepEqual(Object.keys(memento.get<object>(EXERCISE_STATUS_KEY) ?? {}).sort(), ['x', 'y']);
    assert.equal(one.status('y'), 'notTried');
    one.refresh();
    assert.equal(one.status('y'), 'passing');
    await one.set('x', { ...passing, at: 30 });
    assert.deepEqual(changes, [['x'], ['y'], ['x']]);
    assert.equal(new ExerciseStatusStore(memento).status('x'), 'passing');
  });
});
