import { homedir } from 'node:os';
import { unlink, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Question } from '../catalog/types';
import { parseFolderSetting } from '../util/folderSetting';

/**
 * The user's own answers: one Markdown file per question in a notes folder (the setting
 * mlPrep.practice.notesFolder, else the extension's global storage). Never deleted here.
 */
export class NotesFolder {
  /** `local`: the extension runs on the machine of the window's own desktop, so its files can be shown in the file manager. */
  constructor(
    private readonly globalStorage: vscode.Uri,
    private readonly local = false,
  ) {}

  folder(): vscode.Uri {
    const configured = trustedSetting<string>('mlPrep.practice.notesFolder');
    const value = typeof configured === 'string' ? configured.trim() : '';
    if (!value) {
      return vscode.Uri.joinPath(this.globalStorage, 'notes');
    }
    // A URI names a folder on any file system VS Code serves; a relative path follows the first workspace folder's.
    const setting = parseFolderSetting(value, homedir());
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    switch (setting.kind) {
      case 'uri':
        return vscode.Uri.parse(setting.uri);
      case 'absolute':
        return vscode.Uri.file(setting.path);
      case 'relative':
        return root ? vscode.Uri.joinPath(root, setting.path) : vscode.Uri.file(setting.path);
    }
  }

  /**
   * "ML Prep: Open Notes Folder": creates the folder if needed and shows it in the system's file
   * manager when the extension runs on the desktop's own machine; where it runs on a remote machine,
   * in a container or behind a browser, the folder is there, so it opens in a new VS Code window.
   */
  async openFolder(): Promise<vscode.Uri> {
    const folder = this.folder();
    await vscode.workspace.fs.createDirectory(folder);
    if (this.local) {
      await vscode.commands.executeCommand('revealFileInOS', folder);
    } else {
      await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
    }
    return folder;
  }

  fileName(questionId: string): string {
    return `${questionId}.md`;
  }

  uri(questionId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder(), this.fileName(questionId));
  }

  /** The note's text, or undefined when there is none. Any other read error is thrown, never taken for "no note". */
  async read(questionId: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(questionId)));
    } catch (e) {
      if (isNotFound(e)) {
        return undefined;
      }
      throw e;
    }
  }

  /**
   * Opens the note in `viewColumn` (default: beside the active editor), creating it with a heading the first time. The create is
   * exclusive, so an existing note (one that another window just wrote, or one that could not be
   * read) is never overwritten.
   */
  async open(question: Question, viewColumn: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<void> {
    const uri = this.uri(question.id);
    await vscode.workspace.fs.createDirectory(this.folder());
    await createExclusive(uri, new TextEncoder().encode(`# ${question.title}\n\n`));
    const doc = await vscode.workspace.openTextDocument(uri);
    // The cursor goes to the end as the editor opens, not after, so early typing lands there.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await vscode.window.showTextDocument(doc, { viewColumn, preserveFocus: false, selection: new vscode.Range(end, end) });
  }

  /** question id -> file name, for the notes that exist. */
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

  /** question id -> text of every note, for the export. A note that cannot be read is named in `unreadable`. */
  async readAll(): Promise<{ texts: Record<string, string>; unreadable: string[] }> {
    const texts: Record<string, string> = {};
    const unreadable: string[] = [];
    for (const [id, name] of Object.entries(await this.index())) {
      try {
        Object.defineProperty(texts, id, { value: await this.readName(name) ?? '', enumerable: true, writable: true, configurable: true });
      } catch {
        unreadable.push(name);
      }
    }
    return { texts, unreadable };
  }

  /** The text of a file in the notes folder, or undefined when there is none. */
  async readName(name: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder(), name)));
    } catch (e) {
      if (isNotFound(e)) {
        return undefined;
      }
      throw e;
    }
  }

  /** Creates a new note file; fails if the name is taken, so nothing is ever overwritten. */
  async create(name: string, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder());
    const uri = vscode.Uri.joinPath(this.folder(), name);
    if (uri.scheme === 'file') {
      await writeFile(uri.fsPath, text, { flag: 'wx' });
      return;
    }
    if ((await this.readName(name)) !== undefined) {
      throw new Error(`${uri.toString()} already exists`);
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  }

  /** Removes a file this window just created (an import rolled back); never used on other notes. */
  async removeCreated(name: string): Promise<void> {
    const uri = vscode.Uri.joinPath(this.folder(), name);
    if (uri.scheme === 'file') {
      await unlink(uri.fsPath);
    } else {
      await vscode.workspace.fs.delete(uri);
    }
  }
}

const isNotFound = (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound';

/** Creates the file only if nothing is there, atomically where the file system allows it. */
async function createExclusive(uri: vscode.Uri, contents: Uint8Array): Promise<void> {
  if (uri.scheme === 'file') {
    try {
      await writeFile(uri.fsPath, contents, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw e;
      }
    }
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true, contents });
  await vscode.workspace.applyEdit(edit);
}

/**
 * A setting's value, ignoring what the workspace sets until the workspace is trusted: a cloned
 * repository must not point the extension at files of its choosing (see restrictedConfigurations).
 */
export function trustedSetting<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration().inspect<T>(key);
  if (!inspected) {
    return undefined;
  }
  if (vscode.workspace.isTrusted) {
    return vscode.workspace.getConfiguration().get<T>(key);
  }
  return inspected.globalValue ?? inspected.defaultValue;
}
