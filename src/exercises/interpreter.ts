// Which Python runs the exercises. No vscode import: the extension passes in its sources.

import * as l10n from '@vscode/l10n';
import { constants } from 'node:fs';
import { homedir } from 'node:os';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

export interface InterpreterSources {
  /** mlPrep.python.path, trimmed; '' means unset. */
  configured(): string | undefined;
  /** The Python extension's selected interpreter. */
  pythonExtension(): Promise<string | undefined>;
  /** Absolute path of `name` on PATH, if any. */
  onPath(name: string): Promise<string | undefined>;
}

export type ResolvedPython =
  | { readonly path: string; readonly source: 'setting' | 'pythonExtension' | 'path' }
  | { readonly path: undefined; readonly tried: readonly string[] };

/** The names looked up on PATH, in order; Windows adds the `py` launcher. */
export function pathCandidates(platform: NodeJS.Platform = process.platform): readonly string[] {
  return platform === 'win32' ? ['python3', 'python', 'py'] : ['python3', 'python'];
}

/**
 * Setting, then the Python extension, then python3 / python (/ py) on PATH. A set setting is
 * used as given, even when it is wrong: falling back would hide the user's mistake, and the run
 * reports a missing interpreter with its value. A source that throws counts as having nothing.
 */
export async function resolvePython(sources: InterpreterSources, platform: NodeJS.Platform = process.platform): Promise<ResolvedPython> {
  const tried: string[] = [];
  const configured = safely(() => sources.configured())?.trim();
  if (configured) {
    return { path: expandHome(configured), source: 'setting' };
  }
  tried.push(l10n.t('the mlPrep.python.path setting (empty)'));
  const fromExtension = (await safelyAsync(() => sources.pythonExtension()))?.trim();
  if (fromExtension) {
    return { path: fromExtension, source: 'pythonExtension' };
  }
  tried.push(l10n.t("the Python extension's selected interpreter (none)"));
  for (const name of pathCandidates(platform)) {
    const found = await safelyAsync(() => sources.onPath(name));
    if (found && !unrunnableInterpreter(found, platform)) {
      return { path: found, source: 'path' };
    }
    tried.push(found ? l10n.t('{0} on PATH ({1}: a batch file, which cannot run the tests)', name, found) : l10n.t('{0} on PATH', name));
  }
  return { path: undefined, tried };
}

/**
 * Why `python` cannot be started without a shell, if it cannot: Windows runs .bat and .cmd files
 * only through cmd.exe (Node refuses them since 20.12), and pyenv-win's shims are such files.
 */
export function unrunnableInterpreter(python: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32' && /\.(bat|cmd)$/i.test(python.trim())) {
    return l10n.t('{0} is a batch file, which cannot run the tests; set mlPrep.python.path to the python.exe it starts (with pyenv-win: "pyenv which python")', python);
  }
  return undefined;
}

/** `~/venv/bin/python` as a shell would read it; spawn does not expand `~`. */
export function expandHome(path: string, home: string = homedir()): string {
  return path === '~' ? home : /^~[/\\]/.test(path) ? join(home, path.slice(2)) : path;
}

/**
 * The absolute path `name` resolves to on PATH, as a shell would find it: on Windows through
 * PATHEXT (and the Path variable's any-case name), on POSIX only executable files.
 */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  // `platform` picks the rules (separator, PATHEXT, execute bit); paths are the host's own.
  const windows = platform === 'win32';
  if (name === '') {
    return undefined;
  }
  const extensions = windows ? windowsExtensions(name, envValue(env, 'PATHEXT', windows)) : [''];
  if (name.includes('/') || (windows && name.includes('\\'))) {
    return firstExecutable(extensions.map((ext) => resolve(name + ext)), windows);
  }
  const dirs = (envValue(env, 'PATH', windows) ?? '')
    .split(windows ? ';' : ':')
    .map((d) => (windows ? d.replace(/^"(.*)"$/, '$1') : d))
    .filter((d) => d !== '' && isAbsolute(d));
  return firstExecutable(
    dirs.flatMap((dir) => extensions.map((ext) => join(dir, name + ext))),
    windows,
  );
}

function windowsExtensions(name: string, pathext: string | undefined): string[] {
  const list = (pathext ?? '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e.startsWith('.'));
  const hasOwn = list.some((e) => name.toLowerCase().endsWith(e.toLowerCase()));
  return hasOwn ? ['', ...list] : list;
}

/** Windows variables are case-insensitive ("Path"); Node's env object keeps their given case. */
function envValue(env: NodeJS.ProcessEnv, key: string, windows: boolean): string | undefined {
  if (!windows) {
    return env[key];
  }
  const found = Object.keys(env).find((k) => k.toUpperCase() === key);
  return found === undefined ? undefined : env[found];
}

async function firstExecutable(candidates: readonly string[], windows: boolean): Promise<string | undefined> {
  for (const file of candidates) {
    try {
      if (!(await stat(file)).isFile()) {
        continue;
      }
      if (!windows) {
        await access(file, constants.X_OK);
      }
      return file;
    } catch {
      // Not there, or not executable: keep looking.
    }
  }
  return undefined;
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

async function safelyAsync<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch {
    return undefined;
  }
}
