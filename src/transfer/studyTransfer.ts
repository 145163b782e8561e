import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { NotesFolder } from '../study/notes';
import type { BackupSink } from '../study/backups';
import { buildExport, MAX_IMPORT_CHARS, parseImport } from './exportFile';
import { planNotes } from './notesImport';
import type { StudyStore } from '../study/studyStore';

/** Export, import and reset of all study data: marks, cards, the review log and "My answer" notes. */
export class StudyTransfer {
  constructor(
    private readonly source: CatalogSource,
    private readonly study: StudyStore,
    private readonly notes: NotesFolder,
    private readonly backups: BackupSink,
    private readonly globalStorage: vscode.Uri,
  ) {}

  /** The export file's text and the names of notes that could not go into it. */
  async exportText(): Promise<{ text: string; leftOut: string[] }> {
    await this.study.idle();
    const { texts, unreadable } = await this.notes.readAll();
    const { file, notesLeftOut } = buildExport(this.study.state, texts, Date.now());
    const text = JSON.stringify(file, null, 1);
    if (text.length > MAX_IMPORT_CHARS) {
      throw new Error(`the export would be ${Math.round(text.length / 1024 / 1024)} MB, more than an import reads; make some notes shorter`);
    }
    return { text, leftOut: [...unreadable, ...notesLeftOut.map((id) => `${id}.md`)] };
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
    const { text, leftOut } = await this.exportText();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!target) {
      const skipped = leftOut.length > 0 ? ` ${leftOut.length} note file${leftOut.length === 1 ? '' : 's'} could not be included: ${leftOut.slice(0, 3).join(', ')}${leftOut.length > 3 ? '...' : ''}.` : '';
      void vscode.window.showInformationMessage(`ML Prep: progress and notes exported to ${uri.fsPath}.${skipped}`);
    }
    return uri;
  }

  /**
   * Validates a file and the merged result, then adds everything (notes, marks, cards, reviews) or,
   * on any problem, shows it and changes nothing.
   */
  async importFrom(source?: vscode.Uri): Promise<boolean> {
    if (this.study.readOnly) {
      void vscode.window.showWarningMessage(`ML Prep: nothing can be imported: ${this.study.readOnly}`);
      return false;
    }
    const uri =
      source ??
      (await vscode.window.showOpenDialog({ title: 'Import ML Prep progress', filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
    if (!uri) {
      return false;
    }
    const refuse = (why: string) => {
      void vscode.window.showErrorMessage(`ML Prep: ${uri.fsPath} was not imported, nothing changed: ${why}`);
      return false;
    };
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      void vscode.window.showErrorMessage(`ML Prep: could not read ${uri.fsPath}: ${(e as Error).message}`);
      return false;
    }
    const parsed = parseImport(text);
    if ('error' in parsed) {
      return refuse(parsed.error);
    }
    const { file } = parsed;
    const plan = await this.study.planImport(file.state);
    if ('error' in plan) {
      return refuse(plan.error);
    }
    let writes;
    try {
      writes = await planNotes(file.notes, (name) => this.notes.readName(name), localDate());
    } catch (e) {
      return refuse(`your notes folder could not be read (${(e as Error).message})`);
    }
    // Notes first, undone if anything after them fails: all or nothing.
    const created: string[] = [];
    const undo = async () => {
      for (const name of created) {
        await this.notes.removeCreated(name).catch(() => undefined);
      }
    };
    let summary;
    try {
      for (const w of writes) {
        await this.notes.create(w.name, w.text);
        created.push(w.name);
      }
      summary = await this.study.importState(file.state);
    } catch (e) {
      await undo();
      return refuse((e as Error).message);
    }
    const catalog = this.source.current;
    const unknown = Object.keys(file.state.questions).filter((id) => !catalog.question(id)).length;
    const beside = writes.filter((w) => w.beside);
    const parts = [
      `${summary.questions} question${summary.questions === 1 ? '' : 's'} updated`,
      `${summary.reviews} review${summary.reviews === 1 ? '' : 's'} added`,
      `${writes.length - beside.length} note${writes.length - beside.length === 1 ? '' : 's'} added`,
      ...(beside.length > 0 ? [`${beside.length} differing note${beside.length === 1 ? '' : 's'} saved beside yours (${beside.slice(0, 2).map((w) => w.name).join(', ')}${beside.length > 2 ? '...' : ''})`] : []),
    ];
    const notices = [
      ...(unknown > 0 ? [`${unknown} question${unknown === 1 ? ' is' : 's are'} not in the current catalog: kept, and shown once ${unknown === 1 ? 'it is' : 'they are'} back (for example when a content folder loads).`] : []),
      ...(file.noteNamesOnly.length > 0 ? [`This older file lists ${file.noteNamesOnly.length} note file${file.noteNamesOnly.length === 1 ? '' : 's'} without their text: copy them into your notes folder.`] : []),
    ];
    void vscode.window.showInformationMessage(`ML Prep: imported: ${parts.join(', ')}.${notices.length > 0 ? ` ${notices.join(' ')}` : ''}`);
    return true;
  }

  /** Saves an importable backup in the backup ring, then clears marks, cards and reviews (notes are kept). */
  async reset(confirm = true): Promise<vscode.Uri | undefined> {
    if (this.study.readOnly) {
      void vscode.window.showWarningMessage(`ML Prep: nothing can be reset: ${this.study.readOnly}`);
      return undefined;
    }
    if (confirm) {
      const reset = 'Reset Progress';
      const answer = await vscode.window.showWarningMessage(
        'Clear every practiced mark, card and the review history, on every machine you sync with? A backup you can import again is saved first. Your notes are kept.',
        { modal: true },
        reset,
      );
      if (answer !== reset) {
        return undefined;
      }
    }
    const { text } = await this.exportText();
    const backup = vscode.Uri.file(await this.backups.save('before-reset', JSON.parse(text)));
    await this.study.reset();
    if (confirm) {
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

/** YYYY-MM-DD of the local day. */
function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
