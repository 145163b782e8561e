import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import { CatalogSource } from '../../src/catalog/catalogSource';
import { ProgressStore } from '../../src/progress/progressStore';
import { TreeModel, TreeNode } from '../../src/tree/treeModel';
import { MemoryMemento, shippedCatalog } from './helpers';

const label = (n: TreeNode) =>
  n.type === 'topic' ? n.topic.id : n.type === 'question' ? n.question.id : n.type === 'concept' ? n.concept.id : n.type === 'path' ? n.path.id : n.type;

describe('TreeModel', () => {
  let catalog: Catalog;
  before(() => {
    catalog = shippedCatalog();
  });

  async function setup() {
    const progress = new ProgressStore(new MemoryMemento());
    await progress.load();
    return { progress, model: new TreeModel(new CatalogSource(catalog), progress) };
  }

  it('shows the five topics, then the cheat sheet and the study paths', async () => {
    const { model } = await setup();
    assert.deepEqual(model.roots().map(label), ['due', 'ml-system-design', 'agent-system-design', 'classic-ml', 'deep-learning', 'llm', 'cheatSheet', 'paths']);
    const cheat = model.roots().find((n) => n.type === 'cheatSheet');
    assert.ok(cheat);
    assert.equal(model.children(cheat).length, catalog.concepts.length);
  });

  it('counts practiced questions per topic, per path and overall', async () => {
    const { model, progress } = await setup();
    const [first, second] = catalog.questionsOf('llm');
    await progress.setPracticed([first.id, second.id], true);
    assert.deepEqual(model.topicCount('llm'), { practiced: 2, total: catalog.questionsOf('llm').length });
    assert.equal(model.overall().practiced, 2);
    assert.equal(model.overall().total, catalog.questions.length);
    const theory = catalog.paths.find((p) => p.topics.includes('llm'));
    assert.ok(theory);
    assert.equal(model.pathCount(theory).practiced, 2);
  });

  it('filters questions by practiced state', async () => {
    const { model, progress } = await setup();
    const topic = model.roots()[1];
    const all = model.children(topic).map(label);
    await progress.setPracticed([all[0]], true);
    model.setFilter('unpracticed');
    assert.deepEqual(model.children(topic).map(label), all.slice(1));
    model.setFilter('practiced');
    assert.deepEqual(model.children(topic).map(label), [all[0]]);
  });

  it('lists the questions due for review under their own node', async () => {
    const progress = new ProgressStore(new MemoryMemento());
    await progress.load();
    const due = [catalog.questions[5].id, catalog.questions[1].id, 'no-longer-in-catalog'];
    const model = new TreeModel(new CatalogSource(catalog), progress, () => due);
    const node = model.roots()[0];
    assert.equal(node.type, 'due');
    assert.deepEqual(model.children(node).map(label), due.slice(0, 2));
    assert.equal(model.dueCount(), 2);
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
    assert.equal(node.parent.type, 'topic');
  });
});
