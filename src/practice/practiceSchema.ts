// Checks for practice data (cards and review log), shared by the store, which salvages what it can
// from a damaged stored value, and by import, which refuses a file at its first bad field.
import { default_maximum_interval, S_MAX, S_MIN } from 'ts-fsrs';
import { CardState, Grade, MAX_LOG_ENTRIES, PRACTICE_VERSION, PracticeState, ReviewEntry } from './types';
import { describeValue as describe } from '../util/describeValue';

const DAY_MS = 24 * 60 * 60 * 1000;
/** No review can predate the extension; an import with older times is not ours or is damaged. */
export const EARLIEST_TIME = Date.UTC(2020, 0, 1);
/** The largest time a Date can hold. */
const LATEST_DATE = 8.64e15;
/** Questions have 4 to 8 key points today; the headroom allows for longer ones later. */
export const MAX_KEY_POINTS = 50;
/** A drill left open over a weekend is not an error; longer durations are stored as this. */
export const MAX_DURATION_MS = DAY_MS;
export const MAX_ID_LENGTH = 200;
/** Generous bounds that no real card reaches; they only keep absurd numbers out. */
const MAX_COUNT = 1_000_000;
const MAX_DAYS = 1_000_000;

/** The range of times accepted for events (reviews, export) and, stretched by FSRS's longest interval, for due dates. */
export interface TimeWindow {
  readonly earliest: number;
  readonly latest: number;
}

/** For stored data: anything a Date can hold, so a clock that was once wrong loses nothing. */
export const ANY_TIME: TimeWindow = { earliest: 0, latest: LATEST_DATE };

/** For imported data: from 2020 to a day after `now` (a day of slack for clocks and time zones). */
export function importWindow(now: number): TimeWindow {
  return { earliest: EARLIEST_TIME, latest: now + DAY_MS };
}

/** A field that does not match the schema; the message starts with the field's path. */
export class SchemaError extends Error {}

export const emptyPractice = (): PracticeState => ({ version: PRACTICE_VERSION, cards: {}, log: [] });

export function checkObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SchemaError(`${path} must be an object (found ${describe(value)})`);
  }
  return value as Record<string, unknown>;
}

export function checkList(value: unknown, path: string, maxLength: number): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new SchemaError(`${path} must be a list (found ${describe(value)})`);
  }
  if (value.length > maxLength) {
    throw new SchemaError(`${path} must have at most ${maxLength} items (found ${value.length})`);
  }
  return value;
}

export function checkNumber(value: unknown, path: string, min: number, max: number, whole = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new SchemaError(`${path} must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max} (found ${describe(value)})`);
  }
  return value;
}

export function checkTime(value: unknown, path: string, window: TimeWindow): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < window.earliest || value > window.latest) {
    throw new SchemaError(`${path} must be a time in milliseconds between ${day(window.earliest)} and ${day(window.latest)} (found ${describe(value)})`);
  }
  return value;
}

export function checkQuestionId(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
    throw new SchemaError(`${path} must be a question id, text of 1 to ${MAX_ID_LENGTH} characters (found ${describe(value)})`);
  }
  return value;
}

export function checkGrade(value: unknown, path: string): Grade {
  if (value !== 1 && value !== 2 && value !== 3 && value !== 4) {
    throw new SchemaError(`${path} must be 1, 2, 3 or 4 (found ${describe(value)})`);
  }
  return value;
}

/** One card; `window` bounds lastReview, and due may run FSRS's longest interval beyond it. */
export function checkCard(value: unknown, path: string, window: TimeWindow): CardState {
  const c = checkObject(value, path);
  const state = c.state;
  if (state !== 0 && state !== 1 && state !== 2 && state !== 3) {
    throw new SchemaError(`${path}.state must be 0, 1, 2 or 3 (found ${describe(state)})`);
  }
  const dueWindow = { earliest: window.earliest, latest: Math.min(LATEST_DATE, window.latest + (default_maximum_interval + 1) * DAY_MS) };
  // ts-fsrs gives every reviewed card a stability of at least S_MIN and a difficulty from 1 to 10;
  // only a new card has zeros, and a reviewed card with them would schedule nonsense.
  const reviewed = state !== 0;
  const card: CardState = {
    due: checkTime(c.due, `${path}.due`, dueWindow),
    stability: checkNumber(c.stability, `${path}.stability`, reviewed ? S_MIN : 0, S_MAX),
    difficulty: checkNumber(c.difficulty, `${path}.difficulty`, reviewed ? 1 : 0, 10),
    elapsedDays: checkNumber(c.elapsedDays, `${path}.elapsedDays`, 0, MAX_DAYS, true),
    scheduledDays: checkNumber(c.scheduledDays, `${path}.scheduledDays`, 0, MAX_DAYS, true),
    learningSteps: checkNumber(c.learningSteps, `${path}.learningSteps`, 0, MAX_COUNT, true),
    reps: checkNumber(c.reps, `${path}.reps`, 0, MAX_COUNT, true),
    lapses: checkNumber(c.lapses, `${path}.lapses`, 0, MAX_COUNT, true),
    state,
  };
  // Absent means never reviewed; JSON drops undefined, so null is not something we ever write.
  if (c.lastReview === undefined) {
    return card;
  }
  return { ...card, lastReview: checkTime(c.lastReview, `${path}.lastReview`, window) };
}

