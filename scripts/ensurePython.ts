// Before the unit tests: make sure a Python with NumPy is there for the exercise runner tests.
// Uses python3 / python on PATH, else /usr/bin/python3; when none has NumPy and we run as root
// with apt-get (CI containers), installs Debian's python3-numpy. Writes the interpreter's path
// to .cache/python-path for test/support/pythonForTests.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandExists, DEBIAN_PYTHON, findPythonWithNumpy, FoundPython, probePython, PYTHON_PATH_FILE } from '../test/support/pythonWithNumpy';

function aptInstall(): boolean {
  const apt = (args: string[]) => {
    console.log(`ensurePython: apt-get ${args.join(' ')}`);
    return spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  const install = ['install', '-y', '--no-install-recommends', 'python3-numpy'];
  // A fresh container has no package lists; update only when the install needs them.
  return apt(install) || (apt(['update']) && apt(install));
}

function main(): number {
  let { found, tried } = findPythonWithNumpy();
  if (!found && process.getuid?.() === 0 && commandExists('apt-get')) {
    console.log(`ensurePython: no Python with NumPy (tried ${tried.join(', ') || 'nothing on PATH'}); installing python3-numpy`);
    found = aptInstall() ? probePython(DEBIAN_PYTHON) : undefined;
    tried = [...tried, `${DEBIAN_PYTHON} after apt-get install python3-numpy`];
  }
  if (!found) {
    console.error(
      `ensurePython: no Python with NumPy found (tried ${tried.join(', ') || 'python3 and python on PATH, /usr/bin/python3: none exist'}).\n` +
        'Install one, e.g. "sudo apt-get install python3-numpy" or "python3 -m pip install numpy", then run the tests again.',
    );
    return 1;
  }
  record(found);
  return 0;
}

function record(found: FoundPython): void {
  mkdirSync(join(PYTHON_PATH_FILE, '..'), { recursive: true });
  writeFileSync(PYTHON_PATH_FILE, `${found.path}\n`);
  console.log(`ensurePython: Python ${found.version} with NumPy ${found.numpy}: ${found.path}`);
}

process.exitCode = main();
