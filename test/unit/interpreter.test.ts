import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandHome, findOnPath, InterpreterSources, resolvePython } from '../../src/exercises/interpreter';

/** Sources that record what was asked, so the order is visible. */
function sources(values: { setting?: string; extension?: string | Error; path?: Record<string, string> }) {
  const asked: string[] = [];
  const s: InterpreterSources = {
    configured: () => {
      asked.push('setting');
      return values.setting;
    },
    pythonExtension: async () => {
      asked.push('extension');
      if (values.extension instanceof Error) {
        throw values.extension;
      }
      return values.extension;
    },
    onPath: async (name) => {
      asked.push(name);
      return values.path?.[name];
    },
  };
  return { s, asked };
}

describe('interpreter resolution', () => {
  it('uses the setting first, without asking anything else', async () => {
    const { s, asked } = sources({ setting: '  /opt/py/bin/python  ', extension: '/ext/python', path: { python3: '/usr/bin/python3' } });
    assert.deepEqual(await resolvePython(s, 'linux'), { path: '/opt/py/bin/python', source: 'setting' });
    assert.deepEqual(asked, ['setting']);
  });

  it('expands a leading ~ in the setting to the home folder', async () => {
    const { s } = sources({ setting: '~/venv/bin/python' });
    const resolved = await resolvePython(s, 'linux');
    assert.deepEqual(resolved, { path: join(homedir(), 'venv', 'bin', 'python'), source: 'setting' });
    assert.equal(expandHome('~', '/home/u'), '/home/u');
    assert.equal(expandHome('/opt/~/python', '/home/u'), '/opt/~/python');
    assert.equal(expandHome('~user/python', '/home/u'), '~user/python');
  });

  it('then the Python extension, then python3, then python on PATH', async () => {
    let { s, asked } = sources({ setting: '  ', extension: '/ext/python', path: { python3: '/usr/bin/python3' } });
    assert.deepEqual(await resolvePython(s, 'linux'), { path: '/ext/python', source: 'pythonExtension' });
    assert.deepEqual(asked, ['setting', 'extension']);

    ({ s, asked } = sources({ extension: new Error('not activated'), path: { python3: '/usr/bin/python3', python: '/usr/bin/python' } }));
    assert.deepEqual(await resolvePython(s, 'linux'), { path: '/usr/bin/python3', source: 'path' });
    assert.deepEqual(asked, ['setting', 'extension', 'python3']);

    ({ s, asked } = sources({ path: { python: '/usr/bin/python' } }));
    assert.deepEqual(await resolvePython(s, 'darwin'), { path: '/usr/bin/python', source: 'path' });
    assert.deepEqual(asked, ['setting', 'extension', 'python3', 'python']);
  });

  it('tries the py launcher last on Windows', async () => {
    const { s, asked } = sources({ path: { py: 'C:\\Windows\\py.exe' } });
    assert.deepEqual(await resolvePython(s, 'win32'), { path: 'C:\\Windows\\py.exe', source: 'path' });
    assert.deepEqual(asked, ['setting', 'extension', 'python3', 'python', 'py']);
  });

  it('on Windows, passes over a batch-file shim on PATH to the py launcher', async () => {
    const { s } = sources({ path: { python3: 'C:\\pyenv-win\\shims\\python3.bat', python: 'C:\\pyenv-win\\shims\\python.bat', py: 'C:\\Windows\\py.exe' } });
    assert.deepEqual(await resolvePython(s, 'win32'), { path: 'C:\\Windows\\py.exe', source: 'path' });
    const none = await resolvePython(sources({ path: { python: 'C:\\shims\\python.cmd' } }).s, 'win32');
    assert.ok(none.path === undefined);
    assert.ok(none.tried.includes('python on PATH (C:\\shims\\python.cmd: a batch file, which cannot run the tests)'), none.tried.join('\n'));
  });

  it('lists everything it tried when nothing is found', async () => {
    const { s } = sources({});
    assert.deepEqual(await resolvePython(s, 'linux'), {
      path: undefined,
      tried: ['the mlPrep.python.path setting (empty)', "the Python extension's selected interpreter (none)", 'python3 on PATH', 'python on PATH'],
    });
    const win = await resolvePython(sources({}).s, 'win32');
    assert.ok(win.path === undefined);
    assert.equal(win.tried[win.tried.length - 1], 'py on PATH');
  });
});

describe('findOnPath', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlprep-path-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(rel: string, mode: number): string {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
    return path;
  }

  it('finds the first executable file on PATH, skipping non-executables, folders and relative entries', async () => {
    file('a/python3', 0o644);
    mkdirSync(join(dir, 'b', 'python3'), { recursive: true });
    const wanted = file('c/python3', 0o755);
    file('d/python3', 0o755);
    const PATH = ['relative/bin', join(dir, 'missing'), join(dir, 'a'), join(dir, 'b'), join(dir, 'c'), join(dir, 'd')].join(':');
    assert.equal(await findOnPath('python3', { PATH }, 'linux'), wanted);
    assert.equal(await findOnPath('python2', { PATH }, 'linux'), undefined);
    assert.equal(await findOnPath('python3', {}, 'linux'), undefined);
    assert.equal(await findOnPath('', { PATH }, 'linux'), undefined);
  });

  it('checks a name with a slash directly', async () => {
    const wanted = file('bin/python3', 0o755);
    assert.equal(await findOnPath(wanted, {}, 'linux'), wanted);
    assert.equal(await findOnPath(join(dir, 'bin', 'nope'), {}, 'linux'), undefined);
  });

  it('on Windows, tries PATHEXT extensions and reads Path in any case', async () => {
    // The lookup itself is the same code on every platform; only names and separators differ.
    file('w/python.EXE', 0o644);
    const wanted = join(dir, 'w', 'python.EXE');
    assert.equal(await findOnPath('python', { Path: `${join(dir, 'x')};"${join(dir, 'w')}"`, PATHEXT: '.COM;.EXE;.BAT' }, 'win32'), wanted);
    assert.equal(await findOnPath('python.EXE', { PATH: join(dir, 'w'), PATHEXT: '.COM;.EXE' }, 'win32'), wanted);
    assert.equal(await findOnPath('python', { PATH: join(dir, 'w'), PATHEXT: '.CMD' }, 'win32'), undefined);
  });

  it('finds a real interpreter on this machine', async () => {
    const found = (await findOnPath('python3')) ?? (await findOnPath('python')) ?? (await findOnPath('node'));
    assert.ok(found, 'python3, python or node is on PATH');
  });
});
