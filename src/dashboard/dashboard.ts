// Progress dashboard: pure aggregation of the catalog, practised marks and the practice state
// into the figures the dashboard panel draws. No vscode import: unit-tested in plain Node.
// Each figure is one small function over the one pass over the log (scanLog).
import type { Catalog } from '../catalog/catalog';
import type { CardState, ReviewEntry, StudyHistory } from '../study/types';

export interface DashboardData {
  topics: { id: string; title: string; practiced: number; total: number; coverage: number; reviewed: number }[];
  reviewsPerDay: { day: string; count: number }[];
  streak: number;
  forecast: { day: string; count: number }[];
  weakestQuestions: { id: string; title: string; score: number; reason: string }[];
  weakestConcepts: { id: string; title: string; score: number; questions: number }[];
  totals: { reviews: number; practiced: number; questions: number; due: number };
}

export const HISTORY_DAYS = 90;
export const FORECAST_DAYS = 7;
export const WEAKEST_LIMIT = 5;

const DAY_MS = 86_400_000;

// How much each sign of weakness weighs in a question's score (0 strong .. 1 weak). Coverage is
// left out, and the others renormalised, when the latest review had no key points to tick.
const WEIGHT_SHARE = 0.4;
const WEIGHT_COVERAGE = 0.35;
const WEIGHT_LAPSES = 0.25;
/** Lapses at which the lapse part of the score is full: a few forgettings already say "weak". */
const LAPSES_AT_MAX = 3;

/** What one pass over the log learns about one question. */
interface QuestionStats {
  reviews: number;
  againOrHard: number;
  latest: ReviewEntry;
}

/** Local days as numbers (days since 1970-01-01 in local time), today and the chart's first day. */
export interface DayClock {
  readonly dayOf: (at: number) => number;
  readonly today: number;
  readonly firstDay: number;
}

/**
 * Coding exercises are reviewed by passing their tests, into the same log and cards as questions.
 * Their reviews count in the reviews per day, the streak, the due total and the forecast; the
 * topic rows and the weakest lists stay about Q&A questions (coverage and key points mean nothing
 * for code), so an exercise's review is counted there under no topic rather than a wrong one.
 */
export interface DashboardExercises {
  /** Ids of the shipped coding exercises, whose cards the forecast counts beside the questions'. */
  readonly exerciseIds?: readonly string[];
}

/**
 * Aggregates everything the dashboard shows, from what the study store gives (already checked
 * when it was read: see study/schema.ts).
 * `utcOffsetMinutes` is how far local time is ahead of UTC (e.g. 60 for UTC+1, -300 for UTC-5),
 * the opposite sign of Date#getTimezoneOffset; it defaults to the machine's offset at `now`.
 * One offset is used for the whole window, so a daylight-saving change within it shifts older
 * days by an hour: accepted, the chart is about habits, not exact hours.
 */
export function aggregate(
  catalog: Catalog,
  isPracticed: (id: string) => boolean,
  practice: StudyHistory & DashboardExercises,
  now: number,
  utcOffsetMinutes?: number,
): DashboardData {
  const clock = dayClock(now, utcOffsetMinutes);
  const log = scanLog(practice.log, clock);
  const weakness = weaknessByQuestion(catalog, practice.cards, log.stats);
  return {
    topics: topicRows(catalog, isPracticed, weakness),
    reviewsPerDay: log.perDay.map((count, i) => ({ day: dayString(clock.firstDay + i), count })),
    streak: streakOf(log.activeDays, clock.today),
    forecast: forecast(catalog, practice.cards, clock, practice.exerciseIds),
    weakestQuestions: weakestQuestions(catalog, weakness),
    weakestConcepts: weakestConcepts(catalog, weakness),
    // The store's one count of what is due today, the same the tree and the status bar show.
    totals: { reviews: log.reviews, practiced: catalog.questions.filter((q) => isPracticed(q.id)).length, questions: catalog.questions.length, due: practice.due.length },
  };
}

