import { homedir } from 'node:os';
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { Catalog } from '../catalog';
import type { CatalogSource } from '../catalogSource';
import type { UserFile } from './userContent';
import type { UserFileReader } from './userFileReader';
import { trustedSetting } from '../../study/notes';
import { DisposableBase } from '../../util/dispose';
import { parseFolderSetting } from '../../util/folderSetting';
import { Emitter } from '../../util/event';
import type { Logger } from '../../util/logger';

const SETTING = 'mlPrep.content.folders';
const CONTENT_DIRS = ['topics', 'questions', 'concepts', 'paths'];
/** Past this many Markdown files in one folder, the rest are skipped (and the user told). */
export const MAX_FILES_PER_FOLDER = 20_000;

/** A note for the user that is not a problem in a file, e.g. why a folder is not read. */
interface Notice {
  readonly uri: vscode.Uri;
  readonly message: string;
}

/**
 * The user's own content folders (setting mlPrep.content.folders): validated like content/,
 * merged into the catalog, problems shown in the Problems panel, reloaded when a file changes.
 */
export class UserContentFolders extends DisposableBase {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('mlPrep'));
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();
  private reader: UserFileReader | undefined;
  private readonly restrictedEmitter = this.register(new Emitter<string | undefined>());
  /** Fires with a sentence for the tree when Restricted Mode keeps workspace folders out, else undefined. */
  readonly onDidChangeRestriction = this.restrictedEmitter.event;
  private restrictionValue: string | undefined;

  constructor(
    private readonly shipped: Catalog,
    private readonly source: CatalogSource,
    private readonly logger: Logger,
  ) {
    super();
    this.register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.watch();
        void this.reload();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTING)) {
          this.watch();
          void this.reload();
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this.watch();
  }

  get restriction(): string | undefined {
    return this.restrictionValue;
  }

  /**
   * Folders from the setting; relative ones are resolved against each workspace folder. Until the
   * workspace is trusted, only the user's own setting counts: a cloned repository's
   * .vscode/settings.json cannot point the extension at files of its choosing.
   */
  folders(): vscode.Uri[] {
    const configured = trustedSetting<unknown>(SETTING) ?? [];
    const paths = Array.isArray(configured) ? configured.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
    const roots = vscode.workspace.workspaceFolders ?? [];
    return paths.flatMap((p) => {
      // A relative folder follows each workspace folder's own scheme, so it works in virtual workspaces.
      const setting = parseFolderSetting(p, homedir());
      switch (setting.kind) {
        case 'uri':
          return [vscode.Uri.parse(setting.uri)];
        case 'absolute':
          return [vscode.Uri.file(setting.path)];
        case 'relative':
          return roots.map((r) => vscode.Uri.joinPath(r.uri, setting.path));
      }
    });
  }

  /** Reads every folder and swaps in the merged catalog. Serialised: one load at a time. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.load()).catch((e: unknown) => {
      this.logger.error('content folders', e);
      void vscode.window.showErrorMessage(`ML Prep: could not load your content folders: ${(e as Error).message}`);
    });
    return this.loading;
  }

  private updateRestriction(): void {
    const inspected = vscode.workspace.getConfiguration().inspect<unknown>(SETTING);
    const fromWorkspace = [inspected?.workspaceValue, inspected?.workspaceFolderValue].some((v) => Array.isArray(v) && v.length > 0);
    const next =
      !vscode.workspace.isTrusted && fromWorkspace
        ? 'Restricted Mode: the content folders this workspace sets are not read until you trust the workspace.'
        : undefined;
    if (next !== this.restrictionValue) {
      this.restrictionValue = next;
      this.restrictedEmitter.fire(next);
    }
  }

  private async load(): Promise<void> {
    this.updateRestriction();
    const files: UserFile[] = [];
    const notices: Notice[] = [];
    // Problems name a file by its path; this finds its Uri again, which may not be a file: one.
    const uriOf = new Map<string, vscode.Uri>();
    for (const folder of this.folders()) {
      const found: vscode.Uri[] = [];
      // Only the content layout's own folders: a README.md or other notes beside them are not content.
      const root = await realFolder(folder);
      for (const d of CONTENT_DIRS) {
        await listMarkdown(vscode.Uri.joinPath(folder, d), root, found, notices, new Set());
      }
      if (found.length > MAX_FILES_PER_FOLDER) {
        notices.push({ uri: folder, message: `${folder.scheme === 'file' ? folder.fsPath : folder.toString()} has ${found.length.toLocaleString('en-US')} Markdown files; only the first ${MAX_FILES_PER_FOLDER.toLocaleString('en-US')} are read` });
        found.length = MAX_FILES_PER_FOLDER;
      }
      for (const uri of found) {
        try {
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          const path = uri.scheme === 'file' ? uri.fsPath : uri.toString();
          uriOf.set(path, uri);
          files.push({ path, relativePath: uri.path.slice(folder.path.length + 1), text });
        } catch (e) {
          notices.push({ uri, message: `could not be read: ${(e as Error).message}` });
        }
      }
    }
    this.diagnostics.clear();
    this.showNotices(notices);
    if (files.length === 0) {
      this.reader = undefined;
      if (this.source.current !== this.shipped) {
        this.source.set(this.shipped);
      }
      return;
    }
    // The YAML parser and validator load only when there is user content to read.
    const [{ mergeReadFilesInSlices }, { UserFileReader, SLICE_MS }] = await Promise.all([import('./userContent'), import('./userFileReader')]);
    this.reader ??= new UserFileReader();
    const read = await this.reader.readAll(files);
    const { catalog, problems } = await mergeReadFilesInSlices(this.shipped.data, read, SLICE_MS);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const line = Math.max(0, p.line - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'ML Prep';
      byFile.set(p.path, [...(byFile.get(p.path) ?? []), diagnostic]);
    }
    for (const [path, list] of byFile) {
      const uri = uriOf.get(path) ?? vscode.Uri.file(path);
      this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), ...list]);
    }
    this.source.set(this.shipped.derive(catalog));
  }

  private showNotices(notices: readonly Notice[]): void {
    for (const n of notices) {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), n.message, vscode.DiagnosticSeverity.Information);
      diagnostic.source = 'ML Prep';
      this.diagnostics.set(n.uri, [...(this.diagnostics.get(n.uri) ?? []), diagnostic]);
    }
  }

  private watch(): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = this.folders().flatMap((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.md'));
      const schedule = () => this.scheduleReload();
      return [watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule)];
    });
    // Saving in the editor is the common case; it also covers folders outside the workspace.
    this.watchers.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.folders().some((f) => doc.uri.path.startsWith(f.path + '/'))) {
          this.scheduleReload();
        }
      }),
    );
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 150);
  }

  override dispose(): void {
    clearTimeout(this.reloadTimer);
    this.watchers.forEach((w) => w.dispose());
    super.dispose();
  }
}

/** The folder's real path, so symlinks inside it can be told apart from ones that leave it. */
async function realFolder(folder: vscode.Uri): Promise<string | undefined> {
  if (folder.scheme !== 'file') {
    return undefined;
  }
  try {
    return await realpath(folder.fsPath);
  } catch {
    return undefined;
  }
}

/**
 * Markdown files under `folder`, following symlinks that stay inside `root` (the content folder's
 * real path) and skipping, with a notice, those that point outside it. `seen` guards against loops.
 */
async function listMarkdown(folder: vscode.Uri, root: string | undefined, out: vscode.Uri[], notices: Notice[], seen: Set<string>): Promise<void> {
  if (out.length > MAX_FILES_PER_FOLDER) {
    return;
  }
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return;
  }
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (name.startsWith('.')) {
      continue;
    }
    if (type & vscode.FileType.SymbolicLink && root !== undefined) {
      const target = await realpath(uri.fsPath).catch(() => undefined);
      if (target === undefined || !(target === root || target.startsWith(root + sep))) {
        notices.push({ uri, message: `skipped: this link points outside the content folder (${target ?? 'nowhere'})` });
        continue;
      }
      if (seen.has(target)) {
        continue;
      }
      seen.add(target);
    }
    if (type & vscode.FileType.Directory) {
      await listMarkdown(uri, root, out, notices, seen);
    } else if (type & vscode.FileType.File && name.endsWith('.md')) {
      out.push(uri);
    }
  }
}
