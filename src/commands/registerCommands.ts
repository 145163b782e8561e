import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { AnswerPanels } from '../panel/answerPanels';
import type { DashboardPanel } from '../dashboard/dashboardPanel';
import type { DrillPanel } from '../drill/drillPanel';
import { pickScope, startDrill } from '../drill/drillCommands';
import type { PracticeScope } from '../drill/practiceScope';
import type { NotesFolder } from '../study/notes';
import type { StudyStore } from '../study/studyStore';
import type { StudyTransfer } from '../study/studyTransfer';
import type { EntryKind } from '../search/searchDocs';
import type { SearchIndexes } from '../search/searchIndexes';
import { createEntry } from '../catalog/userFolders/newEntry';
import type { UserContentFolders } from '../catalog/userFolders/userContentFolders';
import { pickFromSearch } from '../search/searchPicker';
import type { QuestionFilter, TreeModel, TreeNode } from '../tree/treeModel';

export interface CommandDeps {
  readonly source: CatalogSource;
  readonly study: StudyStore;
  readonly drill: DrillPanel;
  readonly dashboard: DashboardPanel;
  readonly transfer: StudyTransfer;
  readonly panels: AnswerPanels;
  readonly notes: NotesFolder;
  readonly model: TreeModel;
  readonly search: SearchIndexes;
  readonly userContent: UserContentFolders;
  readonly extensionId: string;
}

