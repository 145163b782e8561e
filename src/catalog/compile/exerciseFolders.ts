// Reads content/exercises/<id>/ folders for the exercise compiler: the one file here that reads
// the disk, shared by the build (scripts/buildContent.ts) and the tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from './compileCatalog';
import { EXERCISES_DIR, ExerciseFolder } from './compileExercises';

export interface ExerciseFolders {
  readonly folders: readonly ExerciseFolder[];
  /** Files directly in exercises/, which belong in a folder. */
  readonly problems: readonly Problem[];
}

/** Reads `root` (content/exercises); no such folder is valid: zero exercises. */
export function readExerciseFolders(root: string): ExerciseFolders {
  if (!existsSync(root)) {
    return { folders: [], problems: [] };
  }
  const entries = readdirSync(root, { withFileTypes: true });
  const folders = entries
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(root, d.name);
      const files = listFiles(dir).map((f) => [relative(dir, f).split(sep).join('/'), f] as const);
      return { folder: d.name, files: Object.fromEntries(files.map(([name, f]) => [name, readFileSync(f, 'utf8')])) };
    });
  const problems = entries
    .filter((d) => !d.isDirectory())
    .map((d) => ({ file: `${EXERCISES_DIR}/${d.name}`, line: 1, message: `unexpected file: ${EXERCISES_DIR}/ holds one folder per exercise` }));
  return { folders, problems };
}

// Bytecode caches appear when a writer runs the tests by hand; they are not content.
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? (d.name === '__pycache__' ? [] : listFiles(join(dir, d.name))) : [join(dir, d.name)],
  );
}
