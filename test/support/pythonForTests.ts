// The Python the exercise tests run, as scripts/ensurePython.ts chose it (.cache/python-path),
// else found the same way. Throws with the reason when there is none, so no test skips silently.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPythonWithNumpy, probePython } from '../../scripts/pythonWithNumpy';

const CACHE_FILE = join(__dirname, '..', '..', '.cache', 'python-path');
let chosen: string | undefined;

export function pythonForTests(): string {
  if (chosen) {
    return chosen;
  }
  const cached = existsSync(CACHE_FILE) ? readFileSync(CACHE_FILE, 'utf8').trim() : '';
  if (cached && probePython(cached)) {
    chosen = cached;
    return cached;
  }
  const { found, tried } = findPythonWithNumpy();
  if (!found) {
    throw new Error(
      `No Python with NumPy for the exercise tests (tried ${tried.join(', ') || 'python3, python, /usr/bin/python3: none exist'}). ` +
        'Run "npm run test:unit" (its scripts/ensurePython.ts installs python3-numpy when run as root), or install NumPy.',
    );
  }
  chosen = found.path;
  return chosen;
}
