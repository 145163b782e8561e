import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Catalog } from './catalog/catalog';
import type { Concept } from './catalog/types';
import { CatalogSource } from './catalog/catalogSource';
import { emptyCatalog, loadCatalog } from './catalog/loadCatalog';
import { registerCommands } from './commands/registerCommands';
import { AnswerPanels } from './panel/answerPanels';
import type { MarkdownRenderer } from './panel/markdownRenderer';
import { DashboardPanel } from './dashboard/dashboardPanel';
import { DrillPanel } from './drill/drillPanel';
import { NotesFolder } from './study/notes';
import { DueStatusBar } from './drill/drillCommands';
import { FileBackupRing } from './study/backups';
import { STUDY_SYNC_KEY, StudyStore } from './study/studyStore';
import { StudyTransfer } from './study/studyTransfer';
import { SearchIndexes } from './search/searchIndexes';
import { buildLookupTable, parseLookupTable, type LookupTable } from './lookup/lookupTable';
import { TermHoverProvider, TermHovers } from './lookup/termHover';
import { UserContentFolders } from './catalog/userFolders/userContentFolders';
import { ANSWER_VIEW_TYPE } from './shared/protocol';
import { TopicsTreeProvider } from './tree/topicsTreeProvider';
import { TreeModel } from './tree/treeModel';
import { Logger } from './util/logger';
import { registerAnki } from './anki/ankiCommands';
import { ExercisesFeature } from './exercises/exercisesFeature';

/** What activate() returns: used by the in-host tests, and by nothing else for now. */
export interface MlPrepApi {
  readonly catalog: Catalog;
  readonly study: StudyStore;
  readonly tree: TopicsTreeProvider;
  readonly model: TreeModel;
  readonly transfer: StudyTransfer;
  readonly notes: NotesFolder;
}

/** How often a window looks for what other windows, or Settings Sync, stored meanwhile. */
const REFRESH_INTERVAL_MS = 15_000;

export async function activate(context: vscode.ExtensionContext): Promise<MlPrepApi> {
  const channel = vscode.window.createOutputChannel('ML Interview Prep', { log: true });
  context.subscriptions.push(channel);
  const logger = new Logger(channel);
  const shipped = await readCatalog(context);
  const source = new CatalogSource(shipped);
  context.subscriptions.push(source);

  // Only the bounded synced value goes to Settings Sync; the full review log stays on this machine.
  context.globalState.setKeysForSync([STUDY_SYNC_KEY]);
  const backupFolder = vscode.Uri.joinPath(context.globalStorageUri, 'backups');
  const backups = new FileBackupRing(backupFolder.fsPath);
  const study = new StudyStore({
    memento: context.globalState,
    backups,
    isQuestion: (id) => source.current.question(id) !== undefined,
  });
  context.subscriptions.push(study);
  warnAboutStoredState(backupFolder, await study.load());
  context.subscriptions.push(
    study.onReadOnly(throttled(10_000, (message) => void vscode.window.showWarningMessage(`ML Prep: ${message}`))),
    // Other windows and Settings Sync write too: look when this window gets focus, and now and then.
    vscode.window.onDidChangeWindowState((e) => {
      if (e.focused) {
        void study.refresh();
      }
    }),
    intervalDisposable(() => void study.refresh(), REFRESH_INTERVAL_MS),
  );
  // A last look on the way out: what this window holds and the stored values lack is stored.
  flushOnDeactivate = () => study.refresh();

  // markdown-it, KaTeX and highlight.js load on the first answer shown, not at activation.
  let renderer: Promise<MarkdownRenderer> | undefined;
  const markdown = () => (renderer ??= import('./panel/markdownRenderer').then((m) => new m.MarkdownRenderer()));

  const panels = new AnswerPanels(context.extensionUri, source, study, markdown, logger);
  const exercises = new ExercisesFeature({ extensionUri: context.extensionUri, globalState: context.globalState, study, catalog: () => source.current, panels, markdown, logger });
  const model = new TreeModel(source, study, () => study.dueToday(), exercises.tree);
  const tree = new TopicsTreeProvider(model, study);
  const openAnswer = (id: string) => void panels.open(id);
  // With extensionKind ["ui", "workspace"] a remote window may still run this extension on the desktop's machine.
  const runsOnDesktop =
    vscode.env.uiKind === vscode.UIKind.Desktop && (vscode.env.remoteName === undefined || context.extension.extensionKind === vscode.ExtensionKind.UI);
  const notes = new NotesFolder(context.globalStorageUri, runsOnDesktop);
  const dashboard = new DashboardPanel(context.extensionUri, source, study, openAnswer, logger);
  const drill = new DrillPanel({ extensionUri: context.extensionUri, source, study, notes, markdown, openAnswer, showProgress: () => dashboard.show(), logger });
  const transfer = new StudyTransfer(source, study, notes, backups, context.globalStorageUri);
  const search = new SearchIndexes(source, vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath, logger);
  const userContent = new UserContentFolders(shipped, source, logger);
  context.subscriptions.push(userContent.onDidChangeRestriction((notice) => tree.setNotice(notice)));
  context.subscriptions.push(registerAnki({ source, study, markdown, open: (id) => panels.open(id), extensionId: context.extension.id, logger }));
  void userContent.reload();
  const hovers = new TermHovers(new TermHoverProvider(source, lookupTables(context, shipped, source)));
  context.subscriptions.push(
    model,
    tree,
    panels,
    exercises,
    dashboard,
    drill,
    search,
    userContent,
    hovers,
    new DueStatusBar(study, source.onDidChange),
    source.onDidChange(() => tree.refresh()),
    vscode.window.registerWebviewPanelSerializer(ANSWER_VIEW_TYPE, panels),
    ...registerCommands({ source, study, drill, dashboard, transfer, panels, notes, model, search, userContent, extensionId: context.extension.id }),
  );
  return {
    get catalog() {
      return source.current;
    },
    study,
    tree,
    model,
    transfer,
    notes,
  };
}

