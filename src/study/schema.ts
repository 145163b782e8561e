// The study state (practiced marks, FSRS cards, review log) and the one set of rules every copy of
// it obeys: what the store writes, what an export holds and what an import accepts are checked by
// the same functions with the same time window and id length, so an export can always be imported.
import { default_maximum_interval, S_MAX, S_MIN } from 'ts-fsrs';
import type { CardState, Grade, ReviewEntry } from './types';
import { MAX_LOG_ENTRIES } from './types';
import { describeValue as describe } from '../util/describeValue';

export { describe };

/** One schema version for the synced and the local stored value. */
export const STUDY_VERSION = 1;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Times outside this window are not real times of this extension's use. It does not depend on the
 * clock of the machine that reads a value, so a review stamped by a machine whose clock was off (2019,
 * or a few days ahead) is accepted everywhere. The store's own clock is clamped into it.
 */
export const TIME_WINDOW = { earliest: Date.UTC(2000, 0, 1), latest: Date.UTC(2100, 0, 1) } as const;
/** Due dates may run FSRS's longest interval beyond the latest review time. */
const DUE_LATEST = TIME_WINDOW.latest + (default_maximum_interval + 1) * DAY_MS;
/** Question ids of user content may be this long (the webview protocol allows the same). */
export const MAX_ID_LENGTH = 240;
/** Questions have 4 to 8 key points today; the headroom allows for longer ones later. */
export const MAX_KEY_POINTS = 50;
/** A drill left open over a weekend is not an error; longer durations are stored as this. */
export const MAX_DURATION_MS = DAY_MS;
/** Generous bounds that no real card reaches; they only keep absurd numbers out. */
const MAX_COUNT = 1_000_000;
const MAX_DAYS = 1_000_000;

/**
 * What the store keeps about one question. "Practiced" is this record's flag, and only a practiced
 * question has a card: un-ticking a question clears the mark and takes it out of review (the card
 * goes; the review log keeps its history).
 */
export interface QuestionRecord {
  readonly practiced: boolean;
  /** When this record last changed, on the clock of the machine that changed it: the newer record wins a merge. */
  readonly updatedAt: number;
  /** The first time the question was marked practiced. */
  readonly firstPracticedAt?: number;
  /** The latest time it was marked practiced or graded. */
  readonly lastPracticedAt?: number;
  readonly card?: CardState;
}

/**
 * A review-log entry as stored: `restoredAt` is set when an import brought it back after a reset;
 * `revokedAt` when a drill's undo took it back. A revoked entry stays in the log as a marker, so a
 * window that still holds the review drops it on its next merge instead of writing it back.
 */
export interface LoggedReview extends ReviewEntry {
  readonly restoredAt?: number;
  readonly revokedAt?: number;
}

/** The reviews that count: those not taken back. */
export const liveReviews = (log: readonly LoggedReview[]): LoggedReview[] => log.filter((e) => e.revokedAt === undefined);

export interface StudyState {
  /** The latest reset anywhere (0: never). Records changed and reviews given before it are dropped on every machine. */
  readonly resetAt: number;
  /** Keyed by question id; ids the catalog does not know (yet) are kept. */
  readonly questions: Readonly<Record<string, QuestionRecord>>;
  /** Oldest first (by time, then question id), one entry per question and time, at most MAX_LOG_ENTRIES. */
  readonly log: readonly LoggedReview[];
}

export const emptyState = (): StudyState => ({ resetAt: 0, questions: {}, log: [] });

/** A field that does not match the schema; the message starts with the field's path. */
export class SchemaError extends Error {}

/**
 * Records and reviews that checkRecord or checkEntry returned. They are never changed afterwards,
 * so validateState need not check them again: each item is checked once, by the same rules.
 */
const checked = new WeakSet<object>();

export function clampTime(ms: number): number {
  if (!Number.isFinite(ms)) {
    return TIME_WINDOW.earliest;
  }
  return Math.min(TIME_WINDOW.latest, Math.max(TIME_WINDOW.earliest, Math.round(ms)));
}

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

export function checkTime(value: unknown, path: string, latest: number = TIME_WINDOW.latest): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < TIME_WINDOW.earliest || value > latest) {
    throw new SchemaError(
      `${path} must be a time in milliseconds between ${day(TIME_WINDOW.earliest)} and ${day(latest)} (found ${describe(value)})`,
    );
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

function checkBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') {
    throw new SchemaError(`${path} must be true or false (found ${describe(value)})`);
  }
  return value;
}

