// How the study state is kept in globalState: a compact encoding (short keys, tuples) shared by
// the local value, which holds everything, and the synced value, a bounded part of it for Settings
// Sync. Reading salvages every record and review that passes the schema's checks. Never throws.
import type { CardState } from './types';
import { MAX_LOG_ENTRIES } from './types';
import { normalize } from './merge';
import {
  changedAt,
  checkCard,
  checkEntry,
  checkQuestionId,
  checkRecord,
  checkResetAt,
  describe,
  emptyState,
  SchemaError,
  STUDY_VERSION,
  type LoggedReview,
  type QuestionRecord,
  type StudyState,
} from './schema';

/** The synced value stays at most this many bytes of JSON (UTF-8). */
export const SYNC_MAX_BYTES = 100 * 1024;
/** The synced value carries at most this many of the latest reviews: enough for what another machine has not seen yet. */
export const SYNC_LOG_ENTRIES = 300;

type CardTuple = [number, number, number, number, number, number, number, number, number] | [number, number, number, number, number, number, number, number, number, number];
interface StoredRecord {
  p: 0 | 1;
  u: number;
  f?: number;
  l?: number;
  c?: CardTuple;
}
type LogTuple =
  | [string, number, number, number, number[], number]
  | [string, number, number, number, number[], number, number]
  | [string, number, number, number, number[], number, number | null, number];

export interface StoredValue {
  version: typeof STUDY_VERSION;
  resetAt: number;
  questions: Record<string, StoredRecord>;
  log: LogTuple[];
}

function encodeCard(c: CardState): CardTuple {
  const base: [number, number, number, number, number, number, number, number, number] = [
    c.due,
    c.stability,
    c.difficulty,
    c.elapsedDays,
    c.scheduledDays,
    c.learningSteps,
    c.reps,
    c.lapses,
    c.state,
  ];
  return c.lastReview === undefined ? base : [...base, c.lastReview];
}

function encodeRecord(r: QuestionRecord): StoredRecord {
  return {
    p: r.practiced ? 1 : 0,
    u: r.updatedAt,
    ...(r.firstPracticedAt !== undefined && { f: r.firstPracticedAt }),
    ...(r.lastPracticedAt !== undefined && { l: r.lastPracticedAt }),
    ...(r.card !== undefined && { c: encodeCard(r.card) }),
  };
}

function encodeEntry(e: LoggedReview): LogTuple {
  const base: LogTuple = [e.questionId, e.at, e.grade, e.durationMs, [...e.covered], e.keyPointCount];
  if (e.revokedAt !== undefined) {
    return [...base, e.restoredAt ?? null, e.revokedAt];
  }
  return e.restoredAt === undefined ? base : [...base, e.restoredAt];
}

