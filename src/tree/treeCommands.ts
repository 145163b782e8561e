import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { StudyStore } from '../study/studyStore';
import type { Event } from '../util/event';
import type { TopicsTreeProvider } from './topicsTreeProvider';
import { markAllPrompt } from './markAllPrompt';
import { questionIdsOf, type QuestionFilter, type TreeModel, type TreeNode } from './treeModel';

export interface TreeCommandDeps {
  readonly model: TreeModel;
  readonly tree: TopicsTreeProvider;
  readonly source: CatalogSource;
  readonly study: Pick<StudyStore, 'toggle' | 'setPracticed' | 'isPracticed'>;
  /** The question in the focused answer panel, for Toggle Practiced run from the palette. */
  readonly activeQuestionId: () => string | undefined;
  readonly open: (id: string) => Promise<void>;
  /** Sentences shown above the tree, e.g. why a workspace's content folders are not read. */
  readonly notices: Event<string | undefined>;
  readonly extensionId: string;
}

const FILTERED_CONTEXT_KEY = 'mlPrep.filtered';

/** The Topics view's commands and context actions, and the context key its title menu reads. */
export function registerTreeCommands(deps: TreeCommandDeps): vscode.Disposable {
  const { model, study } = deps;
  return vscode.Disposable.from(
    deps.notices((notice) => deps.tree.setNotice(notice)),
    // The filter button follows the model, whoever changed the filter.
    model.onDidChangeFilter((filter) => void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, filter !== 'all')),
    vscode.commands.registerCommand('mlPrep.togglePracticed', (node?: TreeNode) => {
      const id = node?.type === 'question' ? node.question.id : deps.activeQuestionId();
      if (!id) {
        void vscode.window.showInformationMessage('ML Prep: open a question first, then mark it practiced.');
        return;
      }
      // A refused write (data from a newer version) is explained by the store's read-only notice.
      return study.toggle(id).catch(() => undefined);
    }),
    vscode.commands.registerCommand('mlPrep.filter', () => chooseFilter(model)),
    vscode.commands.registerCommand('mlPrep.filterActive', () => chooseFilter(model)),
    vscode.commands.registerCommand('mlPrep.markAllPracticed', async (node?: TreeNode) => {
      const ids = node ? questionIdsOf(node, deps.source.current) : [];
      if (!node || ids.length === 0) {
        return;
      }
      const answer = await vscode.window.showWarningMessage(markAllPrompt(node, ids, (id) => study.isPracticed(id)), { modal: true }, 'Mark practiced');
      if (answer === 'Mark practiced') {
        // A refused write (data from a newer version) is explained by the store's read-only notice.
        await study.setPracticed(ids, true).catch(() => undefined);
      }
    }),
    vscode.commands.registerCommand('mlPrep.openNode', (node?: TreeNode) => (node?.type === 'concept' ? deps.open(node.concept.id) : undefined)),
    vscode.commands.registerCommand('mlPrep.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${deps.extensionId}#gettingStarted`, false),
    ),
  );
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
  }
}
