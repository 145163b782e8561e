// Review log and spaced-review cards over globalState, beside the practiced marks of ProgressStore.
import { WriteQueue } from '../util/writeQueue';
import { Emitter, Event } from '../util/event';
import { MementoLike, ProgressStore } from '../progress/progressStore';
import { ANY_TIME, checkEntry, emptyPractice, MAX_DURATION_MS, orderLog, readPractice, SchemaError } from './practiceSchema';
import { dueQuestionIds, reviewCard } from './scheduler';
import { CardState, Grade, MAX_LOG_ENTRIES, PracticeState, ReviewEntry } from './types';

export const PRACTICE_KEY = 'mlPrep.practice';
export const PRACTICE_BACKUP_KEY = 'mlPrep.practice.backup';

export interface PracticeBackup {
  readonly savedAt: number;
  readonly reason: 'unreadable' | 'reset';
  readonly value: unknown;
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

/**
 * Practice state over globalState. Memory is the source of truth; writes are queued so that quick
 * grades are stored in order.
 */
export class PracticeStore {
  private current: PracticeState = emptyPractice();
  private readonly changeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changeEmitter.event;

  private readonly writes: WriteQueue;

  constructor(
    private readonly memento: MementoLike,
    private readonly progress: ProgressStore,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new WriteQueue(memento, PRACTICE_KEY);
  }

  /**
   * Reads the stored value. When it was damaged, keeps a backup of what was found, stores what
   * could be salvaged and returns the problems so the caller can tell the user once. Never throws.
   */
  async load(): Promise<readonly string[]> {
    let raw: unknown;
    try {
      raw = this.memento.get<unknown>(PRACTICE_KEY);
    } catch (e) {
      return [`the stored practice data could not be read (${String(e)})`];
    }
    const { state, problems, changed } = readPractice(raw);
    this.current = state;
    const failures: string[] = [];
    try {
      if (problems.length > 0) {
        await this.memento.update(PRACTICE_BACKUP_KEY, { savedAt: this.now(), reason: 'unreadable', value: raw } satisfies PracticeBackup);
      }
      if (changed) {
        await this.persist();
      }
    } catch (e) {
      failures.push(`the repaired practice data could not be saved (${String(e)})`);
    }
    this.changeEmitter.fire();
    return [...problems, ...failures];
  }

  /** The whole state, for export and the dashboard. */
  get state(): PracticeState {
    return this.current;
  }

  card(id: string): CardState | undefined {
    return Object.hasOwn(this.current.cards, id) ? this.current.cards[id] : undefined;
  }

  /** Due question ids, longest overdue first. Includes ids the catalog no longer has. */
  dueIds(now: number = this.now()): string[] {
    return dueQuestionIds(this.current.cards, now);
  }

  /**
   * Grades a question: schedules its card, appends to the log (dropping the oldest entries beyond
   * MAX_LOG_ENTRIES) and marks the question practiced. Input that does not fit the schema is
   * rejected with a message naming the field, before anything changes.
   */
  async record(input: RecordInput): Promise<CardState> {
    const at = input.at ?? this.now();
    let entry: ReviewEntry;
    try {
      entry = checkEntry(
        {
          ...input,
          at,
          // A drill left open for days is still a real answer; only its duration is capped.
          durationMs: typeof input.durationMs === 'number' && input.durationMs > MAX_DURATION_MS ? MAX_DURATION_MS : input.durationMs,
          // The order of ticks carries no meaning; sorting makes entries comparable.
          covered: Array.isArray(input.covered) ? [...input.covered].sort((a, b) => a - b) : input.covered,
        },
        'review',
        // The store takes the caller's clock as it is, as it does for stored data.
        ANY_TIME,
      );
    } catch (e) {
      throw e instanceof SchemaError ? new RangeError(`PracticeStore.record: ${e.message}`) : e;
    }
    const card = reviewCard(this.card(entry.questionId), entry.grade, entry.at);
    const last = this.current.log[this.current.log.length - 1];
    const appended = [...this.current.log, entry];
    const log = last !== undefined && entry.at < last.at ? orderLog(appended) : appended.slice(Math.max(0, appended.length - MAX_LOG_ENTRIES));
    this.current = { ...this.current, cards: { ...this.current.cards, [entry.questionId]: card }, log };
    this.changeEmitter.fire();
    await Promise.all([this.persist(), this.progress.setPracticed([entry.questionId], true)]);
    return card;
  }

  /**
   * Replaces the whole state (after an import has been validated and merged). A state that does
   * not pass the stored-data checks is rejected, naming the first problem, and nothing changes.
   */
  async replace(state: PracticeState): Promise<void> {
    const { state: checked, problems } = readPractice(state);
    if (problems.length > 0) {
      throw new RangeError(`PracticeStore.replace: ${problems[0]}`);
    }
    this.current = checked;
    this.changeEmitter.fire();
    await this.persist();
  }

  /** Clears cards and log after keeping the old state as a backup. Practiced marks are ProgressStore's. */
  async reset(): Promise<void> {
    await this.memento.update(PRACTICE_BACKUP_KEY, { savedAt: this.now(), reason: 'reset', value: this.current } satisfies PracticeBackup);
    this.current = emptyPractice();
    this.changeEmitter.fire();
    await this.persist();
  }

  private persist(): Promise<void> {
    return this.writes.write(this.current);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
