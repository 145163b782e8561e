import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import { CatalogSource } from '../../src/catalog/catalogSource';
import { questionsFor } from '../../src/drill/practiceScope';
import { StudyStore } from '../../src/study/studyStore';
import { markAllPrompt } from '../../src/tree/markAllPrompt';
import { questionIdsOf, TreeModel, type TreeNode } from '../../src/tree/treeModel';
import { MemoryBackups, MemoryMemento, shippedCatalog } from './helpers';

describe('tree context actions', () => {
  let catalog: Catalog;
  let model: TreeModel;
  before(async () => {
    catalog = shippedCatalog();
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups() });
    await study.load();
    model = new TreeModel(new CatalogSource(catalog), study);
  });

  const drillOf = (node: TreeNode) => questionsFor({ kind: 'questions', ids: questionIdsOf(node, catalog) }, catalog, () => false, []);

  it('Practice This Path drills the path in its own order, as the scope picker does', () => {
    const paths = model.children(model.roots().find((n) => n.type === 'paths')!);
    assert.ok(paths.length > 0);
    for (const node of paths) {
      assert.ok(node.type === 'path');
      const viaPicker = questionsFor({ kind: 'path', id: node.path.id }, catalog, () => false, []);
      assert.ok(viaPicker.length > 0, `${node.path.id} has questions`);
      assert.deepEqual(drillOf(node), viaPicker, node.path.id);
    }
  });

  it('Practice on a topic drills its questions, and on a section only that section', () => {
    const topic = model.roots().find((n) => n.type === 'topic' && model.children(n).some((c) => c.type === 'section'));
    assert.ok(topic?.type === 'topic', 'a shipped topic has section folders');
    assert.deepEqual(drillOf(topic), questionsFor({ kind: 'topic', id: topic.topic.id }, catalog, () => false, []));
    const section = model.children(topic).find((c) => c.type === 'section');
    assert.ok(section?.type === 'section');
    const ids = drillOf(section);
    assert.ok(ids.length > 0 && ids.length < drillOf(topic).length);
    assert.ok(ids.every((id) => catalog.question(id)?.section === section.name && catalog.question(id)?.topic === topic.topic.id));
  });

  it('Practice Questions That Use It drills exactly the questions that link the concept', () => {
    const concepts = model.children(model.roots().find((n) => n.type === 'cheatSheet')!);
    const used = concepts.find((n) => n.type === 'concept' && catalog.questionsUsing(n.concept.id).length > 1);
    assert.ok(used?.type === 'concept');
    const ids = drillOf(used);
    assert.ok(ids.length > 1);
    for (const id of ids) {
      assert.ok(catalog.question(id)?.concepts.includes(used.concept.id), `${id} uses ${used.concept.id}`);
    }
  });

  it('Mark All Practiced… says how many questions, of what, and how many are practiced already', () => {
    const topic = model.roots().find((n) => n.type === 'topic')!;
    assert.ok(topic.type === 'topic');
    const ids = questionIdsOf(topic, catalog);
    assert.equal(markAllPrompt(topic, ids, () => false), `Mark all ${ids.length} questions of "${topic.topic.title}" practiced?`);
    assert.equal(markAllPrompt(topic, ids, (id) => id === ids[0]), `Mark all ${ids.length} questions of "${topic.topic.title}" practiced? 1 already is.`);
    assert.equal(markAllPrompt(topic, ids.slice(0, 1), () => false), `Mark all 1 question of "${topic.topic.title}" practiced?`);
    assert.match(markAllPrompt(topic, ids, () => true), /All are practiced already\.$/);
    const section = model.children(model.roots().find((n) => n.type === 'topic' && model.children(n).some((c) => c.type === 'section'))!).find((c) => c.type === 'section')!;
    assert.ok(section.type === 'section');
    assert.match(markAllPrompt(section, questionIdsOf(section, catalog), () => false), new RegExp(`of "${section.topic.title}: ${section.name}" practiced\\?$`));
  });
});
