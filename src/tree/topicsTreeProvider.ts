import * as vscode from 'vscode';
import type { StudyStore } from '../study/studyStore';
import { DisposableBase } from '../util/dispose';
import type { Logger } from '../util/logger';
import type { TreeModel, TreeNode } from './treeModel';
import { exerciseTreeItem } from './exerciseTreeItems';
import { dayWord, viewDescription } from './viewDescription';
import { describeFilter } from './questionFilter';

export const TOPICS_VIEW_ID = 'mlPrep.topics';

/** What un-ticking does, said where it is done (and in the README). */
export const UNCHECK_TOOLTIP = 'Practiced: uncheck to clear the mark and take the question out of review (its review history is kept)';

/** Maps the tree model to TreeItems and owns the tree view; no data logic lives here. */
export class TopicsTreeProvider extends DisposableBase implements vscode.TreeDataProvider<TreeNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(
    private readonly model: TreeModel,
    private readonly progress: Pick<StudyStore, 'isPracticed' | 'setPracticed'>,
    private readonly logger: Logger,
  ) {
    super();
    this.view = this.register(
      vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true }),
    );
    this.register(
      this.view.onDidChangeCheckboxState((e) => {
        for (const [node, state] of e.items) {
          if (node.type === 'question') {
            // A refused write (read-only data) puts the checkbox back as it was.
            this.progress.setPracticed([node.question.id], state === vscode.TreeItemCheckboxState.Checked).catch(() => this.refresh());
          }
        }
      }),
    );
    // The model's one event covers the catalog, marks, reviews and the filter.
    this.register(model.onDidChange(() => this.refresh()));
    this.updateViewText();
  }

  private notice: string | undefined;

  /** A sentence shown above the tree, e.g. why a workspace's content folders are not read. */
  setNotice(notice: string | undefined): void {
    this.notice = notice;
    this.updateViewText();
  }

  refresh(): void {
    this.updateViewText();
    this.changeEmitter.fire(undefined);
  }

  /**
   * Selects an entry opened from search or a hover in the tree, without taking focus. Only when
   * the view is showing: opening an answer should not pull the side bar open.
   */
  reveal(id: string): void {
    const node = this.model.nodeFor(id);
    if (node && this.view.visible) {
      this.view.reveal(node, { select: true, focus: false }).then(undefined, (e: unknown) => this.logger.error(`tree: revealing ${id}`, e));
    }
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    // The first draw waits for the exercises (one small file), so ML Coding is there from the
    // start: a root that arrives later redraws the tree while the user may be clicking in it.
    if (!node && this.model.exercises?.current === undefined) {
      await this.model.exercises?.load();
    }
    return [...(node ? this.model.children(node) : this.model.roots())];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'topic': {
        const count = this.model.topicCount(node.topic.id);
        // The short title fits the default sidebar width; the full one is in the tooltip.
        const item = new vscode.TreeItem(node.topic.shortTitle, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.description = this.model.filtered ? `${this.model.matchingCount(node.topic.id)} matching` : `${count.practiced}/${count.total} practiced`;
        item.iconPath = new vscode.ThemeIcon(count.total > 0 && count.practiced === count.total ? 'pass-filled' : 'book');
        item.tooltip = new vscode.MarkdownString(
          `**${node.topic.title}** (${node.topic.difficulty})\n\n${count.practiced} of ${count.total} practiced${this.nextReviewLine()}\n\nTeaches: ${node.topic.teaches.join(', ')}`,
        );
        item.contextValue = 'mlPrep.topic';
        item.accessibilityInformation = { label: `${node.topic.title}, topic, ${count.practiced} of ${count.total} questions practiced` };
        return item;
      }
      case 'section': {
        const count = this.model.sectionCount(node.topic.id, node.name);
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.description = `${count.practiced}/${count.total}`;
        item.iconPath = new vscode.ThemeIcon(count.total > 0 && count.practiced === count.total ? 'pass-filled' : 'folder');
        item.tooltip = `${node.topic.title}: ${node.name}, ${count.practiced} of ${count.total} practiced`;
        item.contextValue = 'mlPrep.section';
        item.accessibilityInformation = { label: `${node.name}, section of ${node.topic.title}, ${count.practiced} of ${count.total} questions practiced` };
        return item;
      }
      case 'question': {
        const q = node.question;
        const practiced = this.progress.isPracticed(q.id);
        // A few words as the label; the full question in the tooltip, for screen readers and in the panel.
        const item = new vscode.TreeItem(q.shortTitle, vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.description = q.status === 'draft' ? `${q.difficulty} · draft` : q.difficulty;
        item.checkboxState = {
          state: practiced ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
          tooltip: practiced ? UNCHECK_TOOLTIP : 'Mark as practiced',
          accessibilityInformation: { label: practiced ? 'Practiced' : 'Not practiced' },
        };
        item.tooltip = new vscode.MarkdownString(undefined, true);
        item.tooltip.appendMarkdown('**').appendText(q.title).appendMarkdown('**\n\n').appendText(q.summary);
        item.tooltip.appendMarkdown(`\n\n*${q.difficulty} · ${q.format}${q.status === 'draft' ? ' · draft' : ''}*`);
        item.contextValue = practiced ? 'mlPrep.question.practiced' : 'mlPrep.question';
        item.command = { command: 'mlPrep.openEntry', title: 'Open Answer', arguments: [q.id] };
        item.accessibilityInformation = {
          label: `${q.title}, ${q.difficulty}${q.status === 'draft' ? ', draft' : ''}, ${practiced ? 'practiced' : 'not practiced'}`,
        };
        return item;
      }
      case 'cheatSheet': {
        const item = new vscode.TreeItem('Cheat Sheet', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        item.description = `${this.model.children(node).length} concepts`;
        item.tooltip = 'Key concepts, each with a one-line answer and an explanation';
        item.accessibilityInformation = { label: `Cheat Sheet, ${this.model.children(node).length} concepts` };
        return item;
      }
      case 'concept': {
        const c = node.concept;
        const item = new vscode.TreeItem(c.title, vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.description = c.status === 'draft' ? 'draft' : c.oneLiner;
        item.tooltip = new vscode.MarkdownString(`**${c.title}**: ${c.oneLiner}`);
        item.contextValue = 'mlPrep.concept';
        item.command = { command: 'mlPrep.openEntry', title: 'Open Concept', arguments: [c.id] };
        item.accessibilityInformation = { label: `${c.title}, concept: ${c.oneLiner}` };
        return item;
      }
      case 'due': {
        const due = this.model.dueCount();
        // The model shows this node only when something is due.
        const item = new vscode.TreeItem(`Due for review (${due})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('history');
        item.tooltip = 'Questions and coding exercises your review schedule brings back today';
        item.contextValue = 'mlPrep.due';
        item.accessibilityInformation = { label: `Due for review, ${due} ${due === 1 ? 'question' : 'questions'}` };
        return item;
      }
      case 'startHere': {
        const count = this.model.pathCount(node.path);
        // Collapsed, so the whole tree still fits at a glance; the description names the path.
        const item = new vscode.TreeItem('Start here', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('rocket');
        item.contextValue = 'mlPrep.path';
        item.description = node.path.title;
        item.tooltip = new vscode.MarkdownString(`**Start here: ${node.path.title}**\n\n${node.path.body}\n\nTick a question or practice it to begin your review schedule.`);
        item.accessibilityInformation = { label: `Start here: ${node.path.title}, study path, ${count.practiced} of ${count.total} questions practiced` };
        return item;
      }
      case 'paths': {
        const item = new vscode.TreeItem('Study Paths', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('milestone');
        const paths = this.model.children(node).length;
        item.description = `${paths} paths`;
        item.tooltip = 'Suggested orders in which to study the topics';
        item.accessibilityInformation = { label: `Study Paths, ${paths} paths` };
        return item;
      }
      case 'path': {
        const count = this.model.pathCount(node.path);
        const item = new vscode.TreeItem(node.path.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('list-ordered');
        item.contextValue = 'mlPrep.path';
        item.description = `${count.practiced}/${count.total} practiced`;
        item.tooltip = new vscode.MarkdownString(node.path.body);
        item.accessibilityInformation = { label: `${node.path.title}, study path, ${count.practiced} of ${count.total} questions practiced` };
        return item;
      }
      case 'mlCoding':
      case 'exerciseTopic':
      case 'exercise':
        return this.model.exercises ? exerciseTreeItem(node, this.model.exercises, (n) => this.model.children(n)) : new vscode.TreeItem(node.key);
    }
  }

  /** When nothing is due, when the next review is: a merged view hides its description, a tooltip does not. */
  private nextReviewLine(): string {
    const next = this.model.dueCount() === 0 ? this.model.nextReview() : undefined;
    return next === undefined ? '' : `\n\nNothing due today; next review ${dayWord(next, Date.now())}`;
  }

  private updateViewText(): void {
    this.view.description = viewDescription({
      overall: this.model.overall(),
      filter: this.model.filter,
      due: this.model.dueCount(),
      nextReview: this.model.nextReview(),
      now: Date.now(),
    });
    // A badge signals pending work: the questions due for review (progress is in the description and tooltips).
    const due = this.model.dueCount();
    this.view.badge = due > 0 ? { value: due, tooltip: `${due} ${due === 1 ? 'question' : 'questions'} due for review` } : undefined;
    // A view merged into its container's title hides the description, so the filter is also said above the tree.
    const filter = this.model.filtered ? `Filter: ${describeFilter(this.model.filter)}. Clear it from the view's title bar.` : undefined;
    this.view.message = [this.notice, filter].filter((m) => m !== undefined).join(' ') || undefined;
  }
}
