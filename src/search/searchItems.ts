// The picker's items, built without the vscode API so they can be tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { EntryKind } from './searchDocs';
import type { SearchHit } from './searchEngine';

/** What the user picked: an entry (and the section to scroll to), or the offer to write a note. */
export type Picked = { readonly kind: 'entry'; readonly id: string; readonly anchor: string } | { readonly kind: 'newNote'; readonly title: string };

/** Structurally a vscode.QuickPickItem. */
export interface PickItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly alwaysShow?: boolean;
  readonly choice?: Picked;
}

/**
 * VS Code's QuickPick moves items whose label matches the typed text ahead of the others, which
 * would replace our ranking with its own; the stable API cannot turn that off (`sortByLabel` is
 * proposed only). A word joiner after each character leaves the label looking the same but
 * unmatchable by that filter, so every item keeps the position the ranker gave it. The price is
 * that VS Code highlights nothing: highlights are ours (the context line) or none.
 */
export function unsortable(text: string): string {
  return [...text].join('\u2060');
}

export interface PickerOptions {
  readonly placeholder: string;
  readonly initial?: string;
  readonly kinds?: readonly EntryKind[];
  /** "practiced", "due" or "" for an entry, shown in its description. */
  readonly stateOf?: (id: string) => string;
}

export function itemsFor(hits: readonly SearchHit[], query: string, stateOf: (id: string) => string = () => ''): PickItem[] {
  if (query.trim() === '') {
    return [];
  }
  if (hits.length === 0) {
    const shown = query.trim().slice(0, 80);
    return [
      {
        label: `$(search-stop) ${unsortable(l10n.t('No match for "{0}"', shown))}`,
        detail: l10n.t('Try fewer words, or a synonym or abbreviation (e.g. "layer norm" or "LN").'),
        alwaysShow: true,
      },
      {
        label: `$(new-file) ${unsortable(l10n.t('Create a note titled "{0}"', shown))}`,
        detail: l10n.t('A new question in your content folder (mlPrep.content.folders), with this title.'),
        alwaysShow: true,
        choice: { kind: 'newNote', title: shown },
      },
    ];
  }
  return hits.map((hit) => {
    const state = stateOf(hit.id);
    const where = hit.heading ? `${hit.place} · in "${hit.heading}"` : hit.place;
    return {
      label: `${hit.kind === 'concept' ? '$(lightbulb)' : '$(question)'} ${unsortable(hit.title)}`,
      description: [state, where].filter((p) => p !== '').join(' · '),
      detail: hit.snippet,
      alwaysShow: true,
      choice: { kind: 'entry', id: hit.id, anchor: hit.anchor },
    };
  });
}