export function dayClock(now: number, utcOffsetMinutes?: number): DayClock {
  if (!Number.isFinite(now) || Math.abs(now) > 8.64e15) {
    throw new RangeError(`aggregate: now must be epoch milliseconds, got ${String(now)}`);
  }
  const offset = utcOffsetMinutes !== undefined && Number.isFinite(utcOffsetMinutes) ? utcOffsetMinutes : -new Date(now).getTimezoneOffset();
  const offsetMs = offset * 60_000;
  const dayOf = (at: number) => Math.floor((at + offsetMs) / DAY_MS);
  const today = dayOf(now);
  return { dayOf, today, firstDay: today - HISTORY_DAYS + 1 };
}

/** The single pass over the log: reviews per chart day, days with a review, and per-question stats. */
export function scanLog(log: readonly ReviewEntry[], { dayOf, today, firstDay }: DayClock) {
  const perDay = new Array<number>(HISTORY_DAYS).fill(0);
  const activeDays = new Set<number>();
  const stats = new Map<string, QuestionStats>();
  for (const entry of log) {
    const day = dayOf(entry.at);
    if (day <= today) {
      activeDays.add(day);
      if (day >= firstDay) {
        perDay[day - firstDay]++;
      }
    }
    const againOrHard = entry.grade <= 2 ? 1 : 0;
    const s = stats.get(entry.questionId);
    if (s) {
      s.reviews++;
      s.againOrHard += againOrHard;
      // `>=`: the log is oldest first, so of two reviews at the same instant the later one wins.
      if (entry.at >= s.latest.at) {
        s.latest = entry;
      }
    } else {
      stats.set(entry.questionId, { reviews: 1, againOrHard, latest: entry });
    }
  }
  return { perDay, activeDays, stats, reviews: log.length };
}

/** Cards due on each of the next FORECAST_DAYS days of the catalog's questions and the coding exercises; overdue ones count today. */
export function forecast(catalog: Catalog, cards: StudyHistory['cards'], { dayOf, today }: DayClock, exerciseIds: readonly string[] = []): DashboardData['forecast'] {
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  const ids = new Set([...catalog.questions.map((q) => q.id), ...exerciseIds]);
  for (const id of ids) {
    const card = cardOf(cards, id);
    const index = card ? Math.max(0, dayOf(card.due) - today) : FORECAST_DAYS;
    if (index < FORECAST_DAYS) {
      counts[index]++;
    }
  }
  return counts.map((count, i) => ({ day: dayString(today + i), count }));
}

/** The weakness of every reviewed question still in the catalog. */
function weaknessByQuestion(catalog: Catalog, cards: StudyHistory['cards'], stats: ReadonlyMap<string, QuestionStats>): Map<string, Weakness> {
  const weakness = new Map<string, Weakness>();
  for (const q of catalog.questions) {
    const s = stats.get(q.id);
    if (s) {
      weakness.set(q.id, weaknessOf(s, cardOf(cards, q.id)));
    }
  }
  return weakness;
}

function topicRows(catalog: Catalog, isPracticed: (id: string) => boolean, weakness: ReadonlyMap<string, Weakness>): DashboardData['topics'] {
  return catalog.topics.map((t) => {
    const questions = catalog.questionsOf(t.id);
    const reviewed = questions.flatMap((q) => weakness.get(q.id) ?? []);
    const coverages = reviewed.flatMap((w) => (w.coverage ? [w.coverage.ratio] : []));
    return {
      id: t.id,
      title: t.title,
      practiced: questions.filter((q) => isPracticed(q.id)).length,
      total: questions.length,
      coverage: coverages.length > 0 ? coverages.reduce((a, b) => a + b, 0) / coverages.length : 0,
      reviewed: reviewed.length,
    };
  });
}