/** One FSRS card; its due date may run FSRS's longest interval beyond the time window. */
export function checkCard(value: unknown, path: string): CardState {
  const c = checkObject(value, path);
  const state = c.state;
  if (state !== 0 && state !== 1 && state !== 2 && state !== 3) {
    throw new SchemaError(`${path}.state must be 0, 1, 2 or 3 (found ${describe(state)})`);
  }
  // ts-fsrs gives every reviewed card a stability of at least S_MIN and a difficulty from 1 to 10;
  // only a new card has zeros, and a reviewed card with them would schedule nonsense.
  const reviewed = state !== 0;
  const card: CardState = {
    due: checkTime(c.due, `${path}.due`, DUE_LATEST),
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
  return { ...card, lastReview: checkTime(c.lastReview, `${path}.lastReview`) };
}

/** One review-log entry. */
export function checkEntry(value: unknown, path: string): LoggedReview {
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
  const entry: LoggedReview = {
    questionId: checkQuestionId(e.questionId, `${path}.questionId`),
    at: checkTime(e.at, `${path}.at`),
    grade: checkGrade(e.grade, `${path}.grade`),
    durationMs: checkNumber(e.durationMs, `${path}.durationMs`, 0, MAX_DURATION_MS),
    covered: Object.freeze(covered),
    keyPointCount,
  };
  return remember({
    ...entry,
    ...(e.restoredAt !== undefined && { restoredAt: checkTime(e.restoredAt, `${path}.restoredAt`) }),
    ...(e.revokedAt !== undefined && { revokedAt: checkTime(e.revokedAt, `${path}.revokedAt`) }),
  });
}

/** Marks a checked item so it is not checked again; frozen, so it cannot change after its check. */
function remember<T extends object>(item: T): T {
  checked.add(Object.freeze(item));
  return item;
}

/** One question's record. */
export function checkRecord(value: unknown, path: string): QuestionRecord {
  const r = checkObject(value, path);
  const practiced = checkBoolean(r.practiced, `${path}.practiced`);
  const record: QuestionRecord = {
    practiced,
    updatedAt: checkTime(r.updatedAt, `${path}.updatedAt`),
    ...(r.firstPracticedAt !== undefined && { firstPracticedAt: checkTime(r.firstPracticedAt, `${path}.firstPracticedAt`) }),
    ...(r.lastPracticedAt !== undefined && { lastPracticedAt: checkTime(r.lastPracticedAt, `${path}.lastPracticedAt`) }),
  };
  if (r.card === undefined) {
    return remember(record);
  }
  if (!practiced) {
    throw new SchemaError(`${path}.card must be absent for a question not practiced (un-ticking a question takes it out of review)`);
  }
  return remember({ ...record, card: Object.freeze(checkCard(r.card, `${path}.card`)) });
}

export function checkResetAt(value: unknown, path: string): number {
  return value === 0 || value === undefined ? 0 : checkTime(value, path);
}

/** The time an entry last changed: its review, or its restoring by an import. */
export const changedAt = (e: LoggedReview): number => Math.max(e.at, e.restoredAt ?? 0, e.revokedAt ?? 0);

/** Log order: by time, then question id (a total order, as entries are unique by question and time). */
export function compareEntries(a: ReviewEntry, b: ReviewEntry): number {
  return a.at - b.at || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);
}

/**
 * The one validation of a whole state, used before every write, for an export and for an import's
 * merged result. Returns the problems found (at most `limit`), each naming its field; none means valid.
 */
export function validateState(state: StudyState, limit = 5): string[] {
  const problems: string[] = [];
  const check = (fn: () => void) => {
    if (problems.length >= limit) {
      return;
    }
    try {
      fn();
    } catch (e) {
      problems.push(e instanceof SchemaError ? e.message : String(e));
    }
  };
  check(() => checkObject(state, 'the state'));
  if (problems.length > 0) {
    return problems;
  }
  let resetAt = 0;
  check(() => (resetAt = checkResetAt(state.resetAt, 'resetAt')));
  check(() => checkObject(state.questions, 'questions'));
  check(() => checkList(state.log, 'log', MAX_LOG_ENTRIES));
  if (problems.length > 0) {
    return problems;
  }
  for (const [id, record] of Object.entries(state.questions)) {
    const path = `questions[${JSON.stringify(id)}]`;
    check(() => {
      checkQuestionId(id, `the id of ${path}`);
      const r = checked.has(record) ? record : (checkRecord(record, path), remember(record));
      if (r.updatedAt < resetAt) {
        throw new SchemaError(`${path}.updatedAt is before the reset at ${new Date(resetAt).toISOString()}`);
      }
    });
  }
  let previous: LoggedReview | undefined;
  state.log.forEach((entry, i) => {
    check(() => {
      const e = checked.has(entry) ? entry : (checkEntry(entry, `log[${i}]`), remember(entry));
      if (changedAt(e) < resetAt) {
        throw new SchemaError(`log[${i}] is from before the reset at ${new Date(resetAt).toISOString()}`);
      }
      if (previous && compareEntries(previous, e) >= 0) {
        throw new SchemaError(`log[${i}] must come after log[${i - 1}] (oldest first, one entry per question and time)`);
      }
      previous = e;
    });
  });
  return problems;
}

export function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
