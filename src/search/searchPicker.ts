import * as vscode from 'vscode';
import type { SearchDoc, SearchIndex } from './searchIndex';

interface DocItem extends vscode.QuickPickItem {
  readonly doc: SearchDoc;
}

const toItem = (doc: SearchDoc): DocItem => ({
  label: `${doc.kind === 'concept' ? '$(lightbulb)' : '$(question)'} ${doc.title}`,
  description: doc.topicTitle,
  detail: doc.text,
  // fuse.js already decided what matches; VS Code's own filter would hide typo matches.
  alwaysShow: true,
  doc,
});

/** A QuickPick whose items come from the fuse.js index on every keystroke. */
export function pickFromIndex(index: SearchIndex, placeholder: string, initial = ''): Promise<SearchDoc | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<DocItem>();
    pick.placeholder = placeholder;
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = initial;
    const update = (value: string) => {
      pick.items = index.search(value).map((hit) => toItem(hit.doc));
    };
    let accepted: SearchDoc | undefined;
    const disposables = [
      pick.onDidChangeValue(update),
      pick.onDidAccept(() => {
        accepted = pick.selectedItems[0]?.doc ?? pick.activeItems[0]?.doc;
        pick.hide();
      }),
      pick.onDidHide(() => {
        disposables.forEach((d) => d.dispose());
        pick.dispose();
        resolve(accepted);
      }),
    ];
    update(initial);
    pick.show();
  });
}
