import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { Concept, Question, StudyPath, Topic } from '../catalog/types';
import type { ProgressStore } from '../progress/progressStore';
import { Emitter, Event } from '../util/event';

export type QuestionFilter = 'all' | 'unpracticed' | 'practiced';

// Keys are unique per tree position: a topic can appear at the top and under a study path.
export type TreeNode =
  | { readonly type: 'topic'; readonly key: string; readonly topic: Topic; readonly parent?: TreeNode }
  | { readonly type: 'question'; readonly key: string; readonly question: Question; readonly parent: TreeNode }
  | { readonly type: 'cheatSheet'; readonly key: string }
  | { readonly type: 'concept'; readonly key: string; readonly concept: Concept; readonly parent: TreeNode }
  | { readonly type: 'paths'; readonly key: string }
  | { readonly type: 'due'; readonly key: string }
  | { readonly type: 'path'; readonly key: string; readonly path: StudyPath; readonly parent: TreeNode };

export interface Count {
  readonly practiced: number;
  readonly total: number;
}

/** What the Topics view shows, independent of the VS Code API. */
export class TreeModel {
  private filterValue: QuestionFilter = 'all';
  private readonly filterEmitter = new Emitter<QuestionFilter>();
  readonly onDidChangeFilter: Event<QuestionFilter> = this.filterEmitter.event;
  private readonly cheatSheet: TreeNode = { type: 'cheatSheet', key: 'cheatSheet' };
  private readonly pathsNode: TreeNode = { type: 'paths', key: 'paths' };
  private readonly dueNode: TreeNode = { type: 'due', key: 'due' };
  private topLevelTopics: TreeNode[] = [];
  private readonly cache = new Map<string, TreeNode>();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly source: CatalogSource,
    private readonly progress: ProgressStore,
    /** Ids of questions due for review, most overdue first. */
    private readonly dueIds: () => readonly string[] = () => [],
  ) {
    this.rebuild();
    // Nodes hold catalog entries, so a changed catalog means new nodes.
    this.subscription = source.onDidChange(() => this.rebuild());
  }

  private get catalog(): Catalog {
    return this.source.current;
  }

  private rebuild(): void {
    this.cache.clear();
    this.topLevelTopics = this.catalog.topics.map((topic) => ({ type: 'topic', key: `topic:${topic.id}`, topic }));
  }

  get filter(): QuestionFilter {
    return this.filterValue;
  }

  setFilter(filter: QuestionFilter): void {
    if (filter !== this.filterValue) {
      this.filterValue = filter;
      this.filterEmitter.fire(filter);
    }
  }

  roots(): readonly TreeNode[] {
    const roots = [this.dueNode, ...this.topLevelTopics];
    if (this.catalog.concepts.length > 0) {
      roots.push(this.cheatSheet);
    }
    if (this.catalog.paths.length > 0) {
      roots.push(this.pathsNode);
    }
    return roots;
  }

  children(node: TreeNode): readonly TreeNode[] {
    switch (node.type) {
      case 'topic':
        return this.catalog
          .questionsOf(node.topic.id)
          .filter((q) => this.passesFilter(q.id))
          .map((question) => this.stable({ type: 'question', key: `${node.key}/q:${question.id}`, question, parent: node }));
      case 'cheatSheet':
        return this.catalog.concepts.map((concept) => this.stable({ type: 'concept', key: `c:${concept.id}`, concept, parent: node }));
      case 'due':
        return this.dueIds().flatMap((id) => {
          const question = this.catalog.question(id);
          return question ? [this.stable({ type: 'question', key: `due/q:${id}`, question, parent: node })] : [];
        });
      case 'paths':
        return this.catalog.paths.map((path) => this.stable({ type: 'path', key: `path:${path.id}`, path, parent: node }));
      case 'path':
        return node.path.topics.flatMap((id) => {
          const topic = this.catalog.topic(id);
          return topic ? [this.stable({ type: 'topic', key: `${node.key}/topic:${id}`, topic, parent: node })] : [];
        });
      case 'question':
      case 'concept':
        return [];
    }
  }

  /** The top-level node showing a question or concept, so search results can be revealed. */
  nodeFor(id: string): TreeNode | undefined {
    const q = this.catalog.question(id);
    if (q) {
      const topic = this.topLevelTopics.find((t) => t.type === 'topic' && t.topic.id === q.topic);
      return topic && this.children(topic).find((n) => n.type === 'question' && n.question.id === id);
    }
    return this.children(this.cheatSheet).find((n) => n.type === 'concept' && n.concept.id === id);
  }

  dueCount(): number {
    return this.children(this.dueNode).length;
  }

  topicCount(topicId: string): Count {
    const ids = this.catalog.questionsOf(topicId).map((q) => q.id);
    return { practiced: this.progress.countPracticed(ids), total: ids.length };
  }

  pathCount(path: StudyPath): Count {
    return sum(path.topics.map((t) => this.topicCount(t)));
  }

  overall(): Count {
    return sum(this.catalog.topics.map((t) => this.topicCount(t.id)));
  }

  private passesFilter(questionId: string): boolean {
    switch (this.filterValue) {
      case 'all':
        return true;
      case 'practiced':
        return this.progress.isPracticed(questionId);
      case 'unpracticed':
        return !this.progress.isPracticed(questionId);
    }
  }

  // Same object for the same position, so VS Code's reveal() and getParent() agree.
  private stable(node: TreeNode): TreeNode {
    const known = this.cache.get(node.key);
    if (known) {
      return known;
    }
    this.cache.set(node.key, node);
    return node;
  }

  dispose(): void {
    this.subscription.dispose();
    this.filterEmitter.dispose();
  }
}

const sum = (counts: readonly Count[]): Count =>
  counts.reduce((a, b) => ({ practiced: a.practiced + b.practiced, total: a.total + b.total }), { practiced: 0, total: 0 });
