import * as vscode from 'vscode';
import { findOnPath, type InterpreterSources } from './interpreter';
import type { Logger } from '../util/logger';

const PYTHON_EXTENSION_ID = 'ms-python.python';
/** The Python extension can take a while to activate; a run does not wait longer than this for it. */
const PYTHON_EXTENSION_WAIT_MS = 5_000;

/** The parts of the Python extension's API used here (its `environments` API), all optional. */
interface PythonExtensionApi {
  /** Resolves once the extension has found the environments. */
  readonly ready?: Promise<void>;
  readonly environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { readonly path: string } | undefined;
    resolveEnvironment?(env: { readonly path: string } | string): Promise<{ readonly executable?: { readonly uri?: vscode.Uri } } | undefined>;
  };
}

export function isPythonExtensionInstalled(): boolean {
  return vscode.extensions.getExtension(PYTHON_EXTENSION_ID) !== undefined;
}

/** mlPrep.python.path, then the Python extension's selected interpreter, then PATH. */
export function pythonSources(resource: vscode.Uri | undefined, logger: Logger): InterpreterSources {
  return {
    configured: () => vscode.workspace.getConfiguration('mlPrep').get<string>('python.path', '').trim(),
    pythonExtension: () => withTimeout(selectedInterpreter(resource, logger), PYTHON_EXTENSION_WAIT_MS),
    onPath: (name) => findOnPath(name),
  };
}

async function selectedInterpreter(resource: vscode.Uri | undefined, logger: Logger): Promise<string | undefined> {
  try {
    const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION_ID);
    if (!extension) {
      return undefined;
    }
    const api = extension.isActive ? extension.exports : await extension.activate();
    await api?.ready;
    const environments = api?.environments;
    const active = environments?.getActiveEnvironmentPath(resource);
    if (!active?.path) {
      return undefined;
    }
    // The active path may be an environment folder (conda); resolving gives its executable.
    const resolved = await environments?.resolveEnvironment?.(active);
    return resolved?.executable?.uri?.fsPath ?? active.path;
  } catch (e) {
    logger.warn(`exercises: the Python extension's interpreter could not be read (${String(e)})`);
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