const byId = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** Everything, for the local (not synced) value. */
export function encodeLocal(state: StudyState): StoredValue {
  return {
    version: STUDY_VERSION,
    resetAt: state.resetAt,
    questions: Object.fromEntries(Object.entries(state.questions).sort(byId).map(([id, r]) => [id, encodeRecord(r)])),
    log: state.log.map(encodeEntry),
  };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The part another machine needs, at most SYNC_MAX_BYTES: every record while they fit (the most
 * recently changed first), then the latest reviews (by when they were given or restored) up to
 * SYNC_LOG_ENTRIES. What does not fit stays in the local value only.
 */
export function encodeSynced(state: StudyState, maxBytes = SYNC_MAX_BYTES): StoredValue {
  let used = bytes({ version: STUDY_VERSION, resetAt: state.resetAt, questions: {}, log: [] });
  const records: [string, StoredRecord][] = [];
  const newestFirst = Object.entries(state.questions).sort(([a, x], [b, y]) => y.updatedAt - x.updatedAt || (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, record] of newestFirst) {
    const encoded = encodeRecord(record);
    const size = bytes(id) + 1 + bytes(encoded) + 1;
    if (used + size > maxBytes) {
      break;
    }
    used += size;
    records.push([id, encoded]);
  }
  const recent = [...state.log].sort((a, b) => changedAt(b) - changedAt(a) || b.at - a.at || (a.questionId < b.questionId ? 1 : -1));
  const log: LoggedReview[] = [];
  for (const entry of recent.slice(0, SYNC_LOG_ENTRIES)) {
    const size = bytes(encodeEntry(entry)) + 1;
    if (used + size > maxBytes) {
      break;
    }
    used += size;
    log.push(entry);
  }
  return {
    version: STUDY_VERSION,
    resetAt: state.resetAt,
    questions: Object.fromEntries(records.sort(byId)),
    log: log.reverse().map(encodeEntry),
  };
}

export interface DecodeResult {
  readonly state: StudyState;
  /** Plain-language problems; empty when the value was sound. */
  readonly problems: readonly string[];
  /** The value's version when it is newer than this extension understands: leave it untouched. */
  readonly newerVersion?: number;
  /** True when the value differs from its canonical form and should be rewritten. */
  readonly changed: boolean;
}

/** How many unreadable records or reviews are described one by one before the rest are counted. */
const DETAILED_PROBLEMS = 5;

export function decodeStored(raw: unknown): DecodeResult {
  if (raw === undefined || raw === null) {
    return { state: emptyState(), problems: [], changed: false };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { state: emptyState(), problems: [`expected an object, found ${describe(raw)}`], changed: true };
  }
  const value = raw as Record<string, unknown>;
  const problems: string[] = [];
  let newerVersion: number | undefined;
  if (typeof value.version === 'number' && value.version > STUDY_VERSION) {
    newerVersion = value.version;
  } else if (value.version !== STUDY_VERSION) {
    problems.push(`unknown schema version ${describe(value.version)}`);
  }
  let resetAt = 0;
  try {
    resetAt = checkResetAt(value.resetAt, 'resetAt');
  } catch (e) {
    problems.push(`${message(e)}; it was read as "never reset"`);
  }

  const questions: [string, QuestionRecord][] = [];
  const recordProblems: string[] = [];
  if (isPlainObject(value.questions)) {
    for (const [id, stored] of Object.entries(value.questions)) {
      salvage(recordProblems, () => {
        const path = `questions[${JSON.stringify(id.length > 60 ? id.slice(0, 60) + '...' : id)}]`;
        checkQuestionId(id, `the id of ${path}`);
        questions.push([id, checkRecord(decodeRecord(stored, path), path)]);
      });
    }
  } else {
    problems.push(`"questions" should be an object, found ${describe(value.questions)}; no mark or card could be read`);
  }
  problems.push(...summarize(recordProblems, 'question record'));

  const log: LoggedReview[] = [];
  const logProblems: string[] = [];
  if (Array.isArray(value.log)) {
    value.log.forEach((tuple, i) => salvage(logProblems, () => log.push(checkEntry(decodeEntry(tuple, `log[${i}]`), `log[${i}]`))));
  } else {
    problems.push(`"log" should be a list, found ${describe(value.log)}; no review could be read`);
  }
  problems.push(...summarize(logProblems, 'review'));
  if (log.length > MAX_LOG_ENTRIES) {
    problems.push(`the log had ${log.length} reviews; the oldest ${log.length - MAX_LOG_ENTRIES} were dropped`);
  }

  const read: StudyState = { resetAt, questions: Object.fromEntries(questions), log };
  const state = normalize(read);
  const changed = problems.length > 0 || state.log.length !== log.length || state.log.some((e, i) => e !== log[i]) || Object.keys(state.questions).length !== questions.length;
  return { state, problems, changed, ...(newerVersion !== undefined && { newerVersion }) };
}

function decodeRecord(value: unknown, path: string): unknown {
  if (!isPlainObject(value)) {
    throw new SchemaError(`${path} must be an object (found ${describe(value)})`);
  }
  const p = value.p;
  if (p !== 0 && p !== 1) {
    throw new SchemaError(`${path}.p (practiced) must be 0 or 1 (found ${describe(p)})`);
  }
  return {
    practiced: p === 1,
    updatedAt: value.u,
    firstPracticedAt: value.f,
    lastPracticedAt: value.l,
    card: value.c === undefined ? undefined : decodeCard(value.c, `${path}.card`),
  };
}

function decodeCard(value: unknown, path: string): unknown {
  if (!Array.isArray(value) || (value.length !== 9 && value.length !== 10)) {
    throw new SchemaError(`${path} must be a list of 9 or 10 numbers (found ${describe(value)})`);
  }
  const [due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview] = value as unknown[];
  const card = { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
  // Checked here too, so the message names the card's fields.
  return checkCard(card, path);
}

function decodeEntry(value: unknown, path: string): unknown {
  if (!Array.isArray(value) || value.length < 6 || value.length > 8) {
    throw new SchemaError(`${path} must be a list of 6 to 8 fields (found ${describe(value)})`);
  }
  const [questionId, at, grade, durationMs, covered, keyPointCount, restoredAt, revokedAt] = value as unknown[];
  // A revoked entry without a restore time holds null in that place.
  return { questionId, at, grade, durationMs, covered, keyPointCount, restoredAt: restoredAt ?? undefined, revokedAt };
}

function salvage(problems: string[], read: () => void): void {
  try {
    read();
  } catch (e) {
    problems.push(message(e));
  }
}

function message(e: unknown): string {
  return e instanceof SchemaError ? e.message : String(e);
}

function summarize(problems: readonly string[], one: string): string[] {
  const shown = problems.slice(0, DETAILED_PROBLEMS).map((p) => `a ${one} was dropped: ${p}`);
  const rest = problems.length - shown.length;
  return rest > 0 ? [...shown, `${rest} more ${one}${rest === 1 ? '' : 's'} could not be read and were dropped`] : shown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
