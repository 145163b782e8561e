import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { ProgressStore } from '../progress/progressStore';
import { buildExport, parseImport, planImport } from './exportImport';
import type { NotesFolder } from './notes';
import type { PracticeStore } from './practiceStore';

/** Export, import and reset of all progress: marks, review log and the notes index. */
export class ProgressTransfer {
  constructor(
    private readonly source: CatalogSource,
    private readonly progress: ProgressStore,
    private readonly practice: PracticeStore,
    private readonly notes: NotesFolder,
    private readonly globalStorage: vscode.Uri,
  ) {}

  private async exportText(): Promise<string> {
    // Ids the catalog no longer knows stay in local storage but not in the file, so it imports again.
    const known = new Set(this.source.current.questions.map((q) => q.id));
    return JSON.stringify(buildExport(this.progress.snapshot, this.practice.state, await this.notes.index(), Date.now(), known), null, 1);
  }

  /** Writes the export to `target`, or to a file the user picks. Returns where it went. */
  async exportTo(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export ML Prep progress',
        filters: { JSON: ['json'] },
        defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? this.globalStorage, `ml-prep-progress-${dateStamp()}.json`),
      }));
    if (!uri) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(await this.exportText()));
    if (!target) {
      void vscode.window.showInformationMessage(`ML Prep: progress exported to ${uri.fsPath}.`);
    }
    return uri;
  }

  /** Validates and merges a file; on any problem shows it and changes nothing. */
  async importFrom(source?: vscode.Uri): Promise<boolean> {
    const uri =
      source ??
      (await vscode.window.showOpenDialog({ title: 'Import ML Prep progress', filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
    if (!uri) {
      return false;
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      void vscode.window.showErrorMessage(`ML Prep: could not read ${uri.fsPath}: ${(e as Error).message}`);
      return false;
    }
    const parsed = parseImport(text, new Set(this.source.current.questions.map((q) => q.id)), Date.now());
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(`ML Prep: ${uri.fsPath} was not imported, nothing changed: ${parsed.error}`);
      return false;
    }
    const { file } = parsed;
    const plan = planImport({ progress: this.progress.snapshot, practice: this.practice.state }, file);
    if ('error' in plan) {
      void vscode.window.showErrorMessage(`ML Prep: ${uri.fsPath} was not imported, nothing changed: ${plan.error}`);
      return false;
    }
    await this.progress.replace(plan.progress);
    await this.practice.replace(plan.practice);
    const localNotes = await this.notes.index();
    const notesMissing = Object.keys(file.notes).filter((id) => !(id in localNotes)).length;
    void vscode.window.showInformationMessage(
      `ML Prep: imported ${Object.keys(file.progress.questions).length} marks and ${file.practice.log.length} reviews${
        notesMissing > 0 ? ` (${notesMissing} note files are listed but not in your notes folder: copy them there)` : ''
      }.`,
    );
    return true;
  }

  /** Saves an importable backup in global storage, then clears marks and reviews. */
  async reset(confirm = true): Promise<vscode.Uri | undefined> {
    if (confirm) {
      const reset = 'Reset Progress';
      const answer = await vscode.window.showWarningMessage(
        'Clear every practiced mark and the review history? A backup you can import again is saved first. Your notes are kept.',
        { modal: true },
        reset,
      );
      if (answer !== reset) {
        return undefined;
      }
    }
    const backups = vscode.Uri.joinPath(this.globalStorage, 'backups');
    await vscode.workspace.fs.createDirectory(backups);
    const backup = await this.exportTo(vscode.Uri.joinPath(backups, `progress-before-reset-${dateStamp()}.json`));
    await this.progress.reset();
    await this.practice.reset();
    if (confirm && backup) {
      const open = 'Show Backup';
      void vscode.window.showInformationMessage(`ML Prep: progress reset. Backup: ${backup.fsPath} (use Import Progress to restore).`, open).then((a) => {
        if (a === open) {
          void vscode.commands.executeCommand('revealFileInOS', backup);
        }
      });
    }
    return backup;
  }
}

function dateStamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}
