// Runs an exercise's hidden tests against the user's file in a child Python process.
// No vscode import: the Testing view, the panel and the unit tests all call runExercise.

import * as l10n from '@vscode/l10n';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Exercise, RunOutcome, TestCaseResult } from '../exerciseTypes';
import { HarnessEvent, HarnessLineReader, outcomeOf, ProcessEnding } from './harnessEvents';
import { unrunnableInterpreter } from '../interpreter';
import { killTree } from './killTree';

export interface RunRequest {
  readonly python: string;
  readonly exercise: Exercise;
  readonly attemptPath: string;
  /** Folder holding mlprep_run.py and mlprep_check.py (`media/python` in the extension). */
  readonly harnessDir: string;
  /** Test names; all when absent. */
  readonly only?: readonly string[];
  /** Default 10_000. */
  readonly timeoutMs?: number;
  /** Default 1 MiB of stdout+stderr, then kill -> 'crashed'. */
  readonly outputCapBytes?: number;
  /** Abort -> kill -> 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Streamed as each test finishes. */
  readonly onResult?: (result: TestCaseResult) => void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;
export const HARNESS_FILES = ['mlprep_run.py', 'mlprep_check.py'] as const;
export const TEMP_PREFIX = 'mlprep-run-';
const STDERR_TAIL_CHARS = 4000;
/** After the process exits, how long to wait for its pipes to close (a grandchild may hold them). */
const CLOSE_GRACE_MS = 500;

/**
 * Copies the hidden tests and the harness into a fresh temp folder (so the user's folder holds
 * only their own file), runs them, and always removes the folder. Never throws for anything the
 * user's code or interpreter does: every ending is a RunOutcome.
 */
export async function runExercise(request: RunRequest): Promise<RunOutcome> {
  if (request.signal?.aborted) {
    return outcomeOf([], { kind: 'cancelled' }, context(request));
  }
  if (request.python.trim() === '') {
    return { kind: 'noInterpreter', tried: [] };
  }
  const unrunnable = unrunnableInterpreter(request.python);
  if (unrunnable) {
    return outcomeOf([], { kind: 'notStarted', detail: unrunnable }, context(request));
  }
  // Checked here because a missing folder would make spawn fail with ENOENT, which reads as a
  // missing interpreter.
  if (!(await isFile(request.attemptPath))) {
    return { kind: 'loadError', message: l10n.t('{0} does not exist: start the exercise again to create it', resolve(request.attemptPath)) };
  }
  let dir: string | undefined;
  try {
    const tmp = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
    dir = tmp;
    const testsPath = join(tmp, 'tests.py');
    await writeFile(testsPath, request.exercise.tests, 'utf8');
    await Promise.all(HARNESS_FILES.map((name) => copyFile(join(request.harnessDir, name), join(tmp, name))));
    return await runHarness(request, join(tmp, 'mlprep_run.py'), testsPath);
  } catch (e) {
    // A full disk, a damaged install, an unusable interpreter path: still an outcome the UI can
    // show, never a rejection.
    return outcomeOf([], { kind: 'notStarted', detail: l10n.t('the hidden tests could not be run: {0}', (e as Error).message) }, context(request));
  } finally {
    if (dir !== undefined) {
      await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const context = (request: RunRequest) => ({ python: request.python, exercise: request.exercise, only: request.only });

/** Environment of the run: the user's, plus what keeps it clean and readable. */
export function runEnvironment(attemptDir: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // The attempt's siblings must import as they would when the user runs the file directly;
  // the harness folder stays first on sys.path (it is the script's own folder).
  const pythonPath = ['PYTHONPATH', ...Object.keys(env).filter((k) => k !== 'PYTHONPATH' && k.toUpperCase() === 'PYTHONPATH')];
  const existing = pythonPath.map((k) => env[k]).find((v) => v);
  pythonPath.forEach((k) => delete env[k]);
  env.PYTHONPATH = existing ? `${attemptDir}${delimiter}${existing}` : attemptDir;
  // No __pycache__ in the user's folder; UTF-8 whatever the console's code page is.
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONIOENCODING = 'utf-8';
  env.PYTHONUNBUFFERED = '1';
  return env;
}

function runHarness(request: RunRequest, runner: string, testsPath: string): Promise<RunOutcome> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const capBytes = request.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES;
  const attemptPath = resolve(request.attemptPath);
  // No -I: it implies -E (our PYTHONPATH and PYTHONDONTWRITEBYTECODE would be ignored) and -s
  // (no user site-packages, where `pip install --user numpy` puts NumPy).
  const args = [runner, attemptPath, testsPath, ...(request.only ?? [])];
  const posix = process.platform !== 'win32';

  return new Promise<RunOutcome>((finish) => {
    const events: HarnessEvent[] = [];
    const reader = new HarnessLineReader((event) => {
      events.push(event);
      if (event.event === 'result' && request.onResult) {
        try {
          request.onResult(event.result);
        } catch {
          // A listener's error must not end the run.
        }
      }
    });
    let stderr = '';
    let bytes = 0;
    let killedFor: ProcessEnding | undefined;
    let settled = false;

    // cwd = the attempt's folder: relative paths in the user's code resolve as when they run it.
    const child = spawn(request.python, args, {
      cwd: dirname(attemptPath),
      env: runEnvironment(dirname(attemptPath)),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: posix,
      windowsHide: true,
    });

    const stop = (why: ProcessEnding) => {
      if (killedFor || settled) {
        return;
      }
      killedFor = why;
      if (child.pid !== undefined) {
        killTree(child.pid);
      }
    };
    const timer = setTimeout(() => stop({ kind: 'timedOut', timeoutMs }), timeoutMs);
    const onAbort = () => stop({ kind: 'cancelled' });
    request.signal?.addEventListener('abort', onAbort, { once: true });

    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > capBytes) {
        stop({ kind: 'outputCapped', capBytes });
        return false;
      }
      return true;
    };
    const stdoutText = new StringDecoder('utf8');
    child.stdout.on('data', (chunk: Buffer) => {
      if (count(chunk) && !killedFor) {
        reader.push(stdoutText.write(chunk));
      }
    });
    const stderrText = new StringDecoder('utf8');
    child.stderr.on('data', (chunk: Buffer) => {
      if (count(chunk)) {
        stderr = (stderr + stderrText.write(chunk)).slice(-STDERR_TAIL_CHARS);
      }
    });

    const settle = (outcome: RunOutcome) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      request.signal?.removeEventListener('abort', onAbort);
      // Whatever the user's code left running in the group goes with the run.
      if (posix && child.pid !== undefined) {
        killTree(child.pid);
      }
      child.stdout.destroy();
      child.stderr.destroy();
      finish(outcome);
    };

    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    const ended = () => {
      if (!killedFor) {
        reader.push(stdoutText.end());
        reader.end();
      }
      const ending: ProcessEnding = killedFor ?? { kind: 'exited', exitCode: exit?.code ?? null, signal: exit?.signal ?? null, stderr: stderr + stderrText.end() };
      settle(outcomeOf(events, ending, context(request)));
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) {
        // Spawning failed: no interpreter at that path or name.
        const missing = error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'ENOTDIR';
        settle(
          missing
            ? { kind: 'noInterpreter', tried: [request.python] }
            : outcomeOf([], { kind: 'notStarted', detail: l10n.t('could not start {0}: {1}', request.python, error.message) }, context(request)),
        );
      }
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // 'close' waits for the pipes; a background process the user started can hold them open.
      graceTimer = setTimeout(ended, CLOSE_GRACE_MS);
    });
    child.on('close', (code, signal) => {
      exit ??= { code, signal };
      ended();
    });
  });
}
