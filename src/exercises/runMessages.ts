// Plain-language text for every way a run can end. No vscode import, so each message is unit-tested.
import type { RunOutcome, TestCaseResult } from './exerciseTypes';

/** A problem with the interpreter itself: shown as a notification with the actions that fix it. */
export interface InterpreterProblem {
  readonly kind: 'noInterpreter' | 'missingNumpy';
  readonly message: string;
  /** A shell command that fixes it, offered to copy. */
  readonly fixCommand?: string;
}

export interface OutcomeText {
  /** One line for the run's output and for a notification. */
  readonly summary: string;
  /** Set when the run never reached the tests: every test item is errored with this message. */
  readonly allErrored?: string;
  readonly interpreter?: InterpreterProblem;
}

/** The quoted form a shell accepts for a path with spaces. */
export function shellQuote(p: string): string {
  return /^[A-Za-z0-9_./:\\-]+$/.test(p) ? p : `"${p.replace(/(["\\$`])/g, '\\$1')}"`;
}

export function installNumpyCommand(python: string): string {
  return `${shellQuote(python)} -m pip install numpy`;
}

export function describeOutcome(outcome: RunOutcome, title: string): OutcomeText {
  switch (outcome.kind) {
    case 'completed': {
      const total = outcome.results.length;
      const summary =
        outcome.failed === 0 && outcome.passed === total
          ? `${title}: all ${total} tests passed.`
          : `${title}: ${outcome.passed} of ${total} tests passed, ${total - outcome.passed} did not.`;
      return { summary };
    }
    case 'loadError':
      return {
        summary: `${title}: your file could not be loaded.`,
        allErrored: `Your file could not be loaded, so no test ran:\n${outcome.message}`,
      };
    case 'missingNumpy': {
      const fixCommand = installNumpyCommand(outcome.python);
      const message = `NumPy is not installed for ${outcome.python}. Install it with: ${fixCommand}, or choose another Python in the setting mlPrep.python.path.`;
      return { summary: message, allErrored: message, interpreter: { kind: 'missingNumpy', message, fixCommand } };
    }
    case 'noInterpreter': {
      const tried = outcome.tried.length > 0 ? ` (tried: ${outcome.tried.join(', ')})` : '';
      const message = `No Python interpreter was found${tried}. Set mlPrep.python.path to a Python 3 with NumPy, or select an interpreter in the Python extension.`;
      return { summary: message, allErrored: message, interpreter: { kind: 'noInterpreter', message } };
    }
    case 'timedOut':
      return {
        summary: `${title}: stopped after ${seconds(outcome.timeoutMs)}; an infinite loop or a very slow step?`,
      };
    case 'cancelled':
      return { summary: `${title}: the run was cancelled.` };
    case 'crashed':
      return {
        summary: `${title}: the run stopped before the tests finished (${outcome.detail}${outcome.exitCode !== null ? `, exit code ${outcome.exitCode}` : ''}).`,
      };
  }
}

/** The message for a test that did not report, by how the run ended. */
export function notRunMessage(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'timedOut':
      return `Did not finish: the run was stopped after ${seconds(outcome.timeoutMs)} (an infinite loop or a very slow step?).`;
    case 'crashed':
      return `Did not finish: the run stopped early (${outcome.detail}).`;
    case 'cancelled':
      return 'Cancelled before this test ran.';
    default:
      return 'This test did not run.';
  }
}

/** A failed or errored test always says something, even when the check raised without a message. */
export function resultMessage(result: TestCaseResult): string {
  return result.message?.trim() || (result.status === 'errored' ? 'The test raised an error.' : 'The test failed.');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** The results of a run that reached the tests, if any. */
export function resultsOf(outcome: RunOutcome): readonly TestCaseResult[] {
  return 'results' in outcome ? outcome.results : [];
}
