// Plain-language text for every way a run can end. No vscode import, so each message is unit-tested.
import * as l10n from '@vscode/l10n';
import { LocaleFormat } from '../util/localeFormat';
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
  return `${shellQuote(python)} -m pip install numpy`; // l10n-ignore: a shell command
}

export function describeOutcome(outcome: RunOutcome, title: string, format: LocaleFormat = new LocaleFormat('en')): OutcomeText {
  switch (outcome.kind) {
    case 'completed': {
      const total = outcome.results.length;
      const summary =
        outcome.failed === 0 && outcome.passed === total
          ? l10n.t('{0}: all {1} tests passed.', title, format.number(total))
          : l10n.t('{0}: {1} of {2} tests passed, {3} did not.', title, format.number(outcome.passed), format.number(total), format.number(total - outcome.passed));
      return { summary };
    }
    case 'loadError':
      return {
        summary: l10n.t('{0}: your file could not be loaded.', title),
        allErrored: l10n.t('Your file could not be loaded, so no test ran:\n{0}', outcome.message),
      };
    case 'missingNumpy': {
      const fixCommand = installNumpyCommand(outcome.python);
      const message = l10n.t('NumPy is not installed for {0}. Install it with: {1}, or choose another Python in the setting mlPrep.python.path.', outcome.python, fixCommand);
      return { summary: message, allErrored: message, interpreter: { kind: 'missingNumpy', message, fixCommand } };
    }
    case 'noInterpreter': {
      const message =
        outcome.tried.length > 0
          ? l10n.t('No Python interpreter was found (tried: {0}). Set mlPrep.python.path to a Python 3 with NumPy, or select an interpreter in the Python extension.', outcome.tried.join(', '))
          : l10n.t('No Python interpreter was found. Set mlPrep.python.path to a Python 3 with NumPy, or select an interpreter in the Python extension.');
      return { summary: message, allErrored: message, interpreter: { kind: 'noInterpreter', message } };
    }
    case 'timedOut':
      return {
        summary: l10n.t('{0}: stopped after {1}; an infinite loop or a very slow step?', title, seconds(outcome.timeoutMs, format)),
      };
    case 'cancelled':
      return { summary: l10n.t('{0}: the run was cancelled.', title) };
    case 'crashed':
      return {
        summary:
          outcome.exitCode !== null
            ? l10n.t('{0}: the run stopped before the tests finished ({1}, exit code {2}).', title, outcome.detail, String(outcome.exitCode))
            : l10n.t('{0}: the run stopped before the tests finished ({1}).', title, outcome.detail),
      };
  }
}

/** The message for a test that did not report, by how the run ended. */
export function notRunMessage(outcome: RunOutcome, format: LocaleFormat = new LocaleFormat('en')): string {
  switch (outcome.kind) {
    case 'timedOut':
      return l10n.t('Did not finish: the run was stopped after {0} (an infinite loop or a very slow step?).', seconds(outcome.timeoutMs, format));
    case 'crashed':
      return l10n.t('Did not finish: the run stopped early ({0}).', outcome.detail);
    case 'cancelled':
      return l10n.t('Cancelled before this test ran.');
    default:
      return l10n.t('This test did not run.');
  }
}

/** A failed or errored test always says something, even when the check raised without a message. */
export function resultMessage(result: TestCaseResult): string {
  return result.message?.trim() || (result.status === 'errored' ? l10n.t('The test raised an error.') : l10n.t('The test failed.'));
}

function seconds(ms: number, format: LocaleFormat): string {
  return l10n.t({ message: '{0} s', args: [format.decimal(ms / 1000)], comment: ['A duration in seconds, e.g. "1.5 s"'] });
}

/** The results of a run that reached the tests, if any. */
export function resultsOf(outcome: RunOutcome): readonly TestCaseResult[] {
  return 'results' in outcome ? outcome.results : [];
}
