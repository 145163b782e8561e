import * as vscode from 'vscode';
import type { StudyStore } from '../study/studyStore';
import type { EntryKind } from './searchDocs';
import type { SearchIndexes } from './searchIndexes';
import { pickFromSearch } from './searchPicker';

export interface SearchCommandDeps {
  readonly search: SearchIndexes;
  readonly study: Pick<StudyStore, 'dueToday' | 'isPracticed'>;
  /** Opens an entry's answer panel, at a section of it when `anchor` is given. */
  readonly open: (id: string, anchor?: string) => Promise<void>;
  /** Shows an entry opened from elsewhere (search, a hover) in the Topics view. */
  readonly reveal: (id: string) => void;
}

/** How a hover's link asks for the entry to be revealed in the tree as well. */
export const REVEAL_ARG = 'reveal';

// A code symbol with its dots (`nn.LayerNorm`, `torch.nn.functional.softmax`) counts as one word.
const SYMBOL_AT_CURSOR = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const EVERYTHING: readonly EntryKind[] = ['concept', 'question'];

/** Open, search and look-up commands: each ends in an answer panel, or the offer to write a note. */
export function registerSearchCommands(deps: SearchCommandDeps): vscode.Disposable {
  const { search, study } = deps;
  const openRevealed = async (id: string, anchor?: string) => {
    await deps.open(id, anchor);
    deps.reveal(id);
  };
  const stateOf = () => {
    const due = new Set(study.dueToday());
    return (id: string) => (due.has(id) ? 'due' : study.isPracticed(id) ? 'practiced' : '');
  };
  const openDoc = async (kinds: readonly EntryKind[], placeholder: string, initial?: string) => {
    const picked = await pickFromSearch(search, { placeholder, initial, kinds, stateOf: stateOf() });
    if (picked?.kind === 'entry') {
      await openRevealed(picked.id, picked.anchor || undefined);
    } else if (picked?.kind === 'newNote') {
      await vscode.commands.executeCommand('mlPrep.newQuestion', picked.title);
    }
  };
  return vscode.Disposable.from(
    // The tree's items pass an id only (they are in the tree already); a hover's link adds REVEAL_ARG.
    vscode.commands.registerCommand('mlPrep.openEntry', (id: unknown, how?: unknown) => {
      if (typeof id === 'string') {
        return how === REVEAL_ARG ? openRevealed(id) : deps.open(id);
      }
      return openDoc(EVERYTHING, vscode.l10n.t('Open a question or concept'));
    }),
    vscode.commands.registerCommand('mlPrep.searchCheatSheet', () =>
      openDoc(['concept'], vscode.l10n.t('Search the cheat sheet (typos are fine): e.g. kv cache, calibration, LoRA')),
    ),
    vscode.commands.registerCommand('mlPrep.searchEverything', () => openDoc(EVERYTHING, vscode.l10n.t('Search questions, concepts and answers (typos are fine)'))),
    vscode.commands.registerCommand('mlPrep.lookUpSelection', async () => {
      const term = termAtCursor(vscode.window.activeTextEditor);
      if (term) {
        const engine = search.current();
        const direct = engine.unambiguousMatch(term, ['concept']) ?? engine.unambiguousMatch(term, EVERYTHING);
        if (direct) {
          return openRevealed(direct);
        }
      }
      return openDoc(EVERYTHING, vscode.l10n.t('Look up a term in the cheat sheet and questions'), term ?? '');
    }),
  );
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
