// Practice data: grades, the review log's entries and FSRS cards.
// Shared contract of the practice modules (scheduler, study store, import/export, dashboard).

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

/** The log keeps at most this many entries, dropping the oldest. */
export const MAX_LOG_ENTRIES = 20_000;

/** What the dashboard reads of the study store. */
export interface StudyHistory {
  /** Keyed by question id: the cards of practiced questions. */
  readonly cards: Readonly<Record<string, CardState>>;
  /** Oldest first. */
  readonly log: readonly ReviewEntry[];
  /** The study store's dueToday(): the questions due by the end of today, longest overdue first. */
  readonly due: readonly string[];
}
