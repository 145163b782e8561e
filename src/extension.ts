import * as vscode from 'vscode';
import type { Catalog } from './catalog/catalog';
import { emptyCatalog, loadCatalog } from './catalog/loadCatalog';
import { registerCommands } from './commands/registerCommands';
import { AnswerPanels } from './panel/answerPanels';
import type { MarkdownRenderer } from './panel/markdownRenderer';
import { DashboardPanel } from './practice/dashboardPanel';
import { DrillPanel } from './practice/drillPanel';
import { NotesFolder } from './practice/notes';
import { DueStatusBar, dueToday } from './practice/practiceCommands';
import { PRACTICE_KEY, PracticeStore } from './practice/practiceStore';
import { ProgressTransfer } from './practice/progressTransfer';
import { PROGRESS_KEY, ProgressStore } from './progress/progressStore';
import { conceptDocs, questionDocs, SearchIndex } from './search/searchIndex';
import { ANSWER_VIEW_TYPE } from './shared/protocol';
import { TopicsTreeProvider } from './tree/topicsTreeProvider';
import { TreeModel } from './tree/treeModel';

/** What activate() returns: used by the in-host tests, and by nothing else for now. */
export interface MlPrepApi {
  readonly catalog: Catalog;
  readonly progress: ProgressStore;
  readonly tree: TopicsTreeProvider;
  readonly model: TreeModel;
  readonly practice: PracticeStore;
  readonly transfer: ProgressTransfer;
}

export async function activate(context: vscode.ExtensionContext): Promise<MlPrepApi> {
  const catalog = await readCatalog(context);

  context.globalState.setKeysForSync([PROGRESS_KEY, PRACTICE_KEY]);
  const progress = new ProgressStore(context.globalState);
  context.subscriptions.push(progress);
  const problems = await progress.load();
  if (problems.length > 0) {
    void vscode.window.showWarningMessage(
      `ML Prep: some stored progress could not be read and was skipped (${problems.slice(0, 3).join('; ')}${
        problems.length > 3 ? `; and ${problems.length - 3} more` : ''
      }). A backup of what was found is kept under "mlPrep.progress.backup".`,
    );
  }

  const practice = new PracticeStore(context.globalState, progress);
  context.subscriptions.push(practice);
  const practiceProblems = await practice.load();
  if (practiceProblems.length > 0) {
    void vscode.window.showWarningMessage(
      `ML Prep: some of the stored review history could not be read and was skipped (${practiceProblems.slice(0, 3).join('; ')}). A backup is kept under "mlPrep.practice.backup".`,
    );
  }

  const model = new TreeModel(catalog, progress, () => dueToday(practice));
  const tree = new TopicsTreeProvider(model, progress);
  const panels = new AnswerPanels(context.extensionUri, catalog, progress);
  // markdown-it and friends load on the first drill answer, not at activation.
  let renderer: Promise<MarkdownRenderer> | undefined;
  const markdown = () => (renderer ??= import('./panel/markdownRenderer').then((m) => new m.MarkdownRenderer()));
  const notes = new NotesFolder(context.globalStorageUri);
  const dashboard = new DashboardPanel(context.extensionUri, catalog, progress, practice, (id) => void panels.open(id));
  const drill = new DrillPanel({
    extensionUri: context.extensionUri,
    catalog,
    practice,
    notes,
    markdown,
    openAnswer: (id) => void panels.open(id),
    showProgress: () => dashboard.show(),
  });
  const transfer = new ProgressTransfer(catalog, progress, practice, notes, context.globalStorageUri);
  context.subscriptions.push(
    model,
    tree,
    panels,
    dashboard,
    drill,
    new DueStatusBar(practice),
    practice.onDidChange(() => tree.refresh()),
    vscode.window.registerWebviewPanelSerializer(ANSWER_VIEW_TYPE, panels),
  );

  // Search indexes are built on first search, not at activation.
  let conceptIndex: SearchIndex | undefined;
  let everythingIndex: SearchIndex | undefined;
  context.subscriptions.push(
    ...registerCommands({
      catalog,
      practice,
      drill,
      dashboard,
      transfer,
      panels,
      progress,
      model,
      conceptIndex: () => (conceptIndex ??= new SearchIndex(conceptDocs(catalog))),
      everythingIndex: () => (everythingIndex ??= new SearchIndex([...conceptDocs(catalog), ...questionDocs(catalog)])),
    }),
  );
  return { catalog, progress, tree, model, practice, transfer };
}

async function readCatalog(context: vscode.ExtensionContext): Promise<Catalog> {
  const result = await loadCatalog(vscode.Uri.joinPath(context.extensionUri, 'dist', 'catalog.json').fsPath);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`ML Prep: ${result.error}`);
    return emptyCatalog();
  }
  return result.catalog;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
