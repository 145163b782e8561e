import { emptyState } from '../../src/study/schema';
import * as assert from 'node:assert/strict';
import { CatalogSource } from '../../src/catalog/catalogSource';
import type { Exercise } from '../../src/exercises/exerciseTypes';
import type { ExerciseTreeSource } from '../../src/tree/exerciseNodes';
import { TreeModel } from '../../src/tree/treeModel';
import { Emitter } from '../../src/util/event';
import { shippedCatalog } from './helpers';
import { sampleExercise } from './exerciseFixture';

function source(list: readonly Exercise[] | undefined): ExerciseTreeSource {
  return { current: list, load: async () => undefined, status: () => 'notTried', isPracticed: () => false, isDue: () => false, onDidChange: new Emitter<void>().event };
}

describe('TreeModel: ML Coding', () => {
  const progress = { isPracticed: () => false, countPracticed: () => 0, dueToday: () => [], onDidChange: new Emitter<{ ids: readonly string[] }>().event, state: emptyState() };

  it('puts "ML Coding" right after the topics, with the exercises by topic beneath', () => {
    const catalog = new CatalogSource(shippedCatalog());
    const list = [sampleExercise({ id: 'a', topic: 'llm' }), sampleExercise({ id: 'b', topic: 'classic-ml' }), sampleExercise({ id: 'c', topic: 'classic-ml' })];
    const model = new TreeModel(catalog, progress, () => [], source(list));
    const roots = model.roots().map((n) => n.type);
    assert.equal(roots.indexOf('mlCoding'), roots.lastIndexOf('topic') + 1, roots.join(', '));
    const node = model.roots().find((n) => n.type === 'mlCoding');
    assert.ok(node);
    const groups = model.children(node);
    assert.deepEqual(groups.map((g) => g.type === 'exerciseTopic' && g.topicId), ['classic-ml', 'llm']);
    const first = model.children(groups[0]);
    assert.deepEqual(first.map((n) => n.type === 'exercise' && n.exercise.id), ['b', 'c']);
    assert.equal(model.children(groups[0])[0], first[0], 'the same node objects each time, for reveal()');
  });

  it('shows no node before the exercises are read, when there are none, or without a source', () => {
    const catalog = new CatalogSource(shippedCatalog());
    assert.ok(!new TreeModel(catalog, progress, () => [], source(undefined)).roots().some((n) => n.type === 'mlCoding'));
    assert.ok(!new TreeModel(catalog, progress, () => [], source([])).roots().some((n) => n.type === 'mlCoding'));
    assert.ok(!new TreeModel(catalog, progress).roots().some((n) => n.type === 'mlCoding'));
  });
});
