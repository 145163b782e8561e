// The one store of study data: practiced marks, FSRS cards and the review log, over globalState.
//
// Two values: the local one ("mlPrep.study.local", not synced) holds everything; the synced one
// ("mlPrep.study", registered with setKeysForSync) holds the part another machine needs, at most
// 100 KB. Every window of a profile shares both, so every write is read-merge-write through one
// queue: read what is stored now, merge it into what this window knows, apply the change, check the
// result with the schema's one validation, and write both values. Merging is a join (see merge.ts),
// so no window or machine ever writes over what another one added.
import { SerialQueue } from '../util/writeQueue';
import { Emitter, type Event } from '../util/event';
import type { MementoLike } from '../util/memento';
import { reviewCard } from './scheduler';
import type { CardState, Grade, ReviewEntry } from './types';
import type { BackupSink } from './backups';
import { LEGACY_BACKUP_KEYS, LEGACY_PRACTICE_KEY, LEGACY_PROGRESS_KEY, readLegacy } from './legacy';
import { changedIds, importInto, mergeStates, normalize } from './merge';
import {
  changedAt,
  checkEntry,
  checkQuestionId,
  clampTime,
  emptyState,
  MAX_DURATION_MS,
  SchemaError,
  TIME_WINDOW,
  liveReviews,
  validateState,
  type QuestionRecord,
  type StudyState,
} from './schema';
import { decodeStored, encodeLocal, encodeSynced, type DecodeResult } from './storedValue';

export const STUDY_SYNC_KEY = 'mlPrep.study';
export const STUDY_LOCAL_KEY = 'mlPrep.study.local';

export interface StudyChange {
  /** Question ids whose mark, card or reviews changed. */
  readonly ids: readonly string[];
}

export interface RecordInput {
  readonly questionId: string;
  readonly grade: Grade;
  readonly durationMs: number;
  readonly covered: readonly number[];
  readonly keyPointCount: number;
  /** Epoch milliseconds of the grade; defaults to the store's clock. */
  readonly at?: number;
}

/** A review as recordReview logged it, with the question's record before and after. */
export interface RecordedReview {
  readonly card: CardState;
  readonly questionId: string;
  /** The logged review's time: with the id, its key in the log. */
  readonly at: number;
  readonly before: QuestionRecord | undefined;
  readonly after: QuestionRecord;
}

export interface LoadResult {
  /** Plain-language problems found in what was stored; empty when it was sound. */
  readonly problems: readonly string[];
  /** Set when the stored data is from a newer version: the store then never writes. */
  readonly readOnly?: string;
}

export interface ImportSummary {
  /** Questions whose mark or card the import adds or replaces. */
  readonly questions: number;
  /** Reviews the import adds to the log. */
  readonly reviews: number;
}

/** A write refused because the stored data is from a newer version of the extension. */
export class ReadOnlyError extends Error {}

export interface StudyStoreOptions {
  readonly memento: MementoLike;
  /** Where copies of damaged or migrated values go before anything is rewritten. */
  readonly backups: BackupSink;
  readonly now?: () => number;
  /** Whether an id is a question of the current catalog; due lists leave other ids out. */
  readonly isQuestion?: (id: string) => boolean;
}

export class StudyStore {
  private current: StudyState = emptyState();
  private readOnlyMessage: string | undefined;
  /** The stored values this window has merged (by reference): read again only when they change. */
  private seen: { local: unknown; sync: unknown } = { local: undefined, sync: undefined };
  private readonly queue = new SerialQueue();
  private readonly changeEmitter = new Emitter<StudyChange>();
  readonly onDidChange: Event<StudyChange> = this.changeEmitter.event;
  private readonly readOnlyEmitter = new Emitter<string>();
  /** Fires with the reason when the store turns read-only after start-up, and when it refuses a write for it. */
  readonly onReadOnly: Event<string> = this.readOnlyEmitter.event;
  private historyCache: { state: StudyState; cards: Record<string, CardState>; log: readonly ReviewEntry[] } | undefined;

  constructor(private readonly options: StudyStoreOptions) {}

  private clock(): number {
    return clampTime((this.options.now ?? Date.now)());
  }

  // Reading

  get state(): StudyState {
    return this.current;
  }

  /** Why the store does not write, or undefined when it does. */
  get readOnly(): string | undefined {
    return this.readOnlyMessage;
  }

