// A small ring of timestamped backup files: the last few are kept, never a single slot that the
// next backup overwrites. Plain Node (no vscode), so it is unit-tested against a temp folder.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BackupSink {
  /** Saves `value` as JSON under a name that says why; returns where it went. */
  save(reason: string, value: unknown): Promise<string>;
}

export const BACKUPS_KEPT = 5;
const PREFIX = 'study-';

export class FileBackupRing implements BackupSink {
  private sequence = 0;

  constructor(
    private readonly folder: string,
    private readonly now: () => number = Date.now,
    private readonly kept = BACKUPS_KEPT,
  ) {}

  async save(reason: string, value: unknown): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    // The stamp sorts by time; the sequence keeps two backups of one millisecond apart.
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const name = `${PREFIX}${stamp}-${String(this.sequence++ % 1000).padStart(3, '0')}-${reason.replace(/[^a-z0-9-]+/gi, '-')}.json`;
    const file = join(this.folder, name);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(value, null, 1), 'utf8');
    await rename(temp, file);
    await this.prune();
    return file;
  }

  /** Backup files, oldest first. */
  async list(): Promise<string[]> {
    try {
      return (await readdir(this.folder))
        .filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))
        .sort()
        .map((n) => join(this.folder, n));
    } catch {
      return [];
    }
  }

  private async prune(): Promise<void> {
    const files = await this.list();
    for (const file of files.slice(0, Math.max(0, files.length - this.kept))) {
      await rm(file, { force: true });
    }
  }
}