/**
 * The hover's alias table: the one compiled at build time for the shipped catalog (read on the
 * first hover), or one built from the merged catalog when user content is loaded.
 */
function lookupTables(context: vscode.ExtensionContext, shipped: Catalog, source: CatalogSource): () => LookupTable {
  let built: { catalog: Catalog; table: LookupTable } | undefined;
  return () => {
    const catalog = source.current;
    if (built?.catalog !== catalog) {
      const file = vscode.Uri.joinPath(context.extensionUri, 'dist', 'lookup.json').fsPath;
      const table = catalog === shipped ? readLookupTable(file) : undefined;
      built = { catalog, table: table ?? buildLookupTable(shippedFirst(shipped, catalog)) };
    }
    return built.table;
  };
}

/** User concepts may not take over a shipped term: their aliases that a shipped concept has are dropped. */
function shippedFirst(shipped: Catalog, catalog: Catalog): Concept[] {
  const taken = new Set(shipped.concepts.flatMap((c) => [c.title, ...c.aliases]).map((a) => a.toLowerCase()));
  return catalog.concepts.map((c) =>
    shipped.concept(c.id) ? c : { ...c, aliases: c.aliases.filter((a) => !taken.has(a.toLowerCase())) },
  );
}

function readLookupTable(file: string): LookupTable | undefined {
  try {
    return parseLookupTable(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // Rebuilt from the catalog instead.
  }
}

/**
 * A damaged stored value never stops activation; the user is told once what was skipped. Data
 * from a newer version is shown read-only, with a word on why.
 */
function warnAboutStoredState(backups: vscode.Uri, result: { problems: readonly string[]; readOnly?: string }): void {
  if (result.readOnly) {
    void vscode.window.showWarningMessage(`ML Prep: ${result.readOnly}`);
  }
  const { problems } = result;
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    void vscode.window.showWarningMessage(
      `ML Prep: some stored study data could not be read and was skipped (${shown}). A backup of what was found is kept in ${backups.fsPath}.`,
    );
  }
}

/** Calls `fn` at most once per `ms`: a refused write says why, not once per click. */
function throttled<T>(ms: number, fn: (value: T) => void): (value: T) => void {
  let last = -Infinity;
  return (value) => {
    if (Date.now() - last >= ms) {
      last = Date.now();
      fn(value);
    }
  };
}

function intervalDisposable(run: () => void, ms: number): vscode.Disposable {
  const timer = setInterval(run, ms);
  return { dispose: () => clearInterval(timer) };
}

async function readCatalog(context: vscode.ExtensionContext): Promise<Catalog> {
  const result = await loadCatalog(vscode.Uri.joinPath(context.extensionUri, 'dist', 'catalog.json').fsPath);
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
