// fast-check arbitraries for study states: records, FSRS cards, reviews, resets, over the whole
// time window and id range the schema allows (ids up to 240 characters, "__proto__" included).
import fc from 'fast-check';
import { reviewCard } from '../../src/study/scheduler';
import type { CardState, Grade } from '../../src/study/types';
import { normalize } from '../../src/study/merge';
import { MAX_ID_LENGTH, TIME_WINDOW, type LoggedReview, type QuestionRecord, type StudyState } from '../../src/study/schema';

const DAY = 24 * 60 * 60 * 1000;

/** A few ids shared by all generated states, so records and reviews collide, plus arbitrary ones. */
export const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('q-a', 'q-b', 'q-c', '__proto__', 'constructor', 'x'.repeat(MAX_ID_LENGTH)) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: MAX_ID_LENGTH, unit: 'grapheme' }).filter((s) => s.length <= MAX_ID_LENGTH) },
);

export const timeArb = fc.integer({ min: TIME_WINDOW.earliest, max: TIME_WINDOW.latest });
/** Mostly near one another (so order and ties matter), sometimes anywhere in the window. */
export const nearTimeArb = fc.oneof(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 0, 1) + 20 }), timeArb);
const gradeArb = fc.constantFrom<Grade>(1, 2, 3, 4);

export const cardArb: fc.Arbitrary<CardState> = fc
  .tuple(fc.array(gradeArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: TIME_WINDOW.earliest, max: TIME_WINDOW.latest - 10 * DAY }))
  .map(([grades, start]) => grades.reduce<CardState | undefined>((card, g, i) => reviewCard(card, g, start + i * DAY), undefined) as CardState);

export const recordArb: fc.Arbitrary<QuestionRecord> = fc
  .record({
    practiced: fc.boolean(),
    updatedAt: nearTimeArb,
    firstPracticedAt: fc.option(timeArb, { nil: undefined }),
    lastPracticedAt: fc.option(timeArb, { nil: undefined }),
    card: fc.option(cardArb, { nil: undefined }),
  })
  .map((r) => ({
    practiced: r.practiced,
    updatedAt: r.updatedAt,
    ...(r.firstPracticedAt !== undefined && { firstPracticedAt: r.firstPracticedAt }),
    ...(r.lastPracticedAt !== undefined && { lastPracticedAt: r.lastPracticedAt }),
    ...(r.practiced && r.card !== undefined && { card: r.card }),
  }));

export const entryArb: fc.Arbitrary<LoggedReview> = fc
  .record({
    questionId: idArb,
    at: nearTimeArb,
    grade: gradeArb,
    durationMs: fc.integer({ min: 0, max: DAY }),
    keyPointCount: fc.integer({ min: 0, max: 8 }),
    ticks: fc.array(fc.boolean(), { maxLength: 8 }),
    restoredAt: fc.option(timeArb, { nil: undefined, freq: 8 }),
  })
  .map(({ ticks, restoredAt, ...e }) => ({
    ...e,
    covered: ticks.slice(0, e.keyPointCount).flatMap((t, i) => (t ? [i] : [])),
    ...(restoredAt !== undefined && { restoredAt }),
  }));

export const stateArb: fc.Arbitrary<StudyState> = fc
  .record({
    resetAt: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: nearTimeArb }),
    questions: fc.array(fc.tuple(idArb, recordArb), { maxLength: 6 }),
    log: fc.array(entryArb, { maxLength: 10 }),
  })
  .map(({ resetAt, questions, log }) => normalize({ resetAt, questions: Object.fromEntries(questions), log }));
