import * as vscode from 'vscode';
import type { StudyTransfer } from './studyTransfer';

/** Export, Import and Reset Progress: study data and notes in and out of this machine. */
export function registerTransferCommands(transfer: StudyTransfer): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlPrep.resetProgress', () => transfer.reset()),
    vscode.commands.registerCommand('mlPrep.exportProgress', (target?: vscode.Uri) => transfer.exportTo(target)),
    vscode.commands.registerCommand('mlPrep.importProgress', (source?: vscode.Uri) => transfer.importFrom(source)),
  );
}
