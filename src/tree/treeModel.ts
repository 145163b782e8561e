import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { Concept, Question, StudyPath, Topic } from '../catalog/types';
import type { StudyStore } from '../study/studyStore';
import { Emitter, type Disposable, type Event } from '../util/event';
import type { Exercise } from '../exercises/exerciseTypes';
import { exercisesByTopic, type ExerciseTreeSource } from './exerciseNodes';
import { isFilterActive, matchesFilter, NO_FILTER, type QuestionFilter } from './questionFilter';

// Keys are unique per tree position: a topic can appear at the top and under a study path.
export type TreeNode =
  | { readonly type: 'topic'; readonly key: string; readonly topic: Topic; readonly parent?: TreeNode }
  | { readonly type: 'section'; readonly key: string; readonly topic: Topic; readonly name: string; readonly parent: TreeNode }
  | { readonly type: 'question'; readonly key: string; readonly question: Question; readonly parent: TreeNode }
  | { readonly type: 'cheatSheet'; readonly key: string }
  | { readonly type: 'concept'; readonly key: string; readonly concept: Concept; readonly parent: TreeNode }
  | { readonly type: 'paths'; readonly key: string }
  | { readonly type: 'startHere'; readonly key: string; readonly path: StudyPath }
  | { readonly type: 'due'; readonly key: string }
  | { readonly type: 'path'; readonly key: string; readonly path: StudyPath; readonly parent: TreeNode }
  | { readonly type: 'mlCoding'; readonly key: string }
  | { readonly type: 'exerciseTopic'; readonly key: string; readonly topicId: string; readonly title: string; readonly exercises: readonly Exercise[]; readonly parent: TreeNode }
  | { readonly type: 'exercise'; readonly key: string; readonly exercise: Exercise; readonly parent: TreeNode };

/** What the model reads of the study store. */
export type TreeStudy = Pick<StudyStore, 'isPracticed' | 'countPracticed' | 'dueToday' | 'onDidChange' | 'state'>;

/** A topic with more questions than this shows them in section folders. */
export const SECTION_FOLDER_THRESHOLD = 15;

export interface Count {
  readonly practiced: number;
  readonly total: number;
}

