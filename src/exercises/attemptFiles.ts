// Where attempts live and how an attempt file maps back to its exercise. No vscode import.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** The default when mlPrep.exercises.folder is empty: visible, in the home folder, never the workspace. */
export const DEFAULT_EXERCISES_FOLDER = path.join('ml-interview-prep', 'exercises');

/**
 * The folder from the setting: '' = ~/ml-interview-prep/exercises; `~` or `~/x` start at home;
 * an absolute path is used as is; a relative one is resolved against the first workspace folder
 * (the user chose to keep attempts in the project), or home when no folder is open.
 */
export function exercisesFolderPath(setting: string, home: string, workspaceFolder: string | undefined): string {
  const value = setting.trim();
  if (value === '') {
    return path.join(home, DEFAULT_EXERCISES_FOLDER);
  }
  if (value === '~') {
    return home;
  }
  if (value.startsWith('~/') || value.startsWith('~\\')) {
    return path.join(home, value.slice(2));
  }
  return path.isAbsolute(value) ? path.normalize(value) : path.resolve(workspaceFolder ?? home, value);
}

export function attemptPath(folder: string, exerciseId: string): string {
  return path.join(folder, `${exerciseId}.py`);
}

/** The exercise id of an attempt file (`<folder>/<id>.py`), if it is one of the known ids. */
export function exerciseIdOfAttempt(filePath: string, folder: string, isKnown: (id: string) => boolean): string | undefined {
  if (path.extname(filePath) !== '.py' || !samePath(path.dirname(filePath), folder)) {
    return undefined;
  }
  const id = path.basename(filePath, '.py');
  return isKnown(id) ? id : undefined;
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => path.resolve(p).replace(/[\\/]+$/, '');
  return process.platform === 'win32' ? norm(a).toLowerCase() === norm(b).toLowerCase() : norm(a) === norm(b);
}

export type StartResult = { readonly created: true; readonly path: string } | { readonly created: false; readonly path: string };

/**
 * Copies the starter to `<folder>/<id>.py`, creating the folder. Never overwrites: an existing
 * attempt is left as it is (the exclusive-create flag makes that hold even against a race).
 */
export async function startAttempt(folder: string, exerciseId: string, starter: string): Promise<StartResult> {
  const file = attemptPath(folder, exerciseId);
  await fs.mkdir(folder, { recursive: true });
  try {
    await fs.writeFile(file, starter, { encoding: 'utf8', flag: 'wx' });
    return { created: true, path: file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      return { created: false, path: file };
    }
    throw e;
  }
}

export interface FunctionLocation {
  readonly name: string;
  /** 0-based line of `def name(`. */
  readonly line: number;
  /** Where the name starts on that line. */
  readonly column: number;
}

/** The top-level `def <name>(` of each given function in the user's file, in file order. */
export function findFunctions(text: string, names: readonly string[]): FunctionLocation[] {
  const wanted = new Set(names);
  const found: FunctionLocation[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    // `async def` too, since a user may write one; only column 0, as the harness imports top-level names.
    const m = /^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(lines[i]);
    if (m && wanted.has(m[1]) && !seen.has(m[1])) {
      seen.add(m[1]);
      found.push({ name: m[1], line: i, column: lines[i].indexOf(m[1], m[0].indexOf('def') + 3) });
    }
  }
  return found;
}

/**
 * The function a hidden test exercises: the first of `functions` the test calls as `m.<name>(`,
 * read from the test's own lines in tests.py; else the first function. Used to place each
 * test's result on the user's `def`.
 */
export function functionUnderTest(tests: string, testLine: number, functions: readonly string[]): string | undefined {
  const lines = tests.split(/\r?\n/);
  const known = new Set(functions);
  // testLine is the 1-based line of the `def`, so the body starts at index testLine.
  for (let i = testLine; i < lines.length; i++) {
    // The test's body ends at the next top-level statement.
    if (/^\S/.test(lines[i]) && !lines[i].startsWith('#')) {
      break;
    }
    for (const m of lines[i].matchAll(/\bm\.([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
      if (known.has(m[1])) {
        return m[1];
      }
    }
  }
  return functions[0];
}
