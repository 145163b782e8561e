// Reads the harness's event lines (media/python/mlprep_run.py) and turns them, with how the
// process ended, into a RunOutcome. Pure: the runner and the unit tests share it.

import * as l10n from '@vscode/l10n';
import type { Exercise, RunOutcome, TestCaseResult, TestCaseStatus } from '../exerciseTypes';
import { isRecord } from '../../util/isRecord';

export const EVENT_MARK = '@mlprep ';

export interface TestListing {
  readonly name: string;
  readonly label: string;
}

export type HarnessEvent =
  | { readonly event: 'start'; readonly python: string; readonly numpy: string; readonly tests: readonly TestListing[] }
  | { readonly event: 'result'; readonly result: TestCaseResult }
  | { readonly event: 'loadError'; readonly message: string; readonly output?: string }
  | { readonly event: 'missingNumpy'; readonly python: string }
  | { readonly event: 'done'; readonly passed: number; readonly failed: number };

/** How the process ended, as the runner saw it. */
export type ProcessEnding =
  | { readonly kind: 'exited'; readonly exitCode: number | null; readonly signal?: string | null; readonly stderr?: string }
  | { readonly kind: 'timedOut'; readonly timeoutMs: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'outputCapped'; readonly capBytes: number }
  /** The run never started for a reason other than a missing interpreter. */
  | { readonly kind: 'notStarted'; readonly detail: string };

export interface OutcomeContext {
  /** The interpreter that ran, for a missingNumpy event that names none. */
  readonly python: string;
  /** Supplies the expected test list when the harness died before its start event. */
  readonly exercise?: Exercise;
  /** The test names asked for; all when absent. */
  readonly only?: readonly string[];
}

const STATUSES: readonly TestCaseStatus[] = ['passed', 'failed', 'errored'];
const DETAIL_CAP = 2000;
/** What Windows' Store stand-in for python.exe exits with when no Python is installed. */
const WINDOWS_NOT_FOUND = 9009;

/** One line of stdout: an event, or undefined for anything else (user output, a damaged line). */
export function parseHarnessLine(line: string): HarnessEvent | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!text.startsWith(EVENT_MARK)) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.slice(EVENT_MARK.length));
  } catch {
    return undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  switch (value.event) {
    case 'start': {
      const tests = Array.isArray(value.tests) ? value.tests.flatMap(listing) : [];
      return { event: 'start', python: asText(value.python) ?? '', numpy: asText(value.numpy) ?? '', tests };
    }
    case 'result': {
      const result = testResult(value);
      return result && { event: 'result', result };
    }
    case 'loadError': {
      const output = asText(value.output);
      return { event: 'loadError', message: asText(value.message) ?? l10n.t('the file could not be loaded'), ...(output ? { output } : {}) };
    }
    case 'missingNumpy':
      return { event: 'missingNumpy', python: asText(value.python) ?? '' };
    case 'done':
      return { event: 'done', passed: count(value.passed), failed: count(value.failed) };
    default:
      return undefined;
  }
}

/**
 * Splits streamed stdout into lines and keeps the events, linear in the input. Lines that are
 * not events are dropped as they arrive; only the unfinished last line is held.
 */
export class HarnessLineReader {
  private pending: string[] = [];

  constructor(private readonly onEvent: (event: HarnessEvent) => void) {}

  push(chunk: string): void {
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      this.pending.push(chunk.slice(start, newline));
      this.flushLine();
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) {
      this.pending.push(chunk.slice(start));
    }
  }

  end(): void {
    if (this.pending.length > 0) {
      this.flushLine();
    }
  }

  private flushLine(): void {
    // Joining the pieces once per line keeps a long line made of many chunks linear.
    const line = this.pending.join('');
    this.pending = [];
    const event = parseHarnessLine(line);
    if (event) {
      this.onEvent(event);
    }
  }
}

/** Every event in a complete stdout, in order. */
export function harnessEvents(stdout: string): HarnessEvent[] {
  const events: HarnessEvent[] = [];
  const reader = new HarnessLineReader((e) => events.push(e));
  reader.push(stdout);
  reader.end();
  return events;
}

/** A whole run's stdout and its ending, as one outcome. */
export function parseHarnessOutput(stdout: string, ending: ProcessEnding, context: OutcomeContext): RunOutcome {
  return outcomeOf(harnessEvents(stdout), ending, context);
}

/**
 * The outcome of a run from its events and its ending. An event the harness sends only on a
 * clean finish (done, loadError, missingNumpy) wins over the ending; otherwise a kill we made
 * names the outcome, and an exit without `done` is a crash. Tests that never reported are notRun.
 */
