import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Catalog } from './catalog/catalog';
import type { Concept } from './catalog/types';
import { CatalogSource } from './catalog/catalogSource';
import { emptyCatalog, loadCatalog } from './catalog/loadCatalog';
import { registerCommands } from './commands/registerCommands';
import { AnswerPanels } from './panel/answerPanels';
import type { MarkdownRenderer } from './panel/markdownRenderer';
import { DashboardPanel } from './practice/dashboardPanel';
import { DrillPanel } from './practice/drillPanel';
import { NotesFolder } from './practice/notes';
import { DueStatusBar, dueToday } from './practice/practiceCommands';
import { PRACTICE_BACKUP_KEY, PRACTICE_KEY, PracticeStore } from './practice/practiceStore';
import { ProgressTransfer } from './practice/progressTransfer';
import { PROGRESS_BACKUP_KEY, PROGRESS_KEY, ProgressStore } from './progress/progressStore';
import { SearchIndexes } from './search/searchIndexes';
import { buildLookupTable, parseLookupTable, type LookupTable } from './lookup/lookupTable';
import { TermHoverProvider, TermHovers } from './lookup/termHover';
import { UserContentFolders } from './userContent/userContentFolders';
import { ANSWER_VIEW_TYPE } from './shared/protocol';
import { TopicsTreeProvider } from './tree/topicsTreeProvider';
import { TreeModel } from './tree/treeModel';
import { Logger } from './util/logger';
import { registerAnki } from './anki/ankiCommands';

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
  const channel = vscode.window.createOutputChannel('ML Interview Prep', { log: true });
  context.subscriptions.push(channel);
  const logger = new Logger(channel);
  const shipped = await readCatalog(context);
  const source = new CatalogSource(shipped);
  context.subscriptions.push(source);

  context.globalState.setKeysForSync([PROGRESS_KEY, PRACTICE_KEY]);
  const progress = new ProgressStore(context.globalState);
  const practice = new PracticeStore(context.globalState, progress);
  context.subscriptions.push(progress, practice);
  warnAboutStoredState('practice marks', PROGRESS_BACKUP_KEY, await progress.load());
  warnAboutStoredState('review history', PRACTICE_BACKUP_KEY, await practice.load());

  // markdown-it, KaTeX and highlight.js load on the first answer shown, not at activation.
  let renderer: Promise<MarkdownRenderer> | undefined;
  const markdown = () => (renderer ??= import('./panel/markdownRenderer').then((m) => new m.MarkdownRenderer()));

  const model = new TreeModel(source, progress, () => dueToday(practice));
  const tree = new TopicsTreeProvider(model, progress);
  const panels = new AnswerPanels(context.extensionUri, source, progress, markdown, logger);
  const openAnswer = (id: string) => void panels.open(id);
  const notes = new NotesFolder(context.globalStorageUri);
  const dashboard = new DashboardPanel(context.extensionUri, source, progress, practice, openAnswer, logger);
  const drill = new DrillPanel({ extensionUri: context.extensionUri, source, practice, notes, markdown, openAnswer, showProgress: () => dashboard.show(), logger });
  const transfer = new ProgressTransfer(source, progress, practice, notes, context.globalStorageUri);
  const search = new SearchIndexes(source, vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath, logger);
  const userContent = new UserContentFolders(shipped, source, logger);
  context.subscriptions.push(userContent.onDidChangeRestriction((notice) => tree.setNotice(notice)));
  context.subscriptions.push(registerAnki({ source, practice, markdown, open: (id) => panels.open(id), extensionId: context.extension.id, logger }));
  void userContent.reload();
  const hovers = new TermHovers(new TermHoverProvider(source, lookupTables(context, shipped, source)));
  context.subscriptions.push(
    model,
    tree,
    panels,
    dashboard,
    drill,
    search,
    userContent,
    hovers,
    new DueStatusBar(practice),
    practice.onDidChange(() => tree.refresh()),
    source.onDidChange(() => tree.refresh()),
    vscode.window.registerWebviewPanelSerializer(ANSWER_VIEW_TYPE, panels),
    ...registerCommands({ source, practice, drill, dashboard, transfer, panels, progress, model, search, userContent, extensionId: context.extension.id }),
  );
  return {
    get catalog() {
      return source.current;
    },
    progress,
    tree,
    model,
    practice,
    transfer,
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

/** A damaged stored value never stops activation; the user is told once what was skipped. */
function warnAboutStoredState(what: string, backupKey: string, problems: readonly string[]): void {
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    void vscode.window.showWarningMessage(
      `ML Prep: some stored ${what} could not be read and was skipped (${shown}). A backup of what was found is kept under "${backupKey}".`,
    );
  }
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
