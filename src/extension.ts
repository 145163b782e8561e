import * as vscode from 'vscode';
import type { Catalog } from './catalog/catalog';
import { emptyCatalog, loadCatalog } from './catalog/loadCatalog';
import { registerCommands } from './commands/registerCommands';
import { AnswerPanels } from './panel/answerPanels';
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
}

export async function activate(context: vscode.ExtensionContext): Promise<MlPrepApi> {
  const catalog = await readCatalog(context);

  context.globalState.setKeysForSync([PROGRESS_KEY]);
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

  const model = new TreeModel(catalog, progress);
  const tree = new TopicsTreeProvider(model, progress);
  const panels = new AnswerPanels(context.extensionUri, catalog, progress);
  context.subscriptions.push(model, tree, panels, vscode.window.registerWebviewPanelSerializer(ANSWER_VIEW_TYPE, panels));

  // Search indexes are built on first search, not at activation.
  let conceptIndex: SearchIndex | undefined;
  let everythingIndex: SearchIndex | undefined;
  context.subscriptions.push(
    ...registerCommands({
      panels,
      progress,
      model,
      conceptIndex: () => (conceptIndex ??= new SearchIndex(conceptDocs(catalog))),
      everythingIndex: () => (everythingIndex ??= new SearchIndex([...conceptDocs(catalog), ...questionDocs(catalog)])),
    }),
  );
  return { catalog, progress, tree, model };
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
