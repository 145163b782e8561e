// The Python the exercise tests run, as scripts/ensurePython.ts chose it (.cache/python-path),
// else found the same way. Throws with the reason when there is none, so no test skips silently.
import { existsSync, readFileSync } from 'node:fs';
import { findPythonWithNumpy, probePython, PYTHON_PATH_FILE } from './pythonWithNumpy';
let chosen: string | undefined;

export function pythonForTests(): string {
  if (chosen) {
    return chosen;
  }
  const cached = existsSync(PYTHON_PATH_FILE) ? readFileSync(PYTHON_PATH_FILE, 'utf8').trim() : '';
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
