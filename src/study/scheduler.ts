// Spaced review: a thin wrapper over ts-fsrs that speaks CardState (epoch milliseconds) instead of
// ts-fsrs's Card (Date objects), so the rest of the extension stores and compares plain numbers.
import { Card, createEmptyCard, FSRS, fsrs } from 'ts-fsrs';
import type { CardState, Grade } from './types';

const GRADES: readonly Grade[] = [1, 2, 3, 4];

/**
 * Default FSRS parameters with fuzz off: the same grade at the same time always gives the same due
 * date, which keeps reviews reproducible and testable. Built per call because an FSRS instance is
 * mutable (useStrategy), and a shared module-level one would be hidden global state.
 */
function scheduler(): FSRS {
  return fsrs({ enable_fuzz: false });
}

/** Grades `card` (undefined for a question never reviewed) at `now` and returns its next state. */
export function reviewCard(card: CardState | undefined, grade: Grade, now: number): CardState {
  if (!Number.isFinite(now)) {
    throw new RangeError(`reviewCard: now must be a finite time in milliseconds, got ${now}`);
  }
  if (!GRADES.includes(grade)) {
    throw new RangeError(`reviewCard: grade must be 1, 2, 3 or 4, got ${String(grade)}`);
  }
  // ts-fsrs rejects a review earlier than the previous one; a clock set back must not lose the grade,
  // so such a review counts as happening at the previous review's time.
  const at = card?.lastReview !== undefined ? Math.max(now, card.lastReview) : now;
  const next = scheduler().next(card ? toCard(card) : createEmptyCard(at), at, grade).card;
  return fromCard(next);
}

/** True when the card should be reviewed at `now`. */
export function isDue(card: CardState, now: number): boolean {
  return card.due <= now;
}

/** Ids of the due cards, the one due longest ago first (ties by id, so the order is stable). */
export function dueQuestionIds(cards: Readonly<Record<string, CardState>>, now: number): string[] {
  return Object.entries(cards)
    .filter(([, card]) => isDue(card, now))
    .sort(([a, ca], [b, cb]) => ca.due - cb.due || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id);
}

function toCard(card: CardState): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview !== undefined && { last_review: new Date(card.lastReview) }),
  };
}

function fromCard(card: Card): CardState {
  const lastReview = card.last_review?.getTime();
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState['state'],
    ...(lastReview !== undefined && { lastReview }),
  };
}

/** For each grade, how long from `now` until the question would be due again: the grade buttons' preview. */
export function nextIntervals(card: CardState | undefined, now: number): Record<Grade, number> {
  const out = {} as Record<Grade, number>;
  for (const grade of GRADES) {
    out[grade] = Math.max(0, reviewCard(card, grade, now).due - now);
  }
  return out;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short interval ("10m", "4d", "3mo") and the same in words ("10 minutes", "4 days"). */
export function describeInterval(ms: number): { readonly short: string; readonly words: string } {
  const unit = (n: number, short: string, word: string) => ({ short: `${n}${short}`, words: `${n} ${word}${n === 1 ? '' : 's'}` });
  if (ms < HOUR) {
    return unit(Math.max(1, Math.round(ms / MINUTE)), 'm', 'minute');
  }
  if (ms < DAY) {
    return unit(Math.round(ms / HOUR), 'h', 'hour');
  }
  const days = Math.round(ms / DAY);
  if (days < 31) {
    return unit(days, 'd', 'day');
  }
  if (days < 365) {
    return unit(Math.round(days / 30), 'mo', 'month');
  }
  return unit(Math.round((days / 365) * 10) / 10, 'y', 'year');
}
