import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Question } from '../../src/catalog/types';
import { CatalogSource } from '../../src/catalog/catalogSource';
import { StudyStore } from '../../src/study/studyStore';
import { allTags, describeFilter, isFilterActive, matchesFilter, NO_FILTER, parseStoredFilter, type QuestionFilter } from '../../src/tree/questionFilter';
import { TreeModel, type TreeNode } from '../../src/tree/treeModel';
import { viewDescription } from '../../src/tree/viewDescription';
import { MemoryBackups, MemoryMemento, shippedCatalog } from './helpers';

const base = shippedCatalog().questions[0];
const q = (id: string, extra: Partial<Question>): Question => ({ ...base, id, ...extra });

describe('question facet filter', () => {
  const questions = [
    q('a', { difficulty: 'beginner', format: 'quick', tags: ['rag', 'llm'] }),
    q('b', { difficulty: 'advanced', format: 'design', tags: ['ranking'] }),
    q('c', { difficulty: 'advanced', format: 'explain', tags: ['rag'] }),
    q('d', { difficulty: 'intermediate', format: 'design', tags: [] }),
  ];
  const practiced = new Set(['b', 'c']);
  const due = new Set(['c']);
  const state = { isPracticed: (id: string) => practiced.has(id), isDue: (id: string) => due.has(id) };
  const ids = (filter: QuestionFilter) => questions.filter((x) => matchesFilter(x, filter, state)).map((x) => x.id);

  it('lets everything through with no facet picked', () => {
    assert.ok(!isFilterActive(NO_FILTER));
    assert.deepEqual(ids(NO_FILTER), ['a', 'b', 'c', 'd']);
  });

  it('matches any value within a facet and every facet used', () => {
    assert.deepEqual(ids({ ...NO_FILTER, difficulties: ['advanced', 'beginner'] }), ['a', 'b', 'c'], 'or within difficulty');
    assert.deepEqual(ids({ ...NO_FILTER, difficulties: ['advanced'], formats: ['design'] }), ['b'], 'and across facets');
    assert.deepEqual(ids({ ...NO_FILTER, tags: ['rag'] }), ['a', 'c']);
    assert.deepEqual(ids({ ...NO_FILTER, tags: ['rag'], difficulties: ['advanced'] }), ['c']);
  });

  it('reads practiced, not yet practiced and due from the study state', () => {
    assert.deepEqual(ids({ ...NO_FILTER, states: ['practiced'] }), ['b', 'c']);
    assert.deepEqual(ids({ ...NO_FILTER, states: ['unpracticed'] }), ['a', 'd']);
    assert.deepEqual(ids({ ...NO_FILTER, states: ['due'] }), ['c']);
    assert.deepEqual(ids({ ...NO_FILTER, states: ['due', 'unpracticed'] }), ['a', 'c', 'd']);
  });

  it('describes the picked values in facet order', () => {
    const filter: QuestionFilter = { difficulties: ['advanced'], formats: ['design'], tags: ['rag'], states: ['unpracticed'] };
    assert.equal(describeFilter(filter), 'advanced, design, not yet practiced, #rag');
    assert.deepEqual(allTags(questions), ['llm', 'rag', 'ranking']);
  });

  it('reads back what it stored, and drops unknown or malformed values', () => {
    const filter: QuestionFilter = { difficulties: ['advanced'], formats: ['quick'], tags: ['rag'], states: ['due'] };
    assert.deepEqual(parseStoredFilter(JSON.parse(JSON.stringify(filter))), filter);
    assert.deepEqual(parseStoredFilter({ difficulties: ['expert', 'advanced', 'advanced', 3], formats: 'design', states: ['later'], tags: ['', 'x'] }), {
      ...NO_FILTER,
      difficulties: ['advanced'],
      tags: ['x'],
    });
    for (const junk of [undefined, null, 'all', 42, []]) {
      assert.deepEqual(parseStoredFilter(junk), NO_FILTER);
    }
  });

  it('never throws on stored junk and returns only known values (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const f = parseStoredFilter(value);
        assert.ok(f.difficulties.every((d) => ['beginner', 'intermediate', 'advanced'].includes(d)));
        assert.ok(f.formats.every((d) => ['design', 'explain', 'quick'].includes(d)));
        assert.ok(f.states.every((d) => ['practiced', 'unpracticed', 'due'].includes(d)));
        assert.ok(f.tags.every((t) => typeof t === 'string' && t !== ''));
      }),
    );
  });
});

describe('TreeModel with facets', () => {
  it('shrinks to the topics and paths holding a match, hides the cheat sheet, and comes back when cleared', async () => {
    const catalog = shippedCatalog();
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
    await study.load();
    const model = new TreeModel(new CatalogSource(catalog), study);
    const all = model.roots().map((n) => n.key);
    const visible = (nodes: readonly TreeNode[]): string[] =>
      nodes.flatMap((n) => (n.type === 'question' ? [n.question.id] : n.type === 'topic' || n.type === 'section' ? visible(model.children(n)) : []));
    const filter: QuestionFilter = { ...NO_FILTER, difficulties: ['advanced'], formats: ['design'] };
    model.setFilter(filter);
    const expected = catalog.questions.filter((x) => x.difficulty === 'advanced' && x.format === 'design').map((x) => x.id);
    assert.ok(expected.length > 0 && expected.length < catalog.questions.length);
    assert.deepEqual(visible(model.roots()).sort(), [...expected].sort(), 'exactly the matching questions, under their topics');
    const topics = model.roots().filter((n) => n.type === 'topic');
    assert.deepEqual(
      topics.map((n) => n.type === 'topic' && n.topic.id),
      catalog.topics.filter((t) => catalog.questionsOf(t.id).some((x) => expected.includes(x.id))).map((t) => t.id),
      'topics without a match are hidden',
    );
    assert.ok(!model.roots().some((n) => n.type === 'cheatSheet'));
    for (const topic of topics) {
      if (topic.type === 'topic') {
        assert.equal(model.matchingCount(topic.topic.id), visible([topic]).length);
      }
    }
    model.setFilter(NO_FILTER);
    assert.deepEqual(model.roots().map((n) => n.key), all);
  });
});

describe('Topics view description', () => {
  const now = new Date(2025, 2, 1, 9).getTime();
  const overall = { practiced: 3, total: 125 };
  it('says what the filter is while one is active', () => {
    const filter: QuestionFilter = { ...NO_FILTER, difficulties: ['advanced'], formats: ['design'] };
    assert.equal(viewDescription({ overall, filter, due: 2, nextReview: undefined, now }), 'Filter: advanced, design');
  });
  it('gives the next review date when nothing is due, and only then', () => {
    const tomorrow = new Date(2025, 2, 2, 7).getTime();
    const later = new Date(2025, 2, 9, 7).getTime();
    const nextYear = new Date(2026, 0, 3).getTime();
    assert.equal(viewDescription({ overall, filter: NO_FILTER, due: 0, nextReview: tomorrow, now }), '3/125 practiced · next review tomorrow');
    assert.equal(viewDescription({ overall, filter: NO_FILTER, due: 0, nextReview: later, now }), '3/125 practiced · next review Mar 9');
    assert.equal(viewDescription({ overall, filter: NO_FILTER, due: 0, nextReview: nextYear, now }), '3/125 practiced · next review Jan 3, 2026');
    assert.equal(viewDescription({ overall, filter: NO_FILTER, due: 1, nextReview: later, now }), '3/125 practiced');
    assert.equal(viewDescription({ overall, filter: NO_FILTER, due: 0, nextReview: undefined, now }), '3/125 practiced');
  });
});
