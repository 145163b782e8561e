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

describe('TreeModel: due coding exercises', () => {
  // Not a new user: something is practiced, so "Due for review" leads when anything is due.
  const state = { ...emptyState(), questions: { 'x-softmax': { practiced: true } } } as unknown as ReturnType<typeof emptyState>;
  const progress = { isPracticed: () => true, countPracticed: () => 0, dueToday: () => [], onDidChange: new Emitter<{ ids: readonly string[] }>().event, state };

  it('lists a due exercise under "Due for review" as an exercise row, and counts it in the badge', () => {
    const catalog = new CatalogSource(shippedCatalog());
    const question = shippedCatalog().questions[0].id;
    const list = [sampleExercise({ id: 'x-softmax', topic: 'llm' })];
    const model = new TreeModel(catalog, progress, () => ['x-softmax', question, 'gone'], source(list));
    const due = model.roots()[0];
    assert.equal(due.type, 'due');
    const rows = model.children(due);
    assert.deepEqual(
      rows.map((n) => (n.type === 'exercise' ? `e:${n.exercise.id}` : n.type === 'question' ? `q:${n.question.id}` : n.type)),
      ['e:x-softmax', `q:${question}`],
      'an id neither a question nor an exercise is left out',
    );
    assert.equal(model.dueCount(), 2);
    assert.equal(model.children(due)[0], rows[0], 'the same node objects each time, for reveal()');
  });

  it('counts an exercise only once the exercises are read, and leaves it out while filtering', () => {
    const catalog = new CatalogSource(shippedCatalog());
    assert.equal(new TreeModel(catalog, progress, () => ['x-softmax'], source(undefined)).dueCount(), 0);
    const model = new TreeModel(catalog, progress, () => ['x-softmax'], source([sampleExercise({ id: 'x-softmax' })]));
    assert.equal(model.dueCount(), 1);
    model.setFilter({ ...model.filter, states: ['due'] });
    assert.deepEqual(model.roots().filter((n) => n.type === 'due'), []);
  });

  it("names the next review of an exercise when nothing is due today", () => {
    const catalog = new CatalogSource(shippedCatalog());
    const later = Date.now() + 5 * 86_400_000;
    const card = { due: later, stability: 5, difficulty: 5, elapsedDays: 0, scheduledDays: 5, learningSteps: 0, reps: 1, lapses: 0, state: 2 as const };
    const withCard = { ...progress, state: { ...emptyState(), questions: { 'x-softmax': { practiced: true, card } } } as unknown as ReturnType<typeof emptyState> };
    assert.equal(new TreeModel(catalog, withCard, () => [], source([sampleExercise({ id: 'x-softmax' })])).nextReview(), later);
    assert.equal(new TreeModel(catalog, withCard, () => [], source([])).nextReview(), undefined, 'not once the exercise is gone');
  });
});
