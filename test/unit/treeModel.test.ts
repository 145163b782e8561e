import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import { CatalogSource } from '../../src/catalog/catalogSource';
import { StudyStore } from '../../src/study/studyStore';
import { Catalog as CatalogClass } from '../../src/catalog/catalog';
import { orderCatalog } from '../../src/catalog/compile/compileCatalog';
import { aggregate } from '../../src/dashboard/dashboard';
import { questionIdsOf, SECTION_FOLDER_THRESHOLD, TreeModel, TreeNode } from '../../src/tree/treeModel';
import { NO_FILTER, type PracticeState } from '../../src/tree/questionFilter';
import { MemoryBackups, MemoryMemento, shippedCatalog } from './helpers';

const states = (...picked: PracticeState[]) => ({ ...NO_FILTER, states: picked });

const label = (n: TreeNode) =>
  n.type === 'topic' ? n.topic.id : n.type === 'question' ? n.question.id : n.type === 'concept' ? n.concept.id : n.type === 'path' ? n.path.id : n.type;

describe('TreeModel', () => {
  let catalog: Catalog;
  before(() => {
    catalog = shippedCatalog();
  });

  async function setup() {
    const progress = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
    await progress.load();
    return { progress, model: new TreeModel(new CatalogSource(catalog), progress) };
  }

  it('leads a new user with "Start here" (the first study path) and the paths, then the topics', async () => {
    const { model } = await setup();
    assert.ok(model.isNewUser());
    assert.deepEqual(model.roots().map(label), ['startHere', 'paths', 'ml-system-design', 'agent-system-design', 'classic-ml', 'deep-learning', 'llm', 'cheatSheet']);
    const start = model.roots()[0];
    assert.ok(start.type === 'startHere');
    assert.equal(start.path.id, catalog.paths[0].id, 'the path ordered first');
    assert.deepEqual(model.children(start).map(label), catalog.pathQuestionIds(catalog.paths[0]));
    assert.deepEqual(questionIdsOf(start, catalog), catalog.pathQuestionIds(catalog.paths[0]), 'practiced from the tree like a path');
    const cheat = model.roots().find((n) => n.type === 'cheatSheet');
    assert.ok(cheat);
    assert.equal(model.children(cheat).length, catalog.concepts.length);
  });

  it('shows a returning user the topics first and the paths last, with no "Due for review" while nothing is due', async () => {
    const { model, progress } = await setup();
    await progress.setPracticed([catalog.questions[0].id], true);
    assert.ok(!model.isNewUser());
    assert.deepEqual(model.roots().map(label), ['ml-system-design', 'agent-system-design', 'classic-ml', 'deep-learning', 'llm', 'cheatSheet', 'paths']);
    await progress.setPracticed([catalog.questions[0].id], false);
    assert.ok(!model.isNewUser() || model.roots()[0].type === 'startHere', 'an unticked mark alone makes a user new again, never a mixed order');
  });

  it('puts "Due for review" first once something is due, and says when the next review is otherwise', async () => {
    const now = new Date(2025, 2, 1, 9).getTime();
    const clock = { now };
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => clock.now });
    await study.load();
    const model = new TreeModel(new CatalogSource(catalog), study, () => study.dueToday(clock.now));
    // Easy on a new card schedules it days ahead: nothing due today, a next review later.
    await study.record({ questionId: catalog.questions[0].id, grade: 4, durationMs: 1, covered: [], keyPointCount: 0 });
    assert.ok(!model.isNewUser(), 'a review makes a returning user');
    assert.ok(!model.roots().some((n) => n.type === 'due'), 'no dead "Due for review (0)" row');
    const next = model.nextReview(clock.now);
    assert.ok(next !== undefined && next > clock.now, 'the next review is after today');
    clock.now = next + 1;
    assert.equal(model.roots()[0].type, 'due');
    assert.equal(model.dueCount(), 1);
    assert.equal(model.nextReview(clock.now), undefined, 'nothing later than today');
  });

  it('counts practiced questions per topic, per path and overall', async () => {
    const { model, progress } = await setup();
    const [first, second] = catalog.questionsOf('llm');
    await progress.setPracticed([first.id, second.id], true);
    assert.deepEqual(model.topicCount('llm'), { practiced: 2, total: catalog.questionsOf('llm').length });
    assert.equal(model.overall().practiced, 2);
    assert.equal(model.overall().total, catalog.questions.length);
    const path = catalog.paths.find((p) => p.firstQuestions.length > 2);
    assert.ok(path);
    await progress.setPracticed([path.firstQuestions[0]], true);
    const expected = path.firstQuestions.filter((id) => progress.isPracticed(id)).length;
    assert.deepEqual(model.pathCount(path), { practiced: expected, total: path.firstQuestions.length }, 'a path counts its own list');
    const pathNode = model.children(model.roots().find((n) => n.type === 'paths')!).find((n) => n.type === 'path' && n.path.id === path.id)!;
    assert.deepEqual(model.children(pathNode).map(label), path.firstQuestions, 'and shows its questions in order');
  });

  it('filters questions by practiced state', async () => {
    const { model, progress } = await setup();
    const topic = model.roots().find((n) => n.type === 'topic' && catalog.questionsOf(n.topic.id).length <= SECTION_FOLDER_THRESHOLD);
    assert.ok(topic, 'a topic small enough to list its questions directly');
    const all = model.children(topic).map(label);
    await progress.setPracticed([all[0]], true);
    model.setFilter(states('unpracticed'));
    assert.deepEqual(model.children(topic).map(label), all.slice(1));
    model.setFilter(states('practiced'));
    assert.deepEqual(model.children(topic).map(label), [all[0]]);
  });

  it('lists the questions due for review under their own node', async () => {
    const progress = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
    await progress.load();
    const due = [catalog.questions[5].id, catalog.questions[1].id, 'no-longer-in-catalog'];
    const model = new TreeModel(new CatalogSource(catalog), progress, () => due);
    await progress.setPracticed([catalog.questions[9].id], true);
    const node = model.roots()[0];
    assert.equal(node.type, 'due');
    assert.deepEqual(model.children(node).map(label), due.slice(0, 2));
    assert.equal(model.dueCount(), 2);
  });

  it('counts what is due as the dashboard does, from the one dueToday(), when a question with a card left the catalog', async () => {
    const now = new Date(2025, 2, 1, 9).getTime();
    const clock = { now: now - 3 * 86_400_000 };
    const source = new CatalogSource(catalog);
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => clock.now, isQuestion: (id) => source.current.question(id) !== undefined });
    await study.load();
    const [overdue, laterToday] = catalog.questions;
    await study.record({ questionId: overdue.id, grade: 1, durationMs: 1, covered: [], keyPointCount: 0 });
    await study.record({ questionId: 'left-the-catalog', grade: 1, durationMs: 1, covered: [], keyPointCount: 0 });
    clock.now = now;
    await study.record({ questionId: laterToday.id, grade: 1, durationMs: 1, covered: [], keyPointCount: 0 });
    const model = new TreeModel(source, study, () => study.dueToday(now));
    const data = aggregate(catalog, (id) => study.isPracticed(id), { ...study.history(), due: study.dueToday(now) }, now);
    assert.deepEqual(study.dueToday(now), [overdue.id, laterToday.id]);
    assert.equal(model.dueCount(), 2, 'the tree');
    assert.equal(data.totals.due, 2, 'the dashboard (the status bar shows dueToday().length too)');
  });

  it('gives each tree position a unique key and a stable node for reveal()', async () => {
    const { model } = await setup();
    const keys = new Set<string>();
    const visit = (nodes: readonly TreeNode[]) =>
      nodes.forEach((n) => {
        assert.ok(!keys.has(n.key), `duplicate key ${n.key}`);
        keys.add(n.key);
        visit(model.children(n));
      });
    visit(model.roots());
    const id = catalog.questions[3].id;
    const node = model.nodeFor(id);
    assert.ok(node && node.type === 'question' && node.question.id === id);
    assert.equal(model.nodeFor(id), node, 'same object each time');
    assert.ok(node.parent.type === 'topic' || node.parent.type === 'section');
  });

  it('fires its one change event once per catalog, mark or filter change, after it has caught up', async () => {
    const progress = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
    await progress.load();
    const source = new CatalogSource(catalog);
    const model = new TreeModel(source, progress);
    const seen: string[] = [];
    model.onDidChange(() => seen.push(model.roots().map(label).join(',')));
    const withoutLlm = new CatalogClass({ ...catalog.data, topics: catalog.topics.filter((t) => t.id !== 'llm') });
    source.set(withoutLlm);
    assert.deepEqual(seen.length, 1, 'one event for a new catalog');
    assert.ok(!seen[0].includes('llm'), 'read after the model rebuilt its nodes');
    await progress.setPracticed([catalog.questions[0].id], true);
    assert.equal(seen.length, 2, 'one event for a mark');
    model.setFilter(states('practiced'));
    model.setFilter(states('practiced'));
    assert.equal(seen.length, 3, 'one event for a new filter, none for the same one');
    model.dispose();
    await progress.setPracticed([catalog.questions[1].id], true);
    assert.equal(seen.length, 3, 'nothing after dispose');
  });

  it('names the questions each kind of node stands for', async () => {
    const { model } = await setup();
    const roots = model.roots();
    const topic = roots.find((n) => n.type === 'topic' && n.topic.id === 'llm')!;
    assert.deepEqual(questionIdsOf(topic, catalog), catalog.questionsOf('llm').map((q) => q.id));
    const path = model.children(roots.find((n) => n.type === 'paths')!)[0];
    assert.ok(path.type === 'path');
    assert.deepEqual(questionIdsOf(path, catalog), catalog.pathQuestionIds(path.path));
    const concept = model.children(roots.find((n) => n.type === 'cheatSheet')!).find((n) => n.type === 'concept' && catalog.questionsUsing(n.concept.id).length > 0)!;
    assert.ok(concept.type === 'concept');
    assert.deepEqual(questionIdsOf(concept, catalog), catalog.questionsUsing(concept.concept.id).map((q) => q.id));
    assert.ok(questionIdsOf(concept, catalog).length > 0);
    assert.deepEqual(questionIdsOf({ type: 'due', key: 'due' }, catalog), [], 'the due node is reviewed, not practiced from here');
  });

  describe('section folders', () => {
    // A topic of 20 questions in two sections, plus one unfiled question and one in a section only a user file uses.
    function bigTopic() {
      const base = catalog.data;
      const topic = { ...base.topics[0], sections: ['Second', 'First'] };
      const template = catalog.questionsOf(topic.id)[0];
      const questions = Array.from({ length: 20 }, (_, i) => ({
        ...template,
        id: `q-${String(i).padStart(2, '0')}`,
        title: `Question ${String(i).padStart(2, '0')}`,
        section: i === 0 ? '' : i === 1 ? 'Mine' : i % 2 === 0 ? 'First' : 'Second',
      }));
      const data = orderCatalog({ topics: [topic], questions, concepts: [], paths: [] });
      return new CatalogClass(data);
    }

    it('groups a topic of more than 15 questions into its sections, in the topic order, unfiled ones last', async () => {
      const progress = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
      await progress.load();
      const big = bigTopic();
      const model = new TreeModel(new CatalogSource(big), progress);
      const topicNode = model.roots().find((n) => n.type === 'topic');
      assert.ok(topicNode);
      const level = model.children(topicNode);
      assert.deepEqual(level.map((n) => (n.type === 'section' ? `s:${n.name}` : label(n))), ['s:Second', 's:First', 's:Mine', 'q-00']);
      const first = level[1];
      assert.ok(first.type === 'section');
      assert.deepEqual(model.children(first).map(label), ['q-02', 'q-04', 'q-06', 'q-08', 'q-10', 'q-12', 'q-14', 'q-16', 'q-18']);
      assert.deepEqual(model.sectionCount(big.topics[0].id, 'First'), { practiced: 0, total: 9 });
      assert.deepEqual(questionIdsOf(first, big), ['q-02', 'q-04', 'q-06', 'q-08', 'q-10', 'q-12', 'q-14', 'q-16', 'q-18'], 'a section stands for its questions');
      const inFolder = model.nodeFor('q-04');
      assert.ok(inFolder?.type === 'question' && inFolder.parent === first, 'reveal finds it inside its folder');
      assert.deepEqual(
        big.questions.map((q) => q.id).slice(0, 4),
        ['q-03', 'q-05', 'q-07', 'q-09'],
        'previous/next follow the folders: the catalog is ordered by section',
      );
      await progress.setPracticed(['q-02', 'q-04', 'q-06', 'q-08', 'q-10', 'q-12', 'q-14', 'q-16', 'q-18'], true);
      model.setFilter(states('unpracticed'));
      assert.deepEqual(model.children(topicNode).map((n) => (n.type === 'section' ? `s:${n.name}` : label(n))), ['s:Second', 's:Mine', 'q-00'], 'an emptied folder is hidden');
    });

    it('lists the questions directly while a topic has 15 or fewer', async () => {
      const progress = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
      await progress.load();
      const base = bigTopic();
      const small = new CatalogClass({ ...base.data, questions: base.questions.slice(0, SECTION_FOLDER_THRESHOLD) });
      const model = new TreeModel(new CatalogSource(small), progress);
      const topicNode = model.roots().find((n) => n.type === 'topic');
      assert.ok(topicNode);
      assert.ok(model.children(topicNode).every((n) => n.type === 'question'));
    });
  });
});
