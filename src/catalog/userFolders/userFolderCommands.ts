import * as vscode from 'vscode';
import type { CatalogSource } from '../catalogSource';
import { createEntry } from './newEntry';
import type { UserContentFolders } from './userContentFolders';

/** New Question and New Concept: a file in the user's content folder. Search offers New Question with the typed title. */
export function registerUserFolderCommands(folders: UserContentFolders, source: CatalogSource): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlPrep.newQuestion', (title?: unknown) =>
      createEntry('question', folders, source, typeof title === 'string' ? title.slice(0, 200) : ''),
    ),
    vscode.commands.registerCommand('mlPrep.newConcept', () => createEntry('concept', folders, source)),
  );
}
