// A small in-memory file system for the in-host tests: it stands in for a virtual workspace's
// provider (such as GitHub Repositories), whose files have no path on disk.
import * as vscode from 'vscode';

export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Set<string>(['/']);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(readonly scheme: string) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) {
      return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: file.byteLength };
    }
    if (this.folders.has(uri.path)) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (!this.folders.has(uri.path)) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    const direct = (p: string) => p.startsWith(prefix) && p !== prefix && !p.slice(prefix.length).includes('/');
    return [
      ...[...this.folders].filter(direct).map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.Directory]),
      ...[...this.files.keys()].filter(direct).map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.File]),
    ];
  }

  createDirectory(uri: vscode.Uri): void {
    const parts = uri.path.split('/').filter(Boolean);
    parts.forEach((_, i) => this.folders.add(`/${parts.slice(0, i + 1).join('/')}`));
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (exists && !options.overwrite) {
      throw vscode.FileSystemError.FileExists(uri);
    }
    if (!exists && !options.create) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    this.createDirectory(vscode.Uri.joinPath(uri, '..'));
    this.files.set(uri.path, content);
    this.emitter.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('rename is not needed by these tests');
  }
}