  get(id: string): QuestionRecord | undefined {
    return Object.hasOwn(this.current.questions, id) ? this.current.questions[id] : undefined;
  }

  isPracticed(id: string): boolean {
    return this.get(id)?.practiced === true;
  }

  countPracticed(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) {
      if (this.isPracticed(id)) {
        n++;
      }
    }
    return n;
  }

  card(id: string): CardState | undefined {
    return this.get(id)?.card;
  }

  /** Cards by question id and the review log, for the dashboard. */
  history(): { readonly cards: Readonly<Record<string, CardState>>; readonly log: readonly ReviewEntry[] } {
    if (this.historyCache?.state !== this.current) {
      const cards: Record<string, CardState> = {};
      for (const [id, record] of Object.entries(this.current.questions)) {
        if (record.card) {
          Object.defineProperty(cards, id, { value: record.card, enumerable: true, writable: true, configurable: true });
        }
      }
      this.historyCache = { state: this.current, cards, log: liveReviews(this.current.log) };
    }
    return { cards: this.historyCache.cards, log: this.historyCache.log };
  }

  /**
   * The questions due for review today: cards due by the end of the local day (a card failed a
   * minute ago is back today), of questions the catalog has, the longest overdue first. The tree,
   * the status bar, the dashboard and the review drill all count these.
   */
  dueToday(now: number = Date.now()): string[] {
    const end = new Date(now);
    end.setHours(23, 59, 59, 999);
    const until = end.getTime();
    const isQuestion = this.options.isQuestion ?? (() => true);
    return Object.entries(this.current.questions)
      .filter((entry): entry is [string, QuestionRecord & { card: CardState }] => entry[1].card !== undefined && entry[1].card.due <= until && isQuestion(entry[0]))
      .sort(([a, x], [b, y]) => x.card.due - y.card.due || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id]) => id);
  }

  // Loading and refreshing

  /**
   * Reads what is stored, migrating the old marks and practice values. A damaged value is backed up
   * and what could be salvaged is stored, with the problems returned so the caller can tell the user
   * once; a value from a newer version is left untouched and the store turns read-only. Never throws.
   */
  load(): Promise<LoadResult> {
    return this.queue.run(async () => {
      const m = this.options.memento;
      let raw: { local: unknown; sync: unknown; progress: unknown; practice: unknown; oldBackups: [string, unknown][] };
      try {
        raw = {
          local: m.get(STUDY_LOCAL_KEY),
          sync: m.get(STUDY_SYNC_KEY),
          progress: m.get(LEGACY_PROGRESS_KEY),
          practice: m.get(LEGACY_PRACTICE_KEY),
          oldBackups: LEGACY_BACKUP_KEYS.map((k): [string, unknown] => [k, m.get(k)]).filter(([, v]) => v !== undefined),
        };
      } catch (e) {
        return { problems: [`the stored study data could not be read (${String(e)})`] };
      }
      const local = decodeStored(raw.local);
      const sync = decodeStored(raw.sync);
      const hasLegacy = raw.progress !== undefined || raw.practice !== undefined;
      const legacy = hasLegacy ? readLegacy(raw.progress, raw.practice) : undefined;
      const parts = [local.state, sync.state, ...(legacy ? [legacy.state] : [])];
      const merged = parts.reduce(mergeStates, this.current);
      this.seen = { local: raw.local, sync: raw.sync };

      const newer = local.newerVersion ?? sync.newerVersion ?? legacy?.newerVersion;
      if (newer !== undefined) {
        this.readOnlyMessage = readOnlyMessage(newer);
        this.setState(merged);
        return { problems: [], readOnly: this.readOnlyMessage };
      }

      const problems = [
        ...local.problems.map((p) => `study data on this machine: ${p}`),
        ...sync.problems.map((p) => `synced study data: ${p}`),
        ...(legacy?.problems ?? []).map((p) => `earlier practice data: ${p}`),
      ];
      this.setState(merged);
      try {
        const savedAt = this.clock();
        if (local.problems.length > 0) {
          await this.options.backups.save('unreadable', { savedAt, key: STUDY_LOCAL_KEY, problems: local.problems, value: raw.local });
        }
        if (sync.problems.length > 0) {
          await this.options.backups.save('unreadable', { savedAt, key: STUDY_SYNC_KEY, problems: sync.problems, value: raw.sync });
        }
        if (hasLegacy) {
          await this.options.backups.save('before-migration', { savedAt, values: { [LEGACY_PROGRESS_KEY]: raw.progress, [LEGACY_PRACTICE_KEY]: raw.practice } });
        }
        for (const [key, value] of raw.oldBackups) {
          await this.options.backups.save('earlier-backup', { savedAt, key, value });
        }
      } catch (e) {
        // Without a backup nothing stored is rewritten or removed: what was found stays as it was.
        return { problems: [...problems, `a backup could not be saved (${String(e)}), so the stored values were left as they were`] };
      }
      try {
        if (local.changed || sync.changed || hasLegacy || this.differsFromStored(merged, raw)) {
          await this.write(merged);
        }
        // The old values are in the new ones and in a backup; removing them also stops a large
        // review log from riding along in globalState.
        for (const key of [...(hasLegacy ? [LEGACY_PROGRESS_KEY, LEGACY_PRACTICE_KEY] : []), ...raw.oldBackups.map(([k]) => k)]) {
          await m.update(key, undefined);
        }
      } catch (e) {
        problems.push(`the repaired study data could not be saved (${String(e)})`);
      }
      return { problems };
    });
  }

  /**
   * Merges what other windows (or Settings Sync, from other machines) stored since this window last
   * looked, announces what changed, and stores the merged result when it holds something the stored
   * values lack. Cheap when nothing changed. Never throws.
   */
  refresh(): Promise<void> {
    return this.queue.run(async () => {
      if (this.readOnlyMessage) {
        return;
      }
      try {
        const { state, raw, decoded } = this.absorb();
        if (this.readOnlyMessage) {
          this.readOnlyEmitter.fire(this.readOnlyMessage);
          return;
        }
        if (decoded.length > 0 && this.differsFromStored(state, raw)) {
          await this.write(state);
        }
      } catch {
        // A refresh is best effort: the next write reads and merges again.
      }
    });
  }

  /** Resolves once every queued read and write has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  // Writing

  async setPracticed(ids: readonly string[], practiced: boolean): Promise<void> {
    ids.forEach((id) => checkId(id, 'setPracticed'));
    await this.commit((base, now) => {
      const questions = { ...base.questions };
      let changed = false;
      for (const id of ids) {
        const old = Object.hasOwn(questions, id) ? questions[id] : undefined;
        if ((old?.practiced ?? false) === practiced) {
          continue;
        }
        changed = true;
        const updatedAt = nextChangeTime(now, base.resetAt, old);
        const record: QuestionRecord = practiced
          ? { practiced: true, updatedAt, firstPracticedAt: old?.firstPracticedAt ?? updatedAt, lastPracticedAt: updatedAt }
          : {
              // Un-ticking clears the mark and takes the question out of review; its reviews stay in the log.
              practiced: false,
              updatedAt,
              ...(old?.firstPracticedAt !== undefined && { firstPracticedAt: old.firstPracticedAt }),
              ...(old?.lastPracticedAt !== undefined && { lastPracticedAt: old.lastPracticedAt }),
            };
        Object.defineProperty(questions, id, { value: record, enumerable: true, writable: true, configurable: true });
      }
      return changed ? { ...base, questions } : base;
    });
  }

  toggle(id: string): Promise<void> {
    return this.setPracticed([id], !this.isPracticed(id));
  }

  /**
   * Grades a question: schedules its card, adds the review to the log and marks the question
   * practiced. Input that does not fit the schema is rejected with a message naming the field,
   * before anything changes.
   */
  async record(input: RecordInput): Promise<CardState> {
    return (await this.recordReview(input)).card;
  }

  /** As record, and returns what revertReview needs to take the grade back. */
  async recordReview(input: RecordInput): Promise<RecordedReview> {
    const given = input.at;
    let entry: ReviewEntry;
    try {
      entry = checkEntry(
        {
          ...input,
          at: given ?? this.clock(),
          // A drill left open for days is still a real answer; only its duration is capped.
          durationMs: typeof input.durationMs === 'number' && input.durationMs > MAX_DURATION_MS ? MAX_DURATION_MS : input.durationMs,
          // The order of ticks carries no meaning; sorting makes entries comparable.
          covered: Array.isArray(input.covered) ? [...input.covered].sort((a, b) => a - b) : input.covered,
        },
        'review',
      );
    } catch (e) {
      throw e instanceof SchemaError ? new RangeError(`StudyStore.record: ${e.message}`) : e;
    }
    let recorded: RecordedReview | undefined;
    await this.commit((base, now) => {
      const id = entry.questionId;
      // A review never lands before a reset it follows, nor on another review's key.
      let at = Math.max(given ?? now, base.resetAt);
      while (at < TIME_WINDOW.latest && base.log.some((e) => e.questionId === id && e.at === at)) {
        at++;
      }
      const old = Object.hasOwn(base.questions, id) ? base.questions[id] : undefined;
      const card = reviewCard(old?.card, entry.grade, at);
      const record: QuestionRecord = {
        practiced: true,
        updatedAt: nextChangeTime(Math.max(now, at), base.resetAt, old),
        firstPracticedAt: old?.practiced && old.firstPracticedAt !== undefined ? old.firstPracticedAt : at,
        lastPracticedAt: Math.max(at, old?.lastPracticedAt ?? 0),
        card,
      };
      const questions = { ...base.questions };
      Object.defineProperty(questions, id, { value: record, enumerable: true, writable: true, configurable: true });
      recorded = { card, questionId: id, at, before: old, after: record };
      return { ...base, questions, log: [...base.log, { ...entry, at }] };
    });
    return recorded as RecordedReview;
  }

  /**
   * Takes back a grade given through recordReview (a drill's undo), read-merge-write like every
   * change: the review leaves the log, and the question's record goes back to what it was before,
   * stamped now so the revert wins over the graded record in every window's merge. If another
   * window changed the record since, its change is kept and only the review is removed.
   * The review stays in the log marked revoked, so a window that still holds it drops it too.
   */
  async revertReview(recorded: RecordedReview): Promise<void> {
    await this.commit((base, now) => {
      const id = recorded.questionId;
      const log = base.log.map((e) => (e.questionId === id && e.at === recorded.at && e.revokedAt === undefined ? { ...e, revokedAt: Math.max(now, e.at) } : e));
      const current = Object.hasOwn(base.questions, id) ? base.questions[id] : undefined;
      if (current === undefined || current.updatedAt !== recorded.after.updatedAt) {
        return { ...base, log };
      }
      const before = recorded.before;
      const updatedAt = nextChangeTime(now, base.resetAt, current);
      const restored: QuestionRecord = before ? { ...before, updatedAt } : { practiced: false, updatedAt };
      const questions = { ...base.questions };
      Object.defineProperty(questions, id, { value: restored, enumerable: true, writable: true, configurable: true });
      return { ...base, questions, log };
    });
  }

  /**
   * What importing `incoming` would change, checked with the same validation as every write, without
   * writing anything; an error names the first problem of the merged result.
   */
  planImport(incoming: StudyState): Promise<{ readonly summary: ImportSummary } | { readonly error: string }> {
    return this.queue.run(() => {
      if (this.readOnlyMessage) {
        return { error: this.readOnlyMessage };
      }
      const { state: base } = this.absorb();
      const next = normalize(importInto(base, incoming, this.clock()));
      const problems = validateState(next, 1);
      return problems.length > 0 ? { error: `the merged result would not be valid (${problems[0]})` } : { summary: summarizeImport(base, next) };
    });
  }

  /** Adds everything in `incoming`, or (when the merged result would not be valid) nothing. */
  async importState(incoming: StudyState): Promise<ImportSummary> {
    let summary: ImportSummary = { questions: 0, reviews: 0 };
    await this.commit((base, now) => {
      const next = normalize(importInto(base, incoming, now));
      summary = summarizeImport(base, next);
      return next;
    });
    return summary;
  }

  /**
   * Clears every mark, card and review. The reset is a synced marker, not only an empty value: other
   * machines drop what they hold from before it, so their copies do not bring it back.
   */
  async reset(): Promise<void> {
    await this.commit((base, now) => ({ resetAt: Math.min(TIME_WINDOW.latest, Math.max(now, latestTime(base) + 1)), questions: {}, log: [] }));
  }

  private commit(change: (base: StudyState, now: number) => StudyState): Promise<StudyState> {
    return this.queue.run(async () => {
      this.throwIfReadOnly();
      const { state: base } = this.absorb();
      // A newer version may have written since this window looked.
      this.throwIfReadOnly();
      const next = normalize(change(base, this.clock()));
      const problems = validateState(next, 1);
      if (problems.length > 0) {
        throw new RangeError(`StudyStore: the change was not saved, as the result would not be valid (${problems[0]})`);
      }
      if (changedIds(base, next).length === 0 && next.resetAt === base.resetAt) {
        return this.current; // Nothing to change (e.g. ticking a question already practiced).
      }
      this.setState(next);
      await this.write(next);
      return next;
    });
  }

  /**
   * Merges the stored values that changed since this window last read them into its state (and
   * announces what changed), so what was read is never forgotten, even when the change that follows
   * is refused. Returns the merged state.
   */
  private absorb(): { state: StudyState; raw: { local: unknown; sync: unknown }; decoded: DecodeResult[] } {
    const m = this.options.memento;
    const raw = { local: m.get(STUDY_LOCAL_KEY), sync: m.get(STUDY_SYNC_KEY) };
    const decoded: DecodeResult[] = [];
    let state = this.current;
    for (const key of ['local', 'sync'] as const) {
      if (raw[key] === this.seen[key]) {
        continue;
      }
      const d = decodeStored(raw[key]);
      decoded.push(d);
      if (d.newerVersion !== undefined) {
        this.readOnlyMessage = readOnlyMessage(d.newerVersion);
        return { state: this.current, raw, decoded };
      }
      state = mergeStates(state, d.state);
    }
    this.seen = raw;
    this.setState(state);
    return { state, raw, decoded };
  }

  private differsFromStored(state: StudyState, raw: { local: unknown; sync: unknown }): boolean {
    return JSON.stringify(encodeLocal(state)) !== JSON.stringify(raw.local) || JSON.stringify(encodeSynced(state)) !== JSON.stringify(raw.sync);
  }

  private async write(state: StudyState): Promise<void> {
    const local = encodeLocal(state);
    const sync = encodeSynced(state);
    // The local value first: it holds everything, so a failure after it loses nothing.
    await this.options.memento.update(STUDY_LOCAL_KEY, local);
    await this.options.memento.update(STUDY_SYNC_KEY, sync);
    // What this window wrote is in its state; a different value read later came from elsewhere.
    this.seen = { local, sync };
  }

  /** Takes `next` as the state when it differs from the current one, and announces the ids that changed. */
  private setState(next: StudyState): void {
    const ids = changedIds(this.current, next);
    if (ids.length === 0 && next.resetAt === this.current.resetAt) {
      return; // The same content: keep the current objects.
    }
    this.current = next;
    if (ids.length > 0) {
      this.changeEmitter.fire({ ids });
    }
  }

  private throwIfReadOnly(): void {
    if (this.readOnlyMessage) {
      this.readOnlyEmitter.fire(this.readOnlyMessage);
      throw new ReadOnlyError(this.readOnlyMessage);
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.readOnlyEmitter.dispose();
  }
}