/** What the Topics view shows, independent of the VS Code API. */
export class TreeModel {
  private filterValue: QuestionFilter = NO_FILTER;
  private readonly filterEmitter = new Emitter<QuestionFilter>();
  readonly onDidChangeFilter: Event<QuestionFilter> = this.filterEmitter.event;
  private readonly cheatSheet: TreeNode = { type: 'cheatSheet', key: 'cheatSheet' };
  private readonly pathsNode: TreeNode = { type: 'paths', key: 'paths' };
  private readonly dueNode: TreeNode = { type: 'due', key: 'due' };
  private readonly mlCodingNode: TreeNode = { type: 'mlCoding', key: 'mlCoding' };
  private topLevelTopics: TreeNode[] = [];
  private readonly cache = new Map<string, TreeNode>();
  private readonly changeEmitter = new Emitter<void>();
  /**
   * The one event the view redraws on: the catalog, a mark, a review (and so what is due) or the
   * filter changed. Fired after the model has caught up, so a listener reads the new state.
   */
  readonly onDidChange: Event<void> = this.changeEmitter.event;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly source: CatalogSource,
    private readonly study: TreeStudy,
    /** Ids of questions due for review, most overdue first; the study store's dueToday() unless given. */
    private readonly dueIds: () => readonly string[] = () => study.dueToday(),
    /** The "ML Coding" node's exercises; no node without it. */
    readonly exercises?: ExerciseTreeSource,
  ) {
    this.rebuild();
    this.subscriptions = [
      // Nodes hold catalog entries, so a changed catalog means new nodes.
      source.onDidChange(() => {
        this.rebuild();
        this.changeEmitter.fire();
      }),
      study.onDidChange(() => this.changeEmitter.fire()),
      // Exercises read, or a run changed a status.
      ...(exercises ? [exercises.onDidChange(() => this.changeEmitter.fire())] : []),
    ];
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

  get filtered(): boolean {
    return isFilterActive(this.filterValue);
  }

  setFilter(filter: QuestionFilter): void {
    if (JSON.stringify(filter) !== JSON.stringify(this.filterValue)) {
      this.filterValue = filter;
      this.filterEmitter.fire(filter);
      this.changeEmitter.fire();
    }
  }

  /**
   * A new user (nothing practiced or reviewed yet) sees where to begin first: the first study path
   * as "Start here", then all paths. Once practice starts, what is due comes first (only when
   * something is), then the topics, and the paths last. While filtering, only what holds a
   * matching question is shown.
   */
  roots(): readonly TreeNode[] {
    const filtering = this.filtered;
    const firstPath = this.catalog.paths[0];
    const paths = this.catalog.paths.length > 0 && (!filtering || this.children(this.pathsNode).length > 0) ? [this.pathsNode] : [];
    const topics = filtering ? this.topLevelTopics.filter((t) => this.children(t).length > 0) : this.topLevelTopics;
    // The cheat sheet and exercises have no question facets, so a filter hides them.
    const extras: TreeNode[] = [];
    if (!filtering && (this.exercises?.current?.length ?? 0) > 0) {
      extras.push(this.mlCodingNode);
    }
    if (!filtering && this.catalog.concepts.length > 0) {
      extras.push(this.cheatSheet);
    }
    if (this.isNewUser() && firstPath) {
      const start = this.stable({ type: 'startHere', key: 'startHere', path: firstPath });
      const starts = !filtering || this.children(start).length > 0 ? [start] : [];
      return [...starts, ...paths, ...topics, ...extras];
    }
    const due = this.children(this.dueNode).length > 0 ? [this.dueNode] : [];
    return [...due, ...topics, ...extras, ...paths];
  }

  /** Nothing practiced and nothing reviewed, on any machine: the tree leads with where to begin. */
  isNewUser(): boolean {
    const state = this.study.state;
    return state.log.length === 0 && !Object.values(state.questions).some((r) => r.practiced || r.card !== undefined);
  }

  /** When the earliest review (question or coding exercise) after today falls (epoch ms), or undefined when none is scheduled. */
  nextReview(now: number = Date.now()): number | undefined {
    const end = new Date(now);
    end.setHours(23, 59, 59, 999);
    let next: number | undefined;
    const exercises = new Set((this.exercises?.current ?? []).map((e) => e.id));
    for (const [id, record] of Object.entries(this.study.state.questions)) {
      const due = record.card?.due;
      if (due !== undefined && due > end.getTime() && (next === undefined || due < next) && (this.catalog.question(id) || exercises.has(id))) {
        next = due;
      }
    }
    return next;
  }

  children(node: TreeNode): readonly TreeNode[] {
    switch (node.type) {
      case 'topic':
        return this.topicChildren(node, node.topic);
      case 'section':
        return this.questionNodes(node, this.catalog.questionsOf(node.topic.id).filter((q) => q.section === node.name));
      case 'cheatSheet':
        return this.catalog.concepts.map((concept) => this.stable({ type: 'concept', key: `c:${concept.id}`, concept, parent: node }));
      case 'due': {
        const matches = this.matcher();
        // Exercises have no question facets, so a filter leaves them out here as under ML Coding.
        const exercise = (id: string) => (this.filtered ? undefined : this.exercises?.current?.find((e) => e.id === id));
        return this.dueIds().flatMap((id): TreeNode[] => {
          const question = this.catalog.question(id);
          if (question) {
            return matches(question) ? [this.stable({ type: 'question', key: `due/q:${id}`, question, parent: node })] : [];
          }
          const due = exercise(id);
          return due ? [this.stable({ type: 'exercise', key: `due/e:${id}`, exercise: due, parent: node })] : [];
        });
      }
      case 'paths': {
        const paths = this.catalog.paths.map((path) => this.stable({ type: 'path', key: `path:${path.id}`, path, parent: node }));
        return this.filtered ? paths.filter((p) => this.children(p).length > 0) : paths;
      }
      case 'path':
      case 'startHere': {
        // A path is an ordered list of questions: shown in its order, as a drill asks them.
        const matches = this.matcher();
        return this.catalog.pathQuestionIds(node.path).flatMap((id) => {
          const question = this.catalog.question(id);
          return question && matches(question) ? [this.stable({ type: 'question', key: `${node.key}/q:${id}`, question, parent: node })] : [];
        });
      }
      case 'mlCoding':
        return exercisesByTopic(this.exercises?.current ?? [], this.catalog.topics).map((g) =>
          this.stable({ type: 'exerciseTopic', key: `mlCoding/t:${g.topicId}`, ...g, parent: node }),
        );
      case 'exerciseTopic':
        return node.exercises.map((exercise) => this.stable({ type: 'exercise', key: `${node.key}/e:${exercise.id}`, exercise, parent: node }));
      case 'question':
      case 'concept':
      case 'exercise':
        return [];
    }
  }

  /** Section folders in the topic's order (names only user files use come after), then unfiled questions. */
  private topicChildren(node: TreeNode, topic: Topic): TreeNode[] {
    const questions = this.catalog.questionsOf(topic.id);
    if (questions.length <= SECTION_FOLDER_THRESHOLD || !questions.some((q) => q.section !== '')) {
      return this.questionNodes(node, questions);
    }
    const names = [...new Set([...topic.sections, ...questions.map((q) => q.section).filter((name) => name !== '')])];
    const matches = this.matcher();
    const folders = names
      .filter((name) => questions.some((q) => q.section === name && matches(q)))
      .map((name) => this.stable({ type: 'section', key: `${node.key}/s:${name}`, topic, name, parent: node }));
    return [...folders, ...this.questionNodes(node, questions.filter((q) => q.section === ''))];
  }

  private questionNodes(parent: TreeNode, questions: readonly Question[]): TreeNode[] {
    return questions
      .filter(this.matcher())
      .map((question) => this.stable({ type: 'question', key: `${parent.key}/q:${question.id}`, question, parent }));
  }

  /** The top-level node showing a question or concept, so search results can be revealed. */
  nodeFor(id: string): TreeNode | undefined {
    const q = this.catalog.question(id);
    if (q) {
      const topic = this.topLevelTopics.find((t) => t.type === 'topic' && t.topic.id === q.topic);
      const level = topic ? this.children(topic) : [];
      const holder = level.find((n) => n.type === 'section' && n.name === q.section);
      return (holder ? this.children(holder) : level).find((n) => n.type === 'question' && n.question.id === id);
    }
    return this.children(this.cheatSheet).find((n) => n.type === 'concept' && n.concept.id === id);
  }

  /** Everything due (questions and coding exercises), whatever the filter: the badge counts pending work. */
  dueCount(): number {
    const exercises = new Set((this.exercises?.current ?? []).map((e) => e.id));
    return this.dueIds().filter((id) => this.catalog.question(id) !== undefined || exercises.has(id)).length;
  }

  topicCount(topicId: string): Count {
    const ids = this.catalog.questionsOf(topicId).map((q) => q.id);
    return { practiced: this.study.countPracticed(ids), total: ids.length };
  }

  sectionCount(topicId: string, name: string): Count {
    const ids = this.catalog.questionsOf(topicId).filter((q) => q.section === name).map((q) => q.id);
    return { practiced: this.study.countPracticed(ids), total: ids.length };
  }

  pathCount(path: StudyPath): Count {
    const ids = this.catalog.pathQuestionIds(path);
    return { practiced: this.study.countPracticed(ids), total: ids.length };
  }

  overall(): Count {
    return sum(this.catalog.topics.map((t) => this.topicCount(t.id)));
  }

  /** The questions of a topic that the filter lets through (all of them when none is set). */
  matchingCount(topicId: string): number {
    return this.catalog.questionsOf(topicId).filter(this.matcher()).length;
  }

  /** A test for the current filter; what is due is read once per call, not once per question. */
  private matcher(): (question: Question) => boolean {
    const filter = this.filterValue;
    if (!isFilterActive(filter)) {
      return () => true;
    }
    let due: Set<string> | undefined;
    const state = {
      isPracticed: (id: string) => this.study.isPracticed(id),
      isDue: (id: string) => (due ??= new Set(this.dueIds())).has(id),
    };
    return (question) => matchesFilter(question, filter, state);
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
    this.subscriptions.forEach((d) => d.dispose());
    this.filterEmitter.dispose();
    this.changeEmitter.dispose();
  }
}

/** The questions a tree node stands for: a path's list, a topic's or a section's questions, or those that use a concept. */
export function questionIdsOf(node: TreeNode, catalog: Catalog): string[] {
  switch (node.type) {
    case 'path':
    case 'startHere':
      return catalog.pathQuestionIds(node.path);
    case 'topic':
      return catalog.questionsOf(node.topic.id).map((q) => q.id);
    case 'section':
      return catalog.questionsOf(node.topic.id).filter((q) => q.section === node.name).map((q) => q.id);
    case 'concept':
      return catalog.questionsUsing(node.concept.id).map((q) => q.id);
    default:
      return [];
  }
}

const sum = (counts: readonly Count[]): Count =>
  counts.reduce((a, b) => ({ practiced: a.practiced + b.practiced, total: a.total + b.total }), { practiced: 0, total: 0 });
