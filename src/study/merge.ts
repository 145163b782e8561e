// Merging study states. mergeStates is commutative, associative and idempotent (a join), so any
// two windows or machines that have seen the same changes hold the same state, in whatever order
// the changes reached them:
// - records: per question, the one changed later wins (ties broken by content, the same way everywhere);
// - log: the union of entries by (question id, time), oldest first, the oldest beyond MAX_LOG_ENTRIES dropped;
//   a copy marked revoked (a drill's undo) wins over the live one, so a review taken back stays gone;
// - reset: the later reset wins, and drops every record and review older than it.
import { MAX_LOG_ENTRIES } from './types';
import { changedAt, compareEntries, type LoggedReview, type QuestionRecord, type StudyState } from './schema';

export function mergeStates(a: StudyState, b: StudyState): StudyState {
  if (a === b) {
    return a;
  }
  const resetAt = Math.max(a.resetAt, b.resetAt);
  const questions = new Map<string, QuestionRecord>();
  for (const side of [a, b]) {
    for (const [id, record] of Object.entries(side.questions)) {
      if (record.updatedAt < resetAt) {
        continue;
      }
      const other = questions.get(id);
      questions.set(id, other === undefined || recordWins(record, other) ? record : other);
    }
  }
  return {
    resetAt,
    // fromEntries defines own properties, so an id such as "__proto__" stays data.
    questions: Object.fromEntries(questions),
    log: mergeLogs(a.log, b.log, resetAt),
  };
}

/** Puts a state in its canonical form: records and reviews older than the reset dropped, the log ordered, unique and bounded. */
export function normalize(state: StudyState): StudyState {
  return mergeStates(state, { resetAt: state.resetAt, questions: {}, log: [] });
}

/** True when `a` should replace `b` for the same question. */
export function recordWins(a: QuestionRecord, b: QuestionRecord): boolean {
  if (a.updatedAt !== b.updatedAt) {
    return a.updatedAt > b.updatedAt;
  }
  // The same record read from two places is the common case: no need to order it.
  return a !== b && !sameRecord(a, b) && canonical(a) > canonical(b);
}

function entryWins(a: LoggedReview, b: LoggedReview): boolean {
  // Taking a review back is final: the revoked copy wins over the live one everywhere.
  const va = a.revokedAt ?? 0;
  const vb = b.revokedAt ?? 0;
  if (va !== vb) {
    return va > vb;
  }
  const ra = a.restoredAt ?? 0;
  const rb = b.restoredAt ?? 0;
  if (ra !== rb) {
    return ra > rb;
  }
  return a !== b && !sameEntry(a, b) && canonical(a) > canonical(b);
}

function sameRecord(a: QuestionRecord, b: QuestionRecord): boolean {
  return (
    a.practiced === b.practiced &&
    a.firstPracticedAt === b.firstPracticedAt &&
    a.lastPracticedAt === b.lastPracticedAt &&
    (a.card === b.card || (a.card !== undefined && b.card !== undefined && canonical(a.card) === canonical(b.card)))
  );
}

function sameEntry(a: LoggedReview, b: LoggedReview): boolean {
  return (
    a.questionId === b.questionId &&
    a.at === b.at &&
    a.grade === b.grade &&
    a.durationMs === b.durationMs &&
    a.keyPointCount === b.keyPointCount &&
    a.restoredAt === b.restoredAt &&
    a.revokedAt === b.revokedAt &&
    a.covered.length === b.covered.length &&
    a.covered.every((c, i) => c === b.covered[i])
  );
}

function mergeLogs(a: readonly LoggedReview[], b: readonly LoggedReview[], resetAt: number): LoggedReview[] {
  const sorted = (log: readonly LoggedReview[]) => (isOrdered(log) ? log : [...log].sort(compareEntries));
  const x = sorted(a);
  const y = a === b ? [] : sorted(b);
  const out: LoggedReview[] = [];
  const push = (e: LoggedReview) => {
    if (changedAt(e) < resetAt) {
      return;
    }
    const last = out[out.length - 1];
    if (last !== undefined && compareEntries(last, e) === 0) {
      if (entryWins(e, last)) {
        out[out.length - 1] = e;
      }
      return;
    }
    out.push(e);
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (j >= y.length || (i < x.length && compareEntries(x[i], y[j]) <= 0)) {
      push(x[i++]);
    } else {
      push(y[j++]);
    }
  }
  return out.length > MAX_LOG_ENTRIES ? out.slice(out.length - MAX_LOG_ENTRIES) : out;
}

function isOrdered(log: readonly LoggedReview[]): boolean {
  for (let i = 1; i < log.length; i++) {
    if (compareEntries(log[i - 1], log[i]) > 0) {
      return false;
    }
  }
  return true;
}

/**
 * An import's contribution, merged so that it only adds: the file's records and reviews join the
 * local ones as in mergeStates, except that what is older than the local reset is restored rather
 * than dropped (a backup taken before a reset brings everything back). Restored records are
 * re-stamped `now`; restored reviews keep their time and get `restoredAt: now`, so other machines
 * that saw the reset keep them too.
 */
export function importInto(local: StudyState, incoming: StudyState, now: number): StudyState {
  const resetAt = local.resetAt;
  const questions: Record<string, QuestionRecord> = {};
  for (const [id, record] of Object.entries(incoming.questions)) {
    if (record.updatedAt >= resetAt) {
      questions[id] = record;
    } else if (!Object.hasOwn(local.questions, id)) {
      questions[id] = { ...record, updatedAt: Math.max(now, resetAt) };
    }
  }
  const log = incoming.log.map((e) => (changedAt(e) >= resetAt ? e : { ...e, restoredAt: Math.max(now, resetAt) }));
  return mergeStates(local, { resetAt, questions: Object.fromEntries(Object.entries(questions)), log });
}

/** Ids whose record or reviews differ between two states, in no particular order. */
export function changedIds(before: StudyState, after: StudyState): string[] {
  if (before === after) {
    return [];
  }
  const ids = new Set<string>();
  for (const [id, record] of Object.entries(after.questions)) {
    const old = Object.hasOwn(before.questions, id) ? before.questions[id] : undefined;
    if (old !== record && (old === undefined || old.updatedAt !== record.updatedAt || !sameRecord(old, record))) {
      ids.add(id);
    }
  }
  for (const id of Object.keys(before.questions)) {
    if (!Object.hasOwn(after.questions, id)) {
      ids.add(id);
    }
  }
  // Both logs are ordered: one walk finds the entries on one side only, or different.
  const x = before.log;
  const y = after.log;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const order = i >= x.length ? 1 : j >= y.length ? -1 : compareEntries(x[i], y[j]);
    if (order < 0) {
      ids.add(x[i++].questionId);
    } else if (order > 0) {
      ids.add(y[j++].questionId);
    } else {
      if (x[i] !== y[j] && !sameEntry(x[i], y[j])) {
        ids.add(y[j].questionId);
      }
      i++;
      j++;
    }
  }
  return [...ids];
}

/** JSON with keys in a fixed order, so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : v,
  );
}
