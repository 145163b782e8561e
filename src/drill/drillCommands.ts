import * as vscode from 'vscode';
import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { StudyStore } from '../study/studyStore';
import { questionIdsOf, type TreeNode } from '../tree/treeModel';
import type { DrillPanel } from './drillPanel';
import { questionsFor, type PracticeScope } from './practiceScope';

export interface DrillCommandDeps {
  readonly source: CatalogSource;
  readonly study: StudyStore;
  readonly drill: DrillPanel;
}

/** Start Practice (a picked scope, or one a hover passes), Review Due Questions, and Practice on a tree node. */
export function registerDrillCommands({ source, study, drill }: DrillCommandDeps): vscode.Disposable {
  const start = (scope: PracticeScope) => startDrill(scope, source.current, study, drill);
  const practiceNode = (node: TreeNode | undefined) => {
    const ids = node ? questionIdsOf(node, source.current) : [];
    if (ids.length > 0) {
      start({ kind: 'questions', ids });
    } else if (node?.type === 'concept') {
      void vscode.window.showInformationMessage(`ML Prep: no question uses "${node.concept.title}" yet.`);
    }
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlPrep.startPractice', async (scope?: PracticeScope) => {
      const picked = scope ?? (await pickScope(source.current, study));
      if (picked) {
        start(picked);
      }
    }),
    vscode.commands.registerCommand('mlPrep.startReview', () => start({ kind: 'due' })),
    // One handler, three titles: "Practice" (topic, section), "Practice This Path", and
    // "Practice Questions That Use It" (concept); the node says which questions.
    vscode.commands.registerCommand('mlPrep.practiceNode', (node?: TreeNode) => practiceNode(node)),
    vscode.commands.registerCommand('mlPrep.practicePath', (node?: TreeNode) => practiceNode(node)),
    vscode.commands.registerCommand('mlPrep.practiceConceptQuestions', (node?: TreeNode) => practiceNode(node)),
    new DueStatusBar(study, source.onDidChange),
  );
}

const RANDOM_MIX_SIZE = 10;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface ScopeItem extends vscode.QuickPickItem {
  readonly scope?: PracticeScope;
}

async function pickScope(catalog: Catalog, study: StudyStore): Promise<PracticeScope | undefined> {
  const due = study.dueToday().length;
  const unpracticed = catalog.questions.filter((q) => !study.isPracticed(q.id)).length;
  const mix = Math.min(RANDOM_MIX_SIZE, catalog.questions.length);
  // Each label says what the drill will ask, so "10 questions" reads as 10 in total.
  const items: ScopeItem[] = [
    { label: `$(history) Due for review: ${plural(due, 'question')} due today`, scope: { kind: 'due' } },
    { label: `$(circle-large-outline) Not yet practiced: all ${plural(unpracticed, 'question')} you have not practiced`, scope: { kind: 'unpracticed' } },
    { label: `$(symbol-misc) Random mix: ${plural(mix, 'question')} from all topics`, scope: { kind: 'random', size: RANDOM_MIX_SIZE } },
    { label: 'Topics', kind: vscode.QuickPickItemKind.Separator },
    ...catalog.topics.map((t) => ({ label: `$(book) ${t.title}`, description: `all ${plural(catalog.questionsOf(t.id).length, 'question')} of this topic`, scope: { kind: 'topic', id: t.id } as const })),
    { label: 'Study paths', kind: vscode.QuickPickItemKind.Separator },
    ...catalog.paths.map((p) => ({ label: `$(list-ordered) ${p.title}`, description: `the path's ${plural(catalog.pathQuestionIds(p).length, 'question')}, in its order`, scope: { kind: 'path', id: p.id } as const })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'What do you want to practice?', matchOnDescription: true });
  return picked?.scope;
}

function startDrill(scope: PracticeScope, catalog: Catalog, study: StudyStore, drill: DrillPanel): void {
  drill.start(questionsFor(scope, catalog, (id) => study.isPracticed(id), study.dueToday()));
}

/** "$(history) N due" in the status bar; a click starts a review. Hidden when nothing is due. */
export class DueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlPrep.due', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  /** `onCatalogChange`: due questions are those of the catalog, so a content folder loading changes the count. */
  constructor(
    private readonly study: StudyStore,
    onCatalogChange: (listener: () => void) => vscode.Disposable,
  ) {
    this.item.name = 'ML Prep: Due for Review';
    this.item.command = 'mlPrep.startReview';
    this.subscriptions = [study.onDidChange(() => this.update()), onCatalogChange(() => this.update())];
    this.update();
  }

  update(): void {
    const due = this.study.dueToday().length;
    this.item.text = `$(history) ${due} due`;
    this.item.tooltip = `ML Prep: ${due} question${due === 1 ? '' : 's'} due for review today. Click to start.`;
    this.item.accessibilityInformation = { label: `ML Prep: ${due} questions due for review`, role: 'button' };
    if (due > 0) {
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
