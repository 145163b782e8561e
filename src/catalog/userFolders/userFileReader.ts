import { readUserFile, ReadUserFile, UserFile } from './userContent';

/** How long one synchronous stretch of parsing may run before it yields to the event loop. */
export const SLICE_MS = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads user files in slices of about SLICE_MS, so a folder of thousands of files never blocks
 * the extension host, and reuses what it read before for files whose text has not changed, so a
 * save re-reads one file instead of the folder.
 */
export class UserFileReader {
  private cache = new Map<string, ReadUserFile>();

  async readAll(files: readonly UserFile[], sliceMs = SLICE_MS): Promise<ReadUserFile[]> {
    const next = new Map<string, ReadUserFile>();
    const out: ReadUserFile[] = [];
    let sliceStart = performance.now();
    for (const file of files) {
      const known = this.cache.get(file.path);
      const read = known && known.file.text === file.text && known.file.relativePath === file.relativePath ? known : readUserFile(file);
      next.set(file.path, read);
      out.push(read);
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    // Only what is still there: deleted files do not linger.
    this.cache = next;
    return out;
  }
}
