import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { AnswerPanels } from '../panel/answerPanels';
import type { DashboardPanel } from '../practice/dashboardPanel';
import type { DrillPanel } from '../practice/drillPanel';
import { pickScope, startDrill } from '../practice/practiceCommands';
import type { PracticeScope } from '../practice/practiceScope';
import type { NotesFolder } from '../practice/notes';
import type { StudyStore } from '../study/studyStore';
import type { StudyTransfer } from '../study/studyTransfer';
import type { SearchIndex } from '../search/searchIndex';
import type { SearchIndexes } from '../search/searchIndexes';
import { createEntry } from '../userContent/newEntry';
import type { UserContentFolders } from '../userContent/userContentFolders';
import { pickFromIndex } from '../search/searchPicker';
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
}

// A code symbol with its dots (`nn.LayerNorm`, `torch.nn.functional.softmax`) counts as one word.
const SYMBOL_AT_CURSOR = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { panels, study, model } = deps;
  const openDoc = async (index: SearchIndex, placeholder: string, initial?: string) => {
    const doc = await pickFromIndex(index, placeholder, initial);
    if (doc) {
      await panels.open(doc.id);
    }
  };
  return [
    vscode.commands.registerCommand('mlPrep.openEntry', (id: unknown) => {
      if (typeof id === 'string') {
        return panels.open(id);
      }
      return openDoc(deps.search.everythingIndex(), 'Open a question or concept');
    }),
    vscode.commands.registerCommand('mlPrep.searchCheatSheet', () =>
      openDoc(deps.search.conceptIndex(), 'Search the cheat sheet (typos are fine): e.g. kv cache, calibration, LoRA'),
    ),
    vscode.commands.registerCommand('mlPrep.searchEverything', () =>
      openDoc(deps.search.everythingIndex(), 'Search questions and concepts (typos are fine)'),
    ),
    vscode.commands.registerCommand('mlPrep.lookUpSelection', async () => {
      const term = termAtCursor(vscode.window.activeTextEditor);
      if (term) {
        const direct = deps.search.conceptIndex().unambiguousMatch(term) ?? deps.search.everythingIndex().unambiguousMatch(term);
        if (direct) {
          return panels.open(direct.id);
        }
      }
      return openDoc(deps.search.everythingIndex(), 'Look up a term in the cheat sheet and questions', term ?? '');
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
    vscode.commands.registerCommand('mlPrep.newQuestion', () => createEntry('question', deps.userContent, deps.source)),
    vscode.commands.registerCommand('mlPrep.newConcept', () => createEntry('concept', deps.userContent, deps.source)),
    vscode.commands.registerCommand('mlPrep.pinPanel', () => panels.pin()),
  ];
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
