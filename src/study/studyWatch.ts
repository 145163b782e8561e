import * as vscode from 'vscode';
import type { Logger } from '../util/logger';
import type { StudyStore } from './studyStore';

/** How often a window looks for what other windows, or Settings Sync, stored meanwhile. */
const REFRESH_INTERVAL_MS = 15_000;

/**
 * Keeps this window's store current and the user told: other windows and Settings Sync write too,
 * so the store looks again on focus and now and then; a refused write says why, not once per click.
 */
export function watchStudyStore(study: StudyStore, logger: Logger): vscode.Disposable {
  const refresh = () => logger.run('study: refresh', () => study.refresh());
  return vscode.Disposable.from(
    study.onReadOnly(throttled(10_000, (message) => void vscode.window.showWarningMessage(`ML Prep: ${message}`))),
    vscode.window.onDidChangeWindowState((e) => {
      if (e.focused) {
        refresh();
      }
    }),
    intervalDisposable(refresh, REFRESH_INTERVAL_MS),
  );
}

/**
 * A damaged stored value never stops activation; the user is told once what was skipped. Data
 * from a newer version is shown read-only, with a word on why.
 */
export function warnAboutStoredState(backups: vscode.Uri, result: { problems: readonly string[]; readOnly?: string }): void {
  if (result.readOnly) {
    void vscode.window.showWarningMessage(`ML Prep: ${result.readOnly}`);
  }
  const { problems } = result;
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    void vscode.window.showWarningMessage(
      `ML Prep: some stored study data could not be read and was skipped (${shown}). A backup of what was found is kept in ${backups.fsPath}.`,
    );
  }
}

/** Calls `fn` at most once per `ms`. */
function throttled<T>(ms: number, fn: (value: T) => void): (value: T) => void {
  let last = -Infinity;
  return (value) => {
    if (Date.now() - last >= ms) {
      last = Date.now();
      fn(value);
    }
  };
}

function intervalDisposable(run: () => void, ms: number): vscode.Disposable {
  const timer = setInterval(run, ms);
  return { dispose: () => clearInterval(timer) };
}
