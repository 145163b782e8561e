import * as vscode from 'vscode';
import { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { UserFile } from '../content/userContent';
import { DisposableBase } from '../util/dispose';

const SETTING = 'mlPrep.content.folders';
const CONTENT_DIRS = ['topics', 'questions', 'concepts', 'paths'];

/**
 * The user's own content folders (setting mlPrep.content.folders): validated like content/,
 * merged into the catalog, problems shown in the Problems panel, reloaded when a file changes.
 */
export class UserContentFolders extends DisposableBase {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('mlPrep'));
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly shipped: Catalog,
    private readonly source: CatalogSource,
  ) {
    super();
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

  /** Folders from the setting; relative ones are resolved against each workspace folder. */
  folders(): vscode.Uri[] {
    const configured = vscode.workspace.getConfiguration().get<unknown>(SETTING, []);
    const paths = Array.isArray(configured) ? configured.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
    const roots = vscode.workspace.workspaceFolders ?? [];
    return paths.flatMap((p) => {
      const expanded = p.replace(/^~(?=$|\/)/, process.env.HOME ?? '~');
      if (expanded.startsWith('/') || /^[A-Za-z]:[\\/]/.test(expanded)) {
        return [vscode.Uri.file(expanded)];
      }
      return roots.map((r) => vscode.Uri.joinPath(r.uri, expanded));
    });
  }

  /** Reads every folder and swaps in the merged catalog. Serialised: one load at a time. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.load()).catch((e: unknown) => {
      void vscode.window.showErrorMessage(`ML Prep: could not load your content folders: ${(e as Error).message}`);
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const files: UserFile[] = [];
    for (const folder of this.folders()) {
      // Only the content layout's own folders: a README.md or other notes beside them are not content.
      const parts = await Promise.all(CONTENT_DIRS.map((d) => listMarkdown(vscode.Uri.joinPath(folder, d))));
      for (const uri of parts.flat()) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        files.push({ path: uri.fsPath, relativePath: uri.path.slice(folder.path.length + 1), text });
      }
    }
    this.diagnostics.clear();
    if (files.length === 0) {
      if (this.source.current !== this.shipped) {
        this.source.set(this.shipped);
      }
      return;
    }
    // The YAML parser and validator load only when there is user content to read.
    const { mergeUserContent } = await import('../content/userContent');
    const { catalog, problems } = mergeUserContent(this.shipped.data, files);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const line = Math.max(0, p.line - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'ML Prep';
      byFile.set(p.path, [...(byFile.get(p.path) ?? []), diagnostic]);
    }
    for (const [path, list] of byFile) {
      this.diagnostics.set(vscode.Uri.file(path), list);
    }
    this.source.set(new Catalog(catalog));
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

async function listMarkdown(folder: vscode.Uri): Promise<vscode.Uri[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries.map(async ([name, type]) => {
      const uri = vscode.Uri.joinPath(folder, name);
      if (type === vscode.FileType.Directory && !name.startsWith('.')) {
        return listMarkdown(uri);
      }
      return type === vscode.FileType.File && name.endsWith('.md') ? [uri] : [];
    }),
  );
  return nested.flat();
}