export function outcomeOf(events: readonly HarnessEvent[], ending: ProcessEnding, context: OutcomeContext): RunOutcome {
  let start: Extract<HarnessEvent, { event: 'start' }> | undefined;
  let done = false;
  const results = new Map<string, TestCaseResult>();
  for (const e of events) {
    switch (e.event) {
      case 'missingNumpy':
        return { kind: 'missingNumpy', python: e.python || context.python };
      case 'loadError':
        return { kind: 'loadError', message: e.message, ...(e.output ? { output: e.output } : {}) };
      case 'start':
        start ??= e;
        break;
      case 'result':
        if (!results.has(e.result.name)) {
          results.set(e.result.name, e.result);
        }
        break;
      case 'done':
        done = true;
        break;
    }
  }
  const all = withNotRun(results, expectedTests(start, context));
  if (done) {
    const passed = all.filter((r) => r.status === 'passed').length;
    const failed = all.filter((r) => r.status === 'failed' || r.status === 'errored').length;
    return { kind: 'completed', python: start?.python ?? '', numpy: start?.numpy ?? '', results: all, passed, failed };
  }
  switch (ending.kind) {
    case 'timedOut':
      return { kind: 'timedOut', timeoutMs: ending.timeoutMs, results: all };
    case 'cancelled':
      return { kind: 'cancelled', results: all };
    case 'outputCapped':
      return {
        kind: 'crashed',
        exitCode: null,
        detail: l10n.t('stopped: the run printed more than {0} (an endless print loop?)', formatBytes(ending.capBytes)),
        results: all,
      };
    case 'notStarted':
      return { kind: 'crashed', exitCode: null, detail: ending.detail, results: all };
    case 'exited':
      if (ending.exitCode === WINDOWS_NOT_FOUND && !start) {
        return { kind: 'noInterpreter', tried: [context.python] };
      }
      return { kind: 'crashed', exitCode: ending.exitCode, detail: crashDetail(ending), results: all };
  }
}

function expectedTests(start: { tests: readonly TestListing[] } | undefined, context: OutcomeContext): readonly TestListing[] {
  if (start) {
    return start.tests;
  }
  const cases = context.exercise?.testCases ?? [];
  const only = context.only && context.only.length > 0 ? new Set(context.only) : undefined;
  return only ? cases.filter((c) => only.has(c.name)) : cases;
}

/** Results in the expected order, then any the list did not name; missing ones as notRun. */
function withNotRun(results: ReadonlyMap<string, TestCaseResult>, expected: readonly TestListing[]): TestCaseResult[] {
  const out: TestCaseResult[] = [];
  const seen = new Set<string>();
  for (const t of expected) {
    if (seen.has(t.name)) {
      continue;
    }
    seen.add(t.name);
    out.push(results.get(t.name) ?? { name: t.name, label: t.label, status: 'notRun' });
  }
  for (const r of results.values()) {
    if (!seen.has(r.name)) {
      out.push(r);
    }
  }
  return out;
}

function crashDetail(ending: Extract<ProcessEnding, { kind: 'exited' }>): string {
  const stderr = (ending.stderr ?? '').trim();
  const tail = stderr.length > DETAIL_CAP ? `…${stderr.slice(-(DETAIL_CAP - 1))}` : stderr;
  const what = ending.signal
    ? l10n.t('Python was killed by {0} before the tests finished (sys.exit or os._exit in your code, or a crash)', ending.signal)
    : ending.exitCode !== null
      ? l10n.t('Python exited with code {0} before the tests finished (sys.exit or os._exit in your code, or a crash)', String(ending.exitCode))
      : l10n.t('Python exited with code unknown before the tests finished (sys.exit or os._exit in your code, or a crash)');
  return tail ? `${what}:\n${tail}` : what;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? l10n.t('{0} MiB', n / (1024 * 1024))
    : n >= 1024
      ? l10n.t('{0} KiB', Math.round(n / 1024))
      : l10n.t('{0} bytes', n);
}

function listing(value: unknown): TestListing[] {
  if (!isRecord(value) || typeof value.name !== 'string' || value.name === '') {
    return [];
  }
  return [{ name: value.name, label: asText(value.label) ?? value.name }];
}

function testResult(value: Record<string, unknown>): TestCaseResult | undefined {
  const name = asText(value.name);
  const status = STATUSES.find((s) => s === value.status);
  if (!name || !status) {
    return undefined;
  }
  const optional = (key: 'message' | 'expected' | 'actual' | 'output') => {
    const v = asText(value[key]);
    return v ? { [key]: v } : {};
  };
  const durationMs = typeof value.durationMs === 'number' && Number.isFinite(value.durationMs) && value.durationMs >= 0 ? { durationMs: value.durationMs } : {};
  return {
    name,
    label: asText(value.label) ?? name,
    status,
    ...optional('message'),
    ...optional('expected'),
    ...optional('actual'),
    ...optional('output'),
    ...durationMs,
  };
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
