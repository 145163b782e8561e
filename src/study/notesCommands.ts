import * as vscode from 'vscode';
import type { NotesFolder } from './notes';

/** "ML Prep: Open Notes Folder". */
export function registerNotesCommands(notes: NotesFolder): vscode.Disposable {
  return vscode.commands.registerCommand('mlPrep.openNotesFolder', () => notes.openFolder());
}
