// Practice data: the review log and the spaced-review state, as stored and as exported.
// Shared contract of the practice modules (scheduler, store, import/export, dashboard).

/** Self-grade after revealing an answer; the numbers are the keys 1 to 4 and FSRS's ratings. */
export type Grade = 1 | 2 | 3 | 4;
export const GRADE_LABELS: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** One graded attempt at a question. */
export interface ReviewEntry {
  readonly questionId: string;
  /** Epoch milliseconds when the grade was given. */
  readonly at: number;
  readonly grade: Grade;
  /** Milliseconds from showing the question to revealing the answer. */
  readonly durationMs: number;
  /** Indexes into the question's keyPoints that the user ticked as covered. */
  readonly covered: readonly number[];
  /** How many key points the question had at the time. */
  readonly keyPointCount: number;
}

/**
 * FSRS memory state of one question, as ts-fsrs's Card with dates stored as epoch milliseconds
 * (JSON-safe and cheap to compare).
 */
export interface CardState {
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsedDays: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  readonly state: 0 | 1 | 2 | 3;
  readonly lastReview?: number;
}

export const PRACTICE_VERSION = 1;
/** The log keeps at most this many entries, dropping the oldest. */
export const MAX_LOG_ENTRIES = 20_000;

export interface PracticeState {
  readonly version: typeof PRACTICE_VERSION;
  /** Keyed by question id; ids unknown to the catalog are kept. */
  readonly cards: Readonly<Record<string, CardState>>;
  /** Oldest first. */
  readonly log: readonly ReviewEntry[];
}
