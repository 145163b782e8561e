import * as vscode from 'vscode';
import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { Exercise } from '../exercises/exerciseTypes';
import type { StudyStore } from '../study/studyStore';
import { questionIdsOf, type TreeNode } from '../tree/treeModel';
import type { DrillPanel } from './drillPanel';
import { dueExercises, questionsFor, type PracticeScope } from './practiceScope';

/** What Start Practice reads of the coding exercises: the list, once read. */
export interface DrillExercises {
  readonly current: readonly Exercise[] | undefined;
  readonly onDidChange: (listener: () => void) => vscode.Disposable;
}

export interface DrillCommandDeps {
  readonly source: CatalogSource;
  readonly study: StudyStore;
  readonly drill: DrillPanel;
  readonly exercises?: DrillExercises;
}

/** Start Practice (a picked scope, or one a hover passes), Review Due Questions, and Practice on a tree node. */
export function registerDrillCommands({ source, study, drill, exercises }: DrillCommandDeps): vscode.Disposable {
  const dueCoding = () => dueExercises(study.dueToday(), exercises?.current ?? []);
  const start = (scope: PracticeScope) => {
    // Only coding exercises due: a review opens them, as an empty drill would say nothing is due.
    if (scope.kind === 'due' && questionsFor(scope, source.current, () => false, study.dueToday()).length === 0 && dueCoding().length > 0) {
      void pickDueExercise(dueCoding());
      return;
    }
    startDrill(scope, source.current, study, drill);
  };
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
      const picked = scope ?? (await pickScope(source.current, study, dueCoding().length));
      if (picked === 'exercises') {
        await pickDueExercise(dueCoding());
      } else if (picked) {
        start(picked);
      }
    }),
    vscode.commands.registerCommand('mlPrep.startReview', () => start({ kind: 'due' })),
    // One handler, three titles: "Practice" (topic, section), "Practice This Path", and
    // "Practice Questions That Use It" (concept); the node says which questions.
    vscode.commands.registerCommand('mlPrep.practiceNode', (node?: TreeNode) => practiceNode(node)),
    vscode.commands.registerCommand('mlPrep.practicePath', (node?: TreeNode) => practiceNode(node)),
    vscode.commands.registerCommand('mlPrep.practiceConceptQuestions', (node?: TreeNode) => practiceNode(node)),
    new DueStatusBar(study, (listener) => vscode.Disposable.from(source.onDidChange(listener), ...(exercises ? [exercises.onDidChange(listener)] : []))),
  );
}

const RANDOM_MIX_SIZE = 10;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface ScopeItem extends vscode.QuickPickItem {
  /** 'exercises': the due coding exercises, opened one at a time rather than drilled. */
  readonly scope?: PracticeScope | 'exercises';
}

async function pickScope(catalog: Catalog, study: StudyStore, dueExerciseCount: number): Promise<PracticeScope | 'exercises' | undefined> {
  const due = questionsFor({ kind: 'due' }, catalog, () => false, study.dueToday()).length;
  const unpracticed = catalog.questions.filter((q) => !study.isPracticed(q.id)).length;
  const mix = Math.min(RANDOM_MIX_SIZE, catalog.questions.length);
  // Each label says what the drill will ask, so "10 questions" reads as 10 in total.
  const items: ScopeItem[] = [
    { label: `$(history) Due for review: ${plural(due, 'question')} due today`, scope: { kind: 'due' } },
    ...(dueExerciseCount > 0
      ? [{ label: `$(beaker) Coding exercises due: ${plural(dueExerciseCount, 'exercise')} to implement again`, description: 'pass the tests to review', scope: 'exercises' as const }]
      : []),
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

/**
 * The drill cannot grade code, so a due exercise is opened at its statement page (with Start or
 * Open my attempt there); passing its tests records the review, not a drill grade.
 */
async function pickDueExercise(due: readonly Exercise[]): Promise<void> {
  const items = due.map((e) => ({ label: `$(beaker) ${e.title}`, detail: e.summary, id: e.id }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open which due coding exercise? Passing its tests records the review.', matchOnDetail: true });
  if (picked) {
    await vscode.commands.executeCommand('mlPrep.exercise.open', picked.id);
  }
}

function startDrill(scope: PracticeScope, catalog: Catalog, study: StudyStore, drill: DrillPanel): void {
  drill.start(questionsFor(scope, catalog, (id) => study.isPracticed(id), study.dueToday()));
}

/** "$(history) N due" in the status bar; a click starts a review. Hidden when nothing is due. */
export class DueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlPrep.due', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  /** `onCatalogChange`: due ids are those of the catalog and the exercises, so either loading changes the count. */
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
    // The count holds due coding exercises too (the study store's dueToday()).
    this.item.tooltip = `ML Prep: ${due} due for review today (questions and coding exercises). Click to start.`;
    this.item.accessibilityInformation = { label: `ML Prep: ${due} due for review`, role: 'button' };
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