function readOnlyMessage(version: number): string {
  return `your study data was saved by a newer version of ML Prep (schema ${version}). Update the extension to keep practicing; until then your marks and reviews are shown read-only, and nothing is saved or synced from this machine.`;
}

/**
 * When a change to a record happens: now, but never before the reset nor before the record's last
 * change (another machine's clock may be ahead), so this window's change wins over what it saw.
 */
function nextChangeTime(now: number, resetAt: number, old: QuestionRecord | undefined): number {
  return Math.min(TIME_WINDOW.latest, Math.max(now, resetAt, (old?.updatedAt ?? 0) + 1));
}

function checkId(id: string, what: string): void {
  try {
    checkQuestionId(id, 'the question id');
  } catch (e) {
    throw new RangeError(`StudyStore.${what}: ${(e as Error).message}`, { cause: e });
  }
}

/** The latest change time anywhere in a state. */
function latestTime(state: StudyState): number {
  let latest = state.resetAt;
  for (const record of Object.values(state.questions)) {
    latest = Math.max(latest, record.updatedAt);
  }
  for (const entry of state.log) {
    latest = Math.max(latest, changedAt(entry));
  }
  return latest;
}

function summarizeImport(base: StudyState, next: StudyState): ImportSummary {
  let questions = 0;
  for (const [id, record] of Object.entries(next.questions)) {
    if (!Object.hasOwn(base.questions, id) || base.questions[id] !== record) {
      questions++;
    }
  }
  return { questions, reviews: Math.max(0, next.log.length - base.log.length) };
}
