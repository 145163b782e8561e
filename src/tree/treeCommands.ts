import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { StudyStore } from '../study/studyStore';
import type { Event } from '../util/event';
import type { TopicsTreeProvider } from './topicsTreeProvider';
import { markAllPrompt } from './markAllPrompt';
import { DIFFICULTIES, FORMATS } from '../catalog/compile/fieldSpecs';
import type { Catalog } from '../catalog/catalog';
import { allTags, isFilterActive, NO_FILTER, parseStoredFilter, STATE_LABELS, STATES, type QuestionFilter } from './questionFilter';
import { questionIdsOf, type TreeModel, type TreeNode } from './treeModel';

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
  /** Where the filter is remembered: per workspace. */
  readonly workspaceState: Pick<vscode.Memento, 'get' | 'update'>;
}

const FILTERED_CONTEXT_KEY = 'mlPrep.filtered';
export const FILTER_STATE_KEY = 'mlPrep.treeFilter';

/** The Topics view's commands and context actions, and the context key its title menu reads. */
export function registerTreeCommands(deps: TreeCommandDeps): vscode.Disposable {
  const { model, study } = deps;
  // The filter from this workspace's last session; the context key is set even when there is none.
  model.setFilter(parseStoredFilter(deps.workspaceState.get(FILTER_STATE_KEY)));
  void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, model.filtered);
  return vscode.Disposable.from(
    deps.notices((notice) => deps.tree.setNotice(notice)),
    // The filter buttons follow the model, whoever changed the filter, and the workspace remembers it.
    model.onDidChangeFilter((filter) => {
      void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, isFilterActive(filter));
      void deps.workspaceState.update(FILTER_STATE_KEY, isFilterActive(filter) ? filter : undefined);
    }),
    vscode.commands.registerCommand('mlPrep.togglePracticed', (node?: TreeNode) => {
      const id = node?.type === 'question' ? node.question.id : deps.activeQuestionId();
      if (!id) {
        void vscode.window.showInformationMessage('ML Prep: open a question first, then mark it practiced.');
        return;
      }
      // A refused write (data from a newer version) is explained by the store's read-only notice.
      return study.toggle(id).catch(() => undefined);
    }),
    vscode.commands.registerCommand('mlPrep.filter', () => chooseFilter(model, deps.source.current)),
    vscode.commands.registerCommand('mlPrep.filterActive', () => chooseFilter(model, deps.source.current)),
    vscode.commands.registerCommand('mlPrep.clearFilter', () => model.setFilter(NO_FILTER)),
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

type FacetItem = vscode.QuickPickItem & { readonly facet?: keyof QuestionFilter; readonly value?: string };

/** One multi-select list of every facet, grouped by separators, with the current choice ticked. */
async function chooseFilter(model: TreeModel, catalog: Catalog): Promise<void> {
  const current = model.filter;
  const group = (label: string, facet: keyof QuestionFilter, values: readonly { value: string; label: string }[]): FacetItem[] => [
    { label, kind: vscode.QuickPickItemKind.Separator },
    ...values.map((v) => ({ label: v.label, facet, value: v.value, picked: (current[facet] as readonly string[]).includes(v.value) })),
  ];
  const items: FacetItem[] = [
    ...group('State', 'states', STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))),
    ...group('Difficulty', 'difficulties', DIFFICULTIES.map((d) => ({ value: d, label: d }))),
    ...group('Format', 'formats', FORMATS.map((f) => ({ value: f, label: f }))),
    ...group('Tag', 'tags', allTags(catalog.questions).map((t) => ({ value: t, label: `#${t}` }))),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Filter questions',
    placeHolder: 'A question shows if it matches each facet you pick from',
  });
  if (!picked) {
    return;
  }
  const values = (facet: keyof QuestionFilter) => picked.filter((i) => i.facet === facet && i.value !== undefined).map((i) => i.value as string);
  // Re-read through the parser so only known values reach the model.
  model.setFilter(parseStoredFilter({ difficulties: values('difficulties'), formats: values('formats'), tags: values('tags'), states: values('states') }));
}
