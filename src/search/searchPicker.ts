import * as vscode from 'vscode';
import type { SearchIndexes } from './searchIndexes';
import { itemsFor, type Picked, type PickerOptions, type PickItem } from './searchItems';

/** A QuickPick whose items, in the ranker's order, come from the search engine on every keystroke. */
export function pickFromSearch(indexes: SearchIndexes, options: PickerOptions): Promise<Picked | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem>();
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = options.initial ?? '';
    const update = () => {
      const engine = indexes.current();
      pick.items = itemsFor(engine.search(pick.value, 30, options.kinds), pick.value, options.stateOf);
    };
    let accepted: Picked | undefined;
    const disposables = [
      pick.onDidChangeValue(update),
      indexes.onDidLoadSections(update),
      pick.onDidAccept(() => {
        accepted = (pick.selectedItems[0] ?? pick.activeItems[0])?.choice;
        if (accepted) {
          pick.hide();
        }
      }),
      pick.onDidHide(() => {
        disposables.forEach((d) => d.dispose());
        pick.dispose();
        resolve(accepted);
      }),
    ];
    update();
    pick.show();
  });
}
