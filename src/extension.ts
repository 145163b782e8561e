import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { Catalog } from './catalog/catalog';
import { CatalogSource } from './catalog/catalogSource';
import { emptyCatalog, loadCatalog } from './catalog/loadCatalog';
import { registerUserFolderCommands } from './catalog/userFolders/userFolderCommands';
import { UserContentFolders } from './catalog/userFolders/userContentFolders';
import { registerAnki } from './anki/ankiCommands';
import { registerDashboardCommands } from './dashboard/dashboardCommands';
import { DashboardPanel } from './dashboard/dashboardPanel';
import { registerDrillCommands } from './drill/drillCommands';
import { DrillPanel } from './drill/drillPanel';
import { lookupTables } from './lookup/lookupTables';
import { TermHoverProvider, TermHovers } from './lookup/termHover';
import { AnswerPanels } from './panel/answerPanels';
import type { MarkdownRenderer } from './panel/markdownRenderer';
import { registerPanelCommands } from './panel/panelCommands';
import { registerSearchCommands } from './search/searchCommands';
import { SearchIndexes } from './search/searchIndexes';
import { FileBackupRing } from './study/backups';
import { NotesFolder } from './study/notes';
import { registerNotesCommands } from './study/notesCommands';
import { STUDY_SYNC_KEY, StudyStore } from './study/studyStore';
import { StudyTransfer } from './transfer/studyTransfer';
import { warnAboutStoredState, watchStudyStore } from './study/studyWatch';
import { registerTransferCommands } from './transfer/transferCommands';
import { TopicsTreeProvider } from './tree/topicsTreeProvider';
import { registerTreeCommands } from './tree/treeCommands';
import { TreeModel } from './tree/treeModel';
import { Logger } from './util/logger';
import { ExercisesFeature } from './exercises/exercisesFeature';

/** What activate() returns: used by the in-host tests, and by nothing else for now. */
export interface MlPrepApi {
  readonly catalog: Catalog;
  readonly study: StudyStore;
  readonly tree: TopicsTreeProvider;
  readonly model: TreeModel;
  readonly transfer: StudyTransfer;
  readonly notes: NotesFolder;
  readonly exercises: ExercisesFeature;
}

/** Wires the features: each is constructed with what it uses and registers its own commands and listeners. */
export async function activate(context: vscode.ExtensionContext): Promise<MlPrepApi> {
  // Code without the vscode API localizes through @vscode/l10n: give it the same bundle.
  if (vscode.l10n.bundle) {l10n.config({ contents: vscode.l10n.bundle });}
  const { extensionUri, globalStorageUri } = context;
  const extensionId = context.extension.id;
  const push = (...disposables: vscode.Disposable[]) => context.subscriptions.push(...disposables);
  const channel = vscode.window.createOutputChannel('ML Interview Prep', { log: true });
  const logger = new Logger(channel);
  push(channel);
  const shipped = await readCatalog(extensionUri);
  const source = new CatalogSource(shipped);
  push(source);

  // Only the bounded synced value goes to Settings Sync; the full review log stays on this machine.
  context.globalState.setKeysForSync([STUDY_SYNC_KEY]);
  const backupFolder = vscode.Uri.joinPath(globalStorageUri, 'backups');
  const backups = new FileBackupRing(backupFolder.fsPath);
  // Set once the exercises feature exists: a due coding exercise counts as due like a question.
  let isExercise = (_id: string): boolean => false;
  const study = new StudyStore({ memento: context.globalState, backups, isQuestion: (id) => source.current.question(id) !== undefined || isExercise(id) });
  push(study);
  warnAboutStoredState(backupFolder, await study.load());
  push(watchStudyStore(study, logger));
  // A last look on the way out: what this window holds and the stored values lack is stored.
  flushOnDeactivate = () => study.refresh();

  // markdown-it, KaTeX and highlight.js load on the first answer shown, not at activation.
  let renderer: Promise<MarkdownRenderer> | undefined;
  const markdown = () => (renderer ??= import('./panel/markdownRenderer').then((m) => new m.MarkdownRenderer()));
  // With extensionKind ["ui", "workspace"] a remote window may still run this extension on the desktop's machine.
  const runsOnDesktop =
    vscode.env.uiKind === vscode.UIKind.Desktop && (vscode.env.remoteName === undefined || context.extension.extensionKind === vscode.ExtensionKind.UI);
  const notes = new NotesFolder(globalStorageUri, runsOnDesktop);

  const panels = new AnswerPanels(extensionUri, source, study, markdown, logger);
  const open = (id: string, anchor?: string) => panels.open(id, undefined, anchor);
  const openAnswer = (id: string) => logger.run(`open ${id}`, () => open(id));
  const exercises = new ExercisesFeature({ extensionUri, globalState: context.globalState, study, catalog: () => source.current, panels, markdown, logger });
  isExercise = (id) => exercises.library.get(id) !== undefined;
  const model = new TreeModel(source, study, () => study.dueToday(), exercises.tree);
  const tree = new TopicsTreeProvider(model, study, logger);
  const userContent = new UserContentFolders(shipped, source, logger);
  const search = new SearchIndexes(source, vscode.Uri.joinPath(extensionUri, 'dist').fsPath, logger);
  const dashboard = new DashboardPanel(extensionUri, source, study, openAnswer, logger, () => (exercises.library.current ?? []).map((e) => e.id));
  const drill = new DrillPanel({ extensionUri, source, study, notes, markdown, openAnswer, showProgress: () => dashboard.show(), logger });
  const transfer = new StudyTransfer(source, study, notes, backups, globalStorageUri);
  const hoverTable = lookupTables(vscode.Uri.joinPath(extensionUri, 'dist', 'lookup.json').fsPath, shipped, source);

  push(panels, registerPanelCommands(panels, extensionId));
  push(exercises);
  push(model, tree, registerTreeCommands({ model, tree, source, study, activeQuestionId: () => panels.activeQuestionId(), open, notices: userContent.onDidChangeRestriction, extensionId, workspaceState: context.workspaceState }));
  push(userContent, registerUserFolderCommands(userContent, source));
  push(search, registerSearchCommands({ search, study, open, reveal: (id) => tree.reveal(id) }));
  push(new TermHovers(new TermHoverProvider(source, hoverTable)));
  push(dashboard, registerDashboardCommands(dashboard));
  push(drill, registerDrillCommands({ source, study, drill, exercises: exercises.tree }));
  push(registerTransferCommands(transfer), registerNotesCommands(notes));
  push(registerAnki({ source, study, markdown, open, extensionId, logger }));
  logger.run('user content: load', () => userContent.reload());
  // Read now, not at the first tree draw, so the status bar counts due coding exercises from the start.
  logger.run('exercises: load', () => exercises.library.load());
  return {
    get catalog() {
      return source.current;
    },
    study,
    tree,
    model,
    transfer,
    notes,
    exercises,
  };
}

async function readCatalog(extensionUri: vscode.Uri): Promise<Catalog> {
  const result = await loadCatalog(vscode.Uri.joinPath(extensionUri, 'dist', 'catalog.json').fsPath);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`ML Prep: ${result.error}`);
    return emptyCatalog();
  }
  return result.catalog;
}

/** Set by activate(): the one thing deactivate() does before context.subscriptions are disposed. */
let flushOnDeactivate: (() => Promise<void>) | undefined;

export function deactivate(): Promise<void> | undefined {
  // Everything else is disposed through context.subscriptions.
  return flushOnDeactivate?.();
}