/** One review-log entry. */
export function checkEntry(value: unknown, path: string, window: TimeWindow): ReviewEntry {
  const e = checkObject(value, path);
  const keyPointCount = checkNumber(e.keyPointCount, `${path}.keyPointCount`, 0, MAX_KEY_POINTS, true);
  const list = checkList(e.covered, `${path}.covered`, keyPointCount);
  const covered: number[] = [];
  list.forEach((index, i) => {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= keyPointCount) {
      const range = keyPointCount === 0 ? 'empty, as the question had no key points' : `a whole number from 0 to ${keyPointCount - 1}`;
      throw new SchemaError(`${path}.covered[${i}] must be ${range} (found ${describe(index)})`);
    }
    if (covered.includes(index)) {
      throw new SchemaError(`${path}.covered lists key point ${index} twice`);
    }
    covered.push(index);
  });
  return {
    questionId: checkQuestionId(e.questionId, `${path}.questionId`),
    at: checkTime(e.at, `${path}.at`, window),
    grade: checkGrade(e.grade, `${path}.grade`),
    durationMs: checkNumber(e.durationMs, `${path}.durationMs`, 0, MAX_DURATION_MS),
    covered,
    keyPointCount,
  };
}

/** Oldest first (stable, so entries at the same time keep their order), at most MAX_LOG_ENTRIES, dropping the oldest. */
export function orderLog(log: readonly ReviewEntry[]): ReviewEntry[] {
  const sorted = [...log].sort((a, b) => a.at - b.at);
  return sorted.length > MAX_LOG_ENTRIES ? sorted.slice(sorted.length - MAX_LOG_ENTRIES) : sorted;
}

export interface ReadResult {
  readonly state: PracticeState;
  /** Plain-language problems found; empty when the stored value was sound. */
  readonly problems: readonly string[];
  /** True when the stored value must be rewritten (repaired or reordered). */
  readonly changed: boolean;
}

/** How many unreadable cards or log entries are described one by one before the rest are counted. */
const DETAILED_PROBLEMS = 5;

/** Reads a stored practice value, keeping every card and log entry that passes its check. Never throws. */
export function readPractice(raw: unknown): ReadResult {
  if (raw === undefined || raw === null) {
    return { state: emptyPractice(), problems: [], changed: false };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { state: emptyPractice(), problems: [`expected an object, found ${describe(raw)}`], changed: true };
  }
  const value = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (value.version !== PRACTICE_VERSION) {
    problems.push(`unknown schema version ${describe(value.version)}`);
  }

  const cards: [string, CardState][] = [];
  const cardProblems: string[] = [];
  if (isPlainObject(value.cards)) {
    for (const [id, card] of Object.entries(value.cards)) {
      salvage(cardProblems, () => {
        checkQuestionId(id, `a card id`);
        cards.push([id, checkCard(card, `cards[${JSON.stringify(id)}]`, ANY_TIME)]);
      });
    }
  } else {
    problems.push(`"cards" should be an object, found ${describe(value.cards)}; no card could be read`);
  }
  problems.push(...summarise(cardProblems, 'card'));

  let log: ReviewEntry[] = [];
  const logProblems: string[] = [];
  if (Array.isArray(value.log)) {
    value.log.forEach((entry, i) => salvage(logProblems, () => log.push(checkEntry(entry, `log[${i}]`, ANY_TIME))));
  } else {
    problems.push(`"log" should be a list, found ${describe(value.log)}; no review could be read`);
  }
  problems.push(...summarise(logProblems, 'log entry', 'log entries'));

  const unordered = log.some((e, i) => i > 0 && e.at < log[i - 1].at);
  if (log.length > MAX_LOG_ENTRIES) {
    problems.push(`the log had ${log.length} entries; the oldest ${log.length - MAX_LOG_ENTRIES} were dropped`);
  }
  log = orderLog(log);
  return {
    state: { version: PRACTICE_VERSION, cards: Object.fromEntries(cards), log },
    problems,
    changed: problems.length > 0 || unordered,
  };
}

function salvage(problems: string[], read: () => void): void {
  try {
    read();
  } catch (e) {
    problems.push(e instanceof SchemaError ? e.message : String(e));
  }
}

function summarise(problems: readonly string[], one: string, many = `${one}s`): string[] {
  const shown = problems.slice(0, DETAILED_PROBLEMS).map((p) => `a ${one} was dropped: ${p}`);
  const rest = problems.length - shown.length;
  return rest > 0 ? [...shown, `${rest} more ${rest === 1 ? one : many} could not be read and were dropped`] : shown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export { describe };
