import * as vscode from 'vscode';
import type { Question } from '../catalog/types';

/**
 * The user's own answers: one Markdown file per question in a notes folder (the setting
 * mlPrep.practice.notesFolder, else the extension's global storage). Never deleted here.
 */
export class NotesFolder {
  constructor(private readonly globalStorage: vscode.Uri) {}

  folder(): vscode.Uri {
    const configured = vscode.workspace.getConfiguration('mlPrep.practice').get<string>('notesFolder', '').trim();
    return configured ? vscode.Uri.file(configured) : vscode.Uri.joinPath(this.globalStorage, 'notes');
  }

  fileName(questionId: string): string {
    return `${questionId}.md`;
  }

  uri(questionId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder(), this.fileName(questionId));
  }

  async read(questionId: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(questionId)));
    } catch {
      return undefined;
    }
  }

  /** Opens the note beside the panel, creating it with a heading the first time. */
  async open(question: Question): Promise<void> {
    const uri = this.uri(question.id);
    if ((await this.read(question.id)) === undefined) {
      await vscode.workspace.fs.createDirectory(this.folder());
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`# ${question.title}\n\n`));
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    // The cursor goes to the end as the editor opens, not after, so early typing lands there.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false, selection: new vscode.Range(end, end) });
  }

  /** question id -> file name, for the notes that exist (the export's notes index). */
  async index(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    try {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(this.folder())) {
        if (type === vscode.FileType.File && name.endsWith('.md')) {
          out[name.slice(0, -3)] = name;
        }
      }
    } catch {
      // No notes yet.
    }
    return out;
  }
}