// A code symbol with its dots (`nn.LayerNorm`, `torch.nn.functional.softmax`) counts as one word.
const SYMBOL_AT_CURSOR = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { panels, study, model } = deps;
  const stateOf = () => {
    const due = new Set(study.dueToday());
    return (id: string) => (due.has(id) ? 'due' : study.isPracticed(id) ? 'practiced' : '');
  };
  const openDoc = async (kinds: readonly EntryKind[], placeholder: string, initial?: string) => {
    const picked = await pickFromSearch(deps.search, { placeholder, initial, kinds, stateOf: stateOf() });
    if (picked?.kind === 'entry') {
      await panels.open(picked.id, undefined, picked.anchor || undefined);
    } else if (picked?.kind === 'newNote') {
      await vscode.commands.executeCommand('mlPrep.newQuestion', picked.title);
    }
  };
  const everything: readonly EntryKind[] = ['concept', 'question'];
  return [
    vscode.commands.registerCommand('mlPrep.openEntry', (id: unknown) => {
      if (typeof id === 'string') {
        return panels.open(id);
      }
      return openDoc(everything, 'Open a question or concept');
    }),
    vscode.commands.registerCommand('mlPrep.searchCheatSheet', () =>
      openDoc(['concept'], 'Search the cheat sheet (typos are fine): e.g. kv cache, calibration, LoRA'),
    ),
    vscode.commands.registerCommand('mlPrep.searchEverything', () =>
      openDoc(everything, 'Search questions, concepts and answers (typos are fine)'),
    ),
    vscode.commands.registerCommand('mlPrep.lookUpSelection', async () => {
      const term = termAtCursor(vscode.window.activeTextEditor);
      if (term) {
        const engine = deps.search.current();
        const direct = engine.unambiguousMatch(term, ['concept']) ?? engine.unambiguousMatch(term, everything);
        if (direct) {
          return panels.open(direct);
        }
      }
      return openDoc(everything, 'Look up a term in the cheat sheet and questions', term ?? '');
    }),
    vscode.commands.registerCommand('mlPrep.togglePracticed', (node?: TreeNode) => {
      const id = node?.type === 'question' ? node.question.id : panels.activeQuestionId();
      if (!id) {
        void vscode.window.showInformationMessage('ML Prep: open a question first, then mark it practiced.');
        return;
      }
      // A refused write (data from a newer version) is explained by the store's read-only notice.
      return study.toggle(id).catch(() => undefined);
    }),
    vscode.commands.registerCommand('mlPrep.filter', () => chooseFilter(model)),
    vscode.commands.registerCommand('mlPrep.filterActive', () => chooseFilter(model)),
    vscode.commands.registerCommand('mlPrep.resetProgress', () => deps.transfer.reset()),
    vscode.commands.registerCommand('mlPrep.exportProgress', (target?: vscode.Uri) => deps.transfer.exportTo(target)),
    vscode.commands.registerCommand('mlPrep.importProgress', (source?: vscode.Uri) => deps.transfer.importFrom(source)),
    vscode.commands.registerCommand('mlPrep.startPractice', async (scope?: PracticeScope) => {
      const picked = scope ?? (await pickScope(deps.source.current, study));
      if (picked) {
        startDrill(picked, deps.source.current, study, deps.drill);
      }
    }),
    vscode.commands.registerCommand('mlPrep.startReview', () => startDrill({ kind: 'due' }, deps.source.current, study, deps.drill)),
    vscode.commands.registerCommand('mlPrep.openNotesFolder', () => deps.notes.openFolder()),
    vscode.commands.registerCommand('mlPrep.showProgress', () => deps.dashboard.show()),
    vscode.commands.registerCommand('mlPrep.newQuestion', (title?: unknown) =>
      createEntry('question', deps.userContent, deps.source, typeof title === 'string' ? title.slice(0, 200) : ''),
    ),
    vscode.commands.registerCommand('mlPrep.newConcept', () => createEntry('concept', deps.userContent, deps.source)),
    vscode.commands.registerCommand('mlPrep.pinPanel', () => panels.pin()),
    vscode.commands.registerCommand('mlPrep.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${deps.extensionId}#gettingStarted`, false),
    ),
    // Context actions on tree nodes: practice what the node holds, mark it, or open it.
    vscode.commands.registerCommand('mlPrep.practiceNode', (node?: TreeNode) => {
      const ids = node ? questionIdsOf(node, deps) : [];
      if (ids.length > 0) {
        startDrill({ kind: 'questions', ids }, deps.source.current, study, deps.drill);
      }
    }),
    vscode.commands.registerCommand('mlPrep.markAllPracticed', async (node?: TreeNode) => {
      const ids = node ? questionIdsOf(node, deps) : [];
      if (ids.length === 0) {
        return;
      }
      const answer = await vscode.window.showWarningMessage(`Mark all ${ids.length} questions practiced?`, { modal: true }, 'Mark practiced');
      if (answer === 'Mark practiced') {
        // A refused write (data from a newer version) is explained by the store's read-only notice.
        await study.setPracticed(ids, true).catch(() => undefined);
      }
    }),
    vscode.commands.registerCommand('mlPrep.openNode', (node?: TreeNode) => {
      if (node?.type === 'concept') {
        return panels.open(node.concept.id);
      }
      return undefined;
    }),
  ];
}

/** The questions a tree node stands for: a path's list, a topic's or a section's questions, or those that use a concept. */
function questionIdsOf(node: TreeNode, deps: CommandDeps): string[] {
  const catalog = deps.source.current;
  switch (node.type) {
    case 'path':
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

function termAtCursor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) {
    return undefined;
  }
  const selected = editor.document.getText(editor.selection).trim();
  if (selected) {
    return selected.slice(0, 200);
  }
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, SYMBOL_AT_CURSOR);
  return range ? editor.document.getText(range) : undefined;
}

async function chooseFilter(model: TreeModel): Promise<void> {
  const options: { label: string; filter: QuestionFilter }[] = [
    { label: 'All questions', filter: 'all' },
    { label: 'Not yet practiced', filter: 'unpracticed' },
    { label: 'Practiced', filter: 'practiced' },
  ];
  const picked = await vscode.window.showQuickPick(
    options.map((o) => ({ ...o, description: o.filter === model.filter ? '(current)' : undefined })),
    { placeHolder: 'Show which questions?' },
  );
  if (picked) {
    model.setFilter(picked.filter);
    void vscode.commands.executeCommand('setContext', 'mlPrep.filtered', picked.filter !== 'all');
  }
}
