// The stored values and export files of earlier versions, read into the study state so that an
// update loses nothing: the practiced marks ("mlPrep.progress", versions 1 and 2), the cards and
// review log ("mlPrep.practice", version 1) and version-1 export files, which held both.
// Times the old stores accepted from a wrong clock are moved into the time window, never dropped.
import type { CardState } from './types';
import { canonical, normalize } from './merge';
import {
  checkCard,
  checkEntry,
  checkObject,
  checkQuestionId,
  clampTime,
  compareEntries,
  describe,
  MAX_DURATION_MS,
  SchemaError,
  TIME_WINDOW,
  type LoggedReview,
  type QuestionRecord,
  type StudyState,
} from './schema';

export const LEGACY_PROGRESS_KEY = 'mlPrep.progress';
export const LEGACY_PRACTICE_KEY = 'mlPrep.practice';
export const LEGACY_BACKUP_KEYS = ['mlPrep.progress.backup', 'mlPrep.practice.backup'] as const;
export const LEGACY_PROGRESS_VERSION = 2;
export const LEGACY_PRACTICE_VERSION = 1;

interface LegacyMark {
  readonly practiced: boolean;
  readonly firstPracticedAt?: number;
  readonly lastPracticedAt?: number;
}

export interface LegacyRead {
  readonly state: StudyState;
  readonly problems: readonly string[];
  /** Set when a value says it is from a newer version than any this extension knows. */
  readonly newerVersion?: number;
}

type Mode = 'salvage' | 'strict';

/**
 * Reads both old stored values (either may be undefined) into one state. In 'salvage' mode every
 * readable entry is kept and each problem reported; in 'strict' mode (an old export file) the first
 * problem throws a SchemaError naming its field.
 */
export function readLegacy(progressRaw: unknown, practiceRaw: unknown, mode: Mode = 'salvage', paths = { progress: 'progress', practice: 'practice' }): LegacyRead {
  const problems: string[] = [];
  const keep = (fn: () => void) => {
    if (mode === 'strict') {
      fn();
      return;
    }
    try {
      fn();
    } catch (e) {
      problems.push(e instanceof SchemaError ? e.message : String(e));
    }
  };
  let newerVersion: number | undefined;
  const marks = new Map<string, LegacyMark>();
  if (progressRaw !== undefined && progressRaw !== null) {
    keep(() => {
      const value = checkObject(progressRaw, paths.progress);
      if (typeof value.version === 'number' && value.version > LEGACY_PROGRESS_VERSION) {
        newerVersion = value.version;
        return;
      }
      if (value.version === 1) {
        const list = value.practiced;
        if (!Array.isArray(list)) {
          throw new SchemaError(`${paths.progress}.practiced must be a list (found ${describe(list)})`);
        }
        list.forEach((id, i) =>
          keep(() => {
            if (typeof id !== 'string' || id === '') {
              throw new SchemaError(`${paths.progress}.practiced[${i}] must be a question id (found ${describe(id)})`);
            }
            marks.set(id, { practiced: true });
          }),
        );
        return;
      }
      if (value.version !== LEGACY_PROGRESS_VERSION) {
        throw new SchemaError(`${paths.progress}.version must be 1 or 2 (found ${describe(value.version)})`);
      }
      for (const [id, entry] of Object.entries(checkObject(value.questions, `${paths.progress}.questions`))) {
        keep(() => marks.set(id, readMark(entry, `${paths.progress}.questions[${JSON.stringify(id)}]`, mode)));
      }
    });
  }
  const cards = new Map<string, CardState>();
  const found: { entry: LoggedReview; original: unknown }[] = [];
  if (practiceRaw !== undefined && practiceRaw !== null) {
    keep(() => {
      const value = checkObject(practiceRaw, paths.practice);
      if (typeof value.version === 'number' && value.version > LEGACY_PRACTICE_VERSION) {
        newerVersion = Math.max(newerVersion ?? 0, value.version);
        return;
      }
      if (value.version !== LEGACY_PRACTICE_VERSION) {
        throw new SchemaError(`${paths.practice}.version must be 1 (found ${describe(value.version)})`);
      }
      for (const [id, card] of Object.entries(checkObject(value.cards, `${paths.practice}.cards`))) {
        keep(() => cards.set(id, checkCard(clampCardTimes(card), `${paths.practice}.cards[${JSON.stringify(id)}]`)));
      }
      const entries = value.log;
      if (!Array.isArray(entries)) {
        throw new SchemaError(`${paths.practice}.log must be a list (found ${describe(entries)})`);
      }
      entries.forEach((entry, i) => keep(() => found.push({ entry: checkEntry(clampEntry(entry), `${paths.practice}.log[${i}]`), original: entry })));
    });
  }
  const log = spreadCollisions(found);

  const questions = new Map<string, QuestionRecord>();
  for (const id of new Set([...marks.keys(), ...cards.keys()])) {
    keep(() => {
      checkQuestionId(id, 'a question id');
      questions.set(id, recordOf(marks.get(id), cards.get(id)));
    });
  }
  return { state: normalize({ resetAt: 0, questions: Object.fromEntries(questions), log }), problems, ...(newerVersion !== undefined && { newerVersion }) };
}