function weakestQuestions(catalog: Catalog, weakness: ReadonlyMap<string, Weakness>): DashboardData['weakestQuestions'] {
  return [...weakness]
    .filter(([, w]) => w.score > 0)
    .sort(([idA, a], [idB, b]) => b.score - a.score || b.reviews - a.reviews || compare(idA, idB))
    .slice(0, WEAKEST_LIMIT)
    .map(([id, w]) => ({ id, title: catalog.question(id)?.title ?? id, score: w.score, reason: w.reason }));
}

interface Weakness {
  readonly score: number;
  readonly reason: string;
  readonly reviews: number;
  /** Of the latest review; undefined when it had no key points to tick. */
  readonly coverage?: { readonly ratio: number; readonly covered: number; readonly of: number };
}

function weaknessOf(s: QuestionStats, card: CardState | undefined): Weakness {
  const lapses = card?.lapses ?? 0;
  const share = s.againOrHard / s.reviews;
  const coverage = coverageOf(s.latest);
  const parts: { weight: number; value: number; text: string }[] = [
    { weight: WEIGHT_SHARE, value: share, text: `Again or Hard in ${s.againOrHard} of ${s.reviews} ${plural(s.reviews, 'review')}` },
    { weight: WEIGHT_LAPSES, value: Math.min(lapses, LAPSES_AT_MAX) / LAPSES_AT_MAX, text: `${lapses} ${plural(lapses, 'lapse')}` },
  ];
  if (coverage) {
    parts.push({
      weight: WEIGHT_COVERAGE,
      value: 1 - coverage.ratio,
      text: `${coverage.covered} of ${coverage.of} key ${plural(coverage.of, 'point')} covered last time`,
    });
  }
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
  const score = round3(parts.reduce((sum, p) => sum + p.weight * p.value, 0) / totalWeight);
  const reason = parts
    .filter((p) => p.value > 0)
    .sort((a, b) => b.weight * b.value - a.weight * a.value)
    .map((p) => p.text)
    .join('; ');
  return { score, reason, reviews: s.reviews, coverage };
}

/** Share of the key points ticked in one review; distinct in-range indexes only, so at most 1. */
function coverageOf(entry: ReviewEntry): Weakness['coverage'] {
  const of = entry.keyPointCount;
  if (of <= 0) {
    return undefined;
  }
  const ticked = new Set(entry.covered.filter((i) => i < of));
  return { ratio: ticked.size / of, covered: ticked.size, of };
}

/**
 * A concept's score is the mean weakness of the reviewed questions that use it, strong ones
 * included, so one bad review among many good ones does not brand a concept weak.
 */
function weakestConcepts(catalog: Catalog, weakness: ReadonlyMap<string, Weakness>): DashboardData['weakestConcepts'] {
  const sums = new Map<string, { sum: number; questions: number }>();
  for (const [id, w] of weakness) {
    for (const conceptId of catalog.question(id)?.concepts ?? []) {
      if (!catalog.concept(conceptId)) {
        continue;
      }
      const s = sums.get(conceptId) ?? { sum: 0, questions: 0 };
      s.sum += w.score;
      s.questions++;
      sums.set(conceptId, s);
    }
  }
  return [...sums]
    .map(([id, s]) => ({ id, title: catalog.concept(id)?.title ?? id, score: round3(s.sum / s.questions), questions: s.questions }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.questions - a.questions || compare(a.id, b.id))
    .slice(0, WEAKEST_LIMIT);
}

function streakOf(activeDays: ReadonlySet<number>, today: number): number {
  // Today without a review yet does not break the streak: it can still be kept today.
  let day = activeDays.has(today) ? today : today - 1;
  let streak = 0;
  while (activeDays.has(day)) {
    streak++;
    day--;
  }
  return streak;
}

/** YYYY-MM-DD of a local day number (days since 1970-01-01 in local time). */
function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A question's card; own keys only, so an id like "constructor" finds nothing inherited. */
function cardOf(cards: StudyHistory['cards'], id: string): CardState | undefined {
  return Object.prototype.hasOwnProperty.call(cards, id) ? cards[id] : undefined;
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
