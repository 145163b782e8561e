// Finds a Python that can import NumPy, for the exercise tests (scripts/ensurePython.ts, run
// before the unit tests, and test/support/pythonForTests.ts share it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface FoundPython {
  /** The interpreter itself (sys.executable), not a shim or launcher in front of it. */
  readonly path: string;
  readonly version: string;
  readonly numpy: string;
}

export const DEBIAN_PYTHON = '/usr/bin/python3';
/** Where scripts/ensurePython.ts records its choice (gitignored). */
export const PYTHON_PATH_FILE = join(__dirname, '..', '..', '.cache', 'python-path');
const PROBE = 'import sys, numpy; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3]); print(numpy.__version__)';

/** Probes one interpreter; undefined when it does not start or has no NumPy. */
export function probePython(command: string): FoundPython | undefined {
  const result = spawnSync(command, ['-c', PROBE], { encoding: 'utf8', timeout: 30_000, windowsHide: true });
  if (result.status !== 0 || typeof result.stdout !== 'string') {
    return undefined;
  }
  const [path, version, numpy] = result.stdout.trim().split(/\r?\n/);
  return path && version && numpy ? { path, version, numpy } : undefined;
}

/** The commands tried, in order: python3 and python on PATH, then Debian's own. */
export function pythonCandidates(): string[] {
  const onPath = ['python3', 'python'].filter((name) => commandExists(name));
  return [...onPath, ...(existsSync(DEBIAN_PYTHON) ? [DEBIAN_PYTHON] : [])];
}

export function findPythonWithNumpy(): { found: FoundPython | undefined; tried: string[] } {
  const tried: string[] = [];
  for (const command of pythonCandidates()) {
    tried.push(command);
    const found = probePython(command);
    if (found) {
      return { found, tried };
    }
  }
  return { found: undefined, tried };
}

export function commandExists(name: string): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  return dirs.some((dir) => extensions.some((ext) => existsSync(join(dir, name + ext))));
}