/**
 * One record from an old mark and card. A graded question was always marked practiced; a card
 * beside a mark that says "not practiced" means the question was un-ticked after its last grade,
 * which now takes it out of review (its reviews stay in the log).
 */
function recordOf(mark: LegacyMark | undefined, card: CardState | undefined): QuestionRecord {
  const practiced = mark ? mark.practiced : card !== undefined;
  const times = [mark?.lastPracticedAt, mark?.firstPracticedAt, card?.lastReview].filter((t): t is number => t !== undefined);
  const first = mark?.firstPracticedAt ?? (mark === undefined ? card?.lastReview : undefined);
  const last = mark?.lastPracticedAt ?? (mark === undefined ? card?.lastReview : undefined);
  return {
    practiced,
    updatedAt: times.length > 0 ? Math.max(...times) : TIME_WINDOW.earliest,
    ...(first !== undefined && { firstPracticedAt: first }),
    ...(last !== undefined && { lastPracticedAt: last }),
    ...(practiced && card !== undefined && { card }),
  };
}

function readMark(entry: unknown, path: string, mode: Mode): LegacyMark {
  const e = checkObject(entry, path);
  if (typeof e.practiced !== 'boolean') {
    throw new SchemaError(`${path}.practiced must be true or false (found ${describe(e.practiced)})`);
  }
  const time = (v: unknown, field: string): number | undefined => {
    if (v === undefined) {
      return undefined;
    }
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
      return clampTime(v);
    }
    if (mode === 'strict') {
      throw new SchemaError(`${path}.${field} must be a time in milliseconds (found ${describe(v)})`);
    }
    return undefined; // An unreadable time of a mark is dropped; the mark is kept.
  };
  const first = time(e.firstPracticedAt, 'firstPracticedAt');
  const last = time(e.lastPracticedAt, 'lastPracticedAt');
  return { practiced: e.practiced, ...(first !== undefined && { firstPracticedAt: first }), ...(last !== undefined && { lastPracticedAt: last }) };
}

/** Moves a card's times into the window when they are numbers; anything else is left for the check to name. */
function clampCardTimes(card: unknown): unknown {
  if (typeof card !== 'object' || card === null || Array.isArray(card)) {
    return card;
  }
  const c = card as Record<string, unknown>;
  const clamp = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v < TIME_WINDOW.earliest ? TIME_WINDOW.earliest : v);
  return { ...c, due: clamp(c.due), ...(c.lastReview !== undefined && { lastReview: typeof c.lastReview === 'number' && Number.isInteger(c.lastReview) ? clampTime(c.lastReview) : c.lastReview }) };
}

function clampEntry(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return entry;
  }
  const e = entry as Record<string, unknown>;
  return {
    ...e,
    at: typeof e.at === 'number' && Number.isInteger(e.at) ? clampTime(e.at) : e.at,
    // The old store capped durations at a day; an old export could still hold a longer one.
    durationMs: typeof e.durationMs === 'number' && e.durationMs > MAX_DURATION_MS ? MAX_DURATION_MS : e.durationMs,
    covered: Array.isArray(e.covered) ? [...e.covered].sort((a, b) => Number(a) - Number(b)) : e.covered,
  };
}

/**
 * Different reviews that clamping (or an old import) put on the same question and millisecond are
 * moved a millisecond apart rather than merged into one; exact copies are kept once.
 */
function spreadCollisions(found: readonly { entry: LoggedReview; original: unknown }[]): LoggedReview[] {
  const sorted = [...found].sort((a, b) => compareEntries(a.entry, b.entry));
  const taken = new Map<string, string>();
  const out: LoggedReview[] = [];
  for (const { entry: e, original } of sorted) {
    // Compared as found, before its time was moved into the window.
    const content = canonical(original);
    let at = e.at;
    let key = `${at}\u0000${e.questionId}`;
    while (taken.has(key) && taken.get(key) !== content && at < TIME_WINDOW.latest) {
      at++;
      key = `${at}\u0000${e.questionId}`;
    }
    if (taken.get(key) === content) {
      continue;
    }
    taken.set(key, content);
    out.push(at === e.at ? e : { ...e, at });
  }
  return out;
}
