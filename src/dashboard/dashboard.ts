// Progress dashboard: pure aggregation of the catalog, practised marks and the practice state
// into the figures the dashboard panel draws. No vscode import: unit-tested in plain Node.
import { isRecord } from '../util/isRecord';
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
  /** Reviews with a valid grade: the denominator of the Again/Hard share. */
  graded: number;
  againOrHard: number;
  latest: ReviewEntry;
}

/**
 * Aggregates everything the dashboard shows.
 * `utcOffsetMinutes` is how far local time is ahead of UTC (e.g. 60 for UTC+1, -300 for UTC-5),
 * the opposite sign of Date#getTimezoneOffset; it defaults to the machine's offset at `now`.
 * One offset is used for the whole window, so a daylight-saving change within it shifts older
 * days by an hour: accepted, the chart is about habits, not exact hours.
 * Stored data is read defensively: malformed log entries and cards are skipped, never thrown on.
 */
export function aggregate(
  catalog: Catalog,
  isPracticed: (id: string) => boolean,
  practice: StudyHistory,
  now: number,
  utcOffsetMinutes?: number,
): DashboardData {
  if (!Number.isFinite(now) || Math.abs(now) > 8.64e15) {
    throw new RangeError(`aggregate: now must be epoch milliseconds, got ${String(now)}`);
  }
  const offset = utcOffsetMinutes !== undefined && Number.isFinite(utcOffsetMinutes) ? utcOffsetMinutes : -new Date(now).getTimezoneOffset();
  const offsetMs = offset * 60_000;
  const dayOf = (at: number) => Math.floor((at + offsetMs) / DAY_MS);
  const today = dayOf(now);
  const firstDay = today - HISTORY_DAYS + 1;

  // The single pass over the log.
  const perDay = new Array<number>(HISTORY_DAYS).fill(0);
  const activeDays = new Set<number>();
  const stats = new Map<string, QuestionStats>();
  let reviews = 0;
  const log = Array.isArray(practice?.log) ? practice.log : [];
  for (const entry of log) {
    if (!isReviewLike(entry)) {
      continue;
    }
    reviews++;
    const day = dayOf(entry.at);
    if (day <= today) {
      activeDays.add(day);
      if (day >= firstDay) {
        perDay[day - firstDay]++;
      }
    }
    const graded = isGrade(entry.grade);
    const againOrHard = graded && entry.grade <= 2;
    const s = stats.get(entry.questionId);
    if (s) {
      s.reviews++;
      s.graded += graded ? 1 : 0;
      s.againOrHard += againOrHard ? 1 : 0;
      // `>=`: the log is oldest first, so of two reviews at the same instant the later one wins.
      if (entry.at >= s.latest.at) {
        s.latest = entry;
      }
    } else {
      stats.set(entry.questionId, { reviews: 1, graded: graded ? 1 : 0, againOrHard: againOrHard ? 1 : 0, latest: entry });
    }
  }

  const cards = isRecord(practice?.cards) ? practice.cards : {};

  // Per question: practised mark, weakness, due day.
  const forecastCounts = new Array<number>(FORECAST_DAYS).fill(0);
  let practiced = 0;
  const weakness = new Map<string, Weakness>();
  for (const q of catalog.questions) {
    if (isPracticed(q.id)) {
      practiced++;
    }
    const card = cardOf(cards, q.id);
    if (card) {
      const index = Math.max(0, dayOf(card.due) - today);
      if (index < FORECAST_DAYS) {
        forecastCounts[index]++;
      }
    }
    const s = stats.get(q.id);
    if (s) {
      weakness.set(q.id, weaknessOf(s, card));
    }
  }

  const topics = catalog.topics.map((t) => {
    const questions = catalog.questionsOf(t.id);
    let reviewed = 0;
    let coverageSum = 0;
    let withKeyPoints = 0;
    for (const q of questions) {
      const w = weakness.get(q.id);
      if (!w) {
        continue;
      }
      reviewed++;
      if (w.coverage !== undefined) {
        coverageSum += w.coverage.ratio;
        withKeyPoints++;
      }
    }
    return {
      id: t.id,
      title: t.title,
      practiced: questions.reduce((n, q) => n + (isPracticed(q.id) ? 1 : 0), 0),
      total: questions.length,
      coverage: withKeyPoints > 0 ? coverageSum / withKeyPoints : 0,
      reviewed,
    };
  });

  const weakestQuestions = [...weakness]
    .filter(([, w]) => w.score > 0)
    .sort(([idA, a], [idB, b]) => b.score - a.score || b.reviews - a.reviews || compare(idA, idB))
    .slice(0, WEAKEST_LIMIT)
    .map(([id, w]) => ({ id, title: catalog.question(id)?.title ?? id, score: w.score, reason: w.reason }));

  return {
    topics,
    reviewsPerDay: perDay.map((count, i) => ({ day: dayString(firstDay + i), count })),
    streak: streakOf(activeDays, today),
    forecast: forecastCounts.map((count, i) => ({ day: dayString(today + i), count })),
    weakestQuestions,
    weakestConcepts: weakestConcepts(catalog, weakness),
    // The store's one count of what is due today, the same the tree and the status bar show.
    totals: { reviews, practiced, questions: catalog.questions.length, due: Array.isArray(practice?.due) ? practice.due.length : 0 },
  };
}

interface Weakness {
  readonly score: number;
  readonly reason: string;
  readonly reviews: number;
  /** Of the latest review; undefined when it had no key points to tick. */
  readonly coverage?: { readonly ratio: number; readonly covered: number; readonly of: number };
}

function weaknessOf(s: QuestionStats, card: CardState | undefined): Weakness {
  const lapses = card && Number.isInteger(card.lapses) && card.lapses > 0 ? card.lapses : 0;
  const share = s.graded > 0 ? s.againOrHard / s.graded : 0;
  const coverage = coverageOf(s.latest);
  const parts: { weight: number; value: number; text: string }[] = [
    { weight: WEIGHT_SHARE, value: share, text: `Again or Hard in ${s.againOrHard} of ${s.graded} ${plural(s.graded, 'review')}` },
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
  if (!Number.isInteger(of) || of <= 0 || !Array.isArray(entry.covered)) {
    return undefined;
  }
  const ticked = new Set<number>();
  for (const i of entry.covered) {
    if (Number.isInteger(i) && i >= 0 && i < of) {
      ticked.add(i);
    }
  }
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

/** Enough of a review entry to count it; the rest is checked where it is used. */
function isReviewLike(entry: unknown): entry is ReviewEntry {
  if (typeof entry !== 'object' || entry === null) {
    return false;
  }
  const e = entry as Partial<Record<keyof ReviewEntry, unknown>>;
  return typeof e.questionId === 'string' && typeof e.at === 'number' && Number.isFinite(e.at);
}

function isGrade(grade: unknown): boolean {
  return grade === 1 || grade === 2 || grade === 3 || grade === 4;
}

function cardOf(cards: Readonly<Record<string, unknown>>, id: string): CardState | undefined {
  if (!Object.prototype.hasOwnProperty.call(cards, id)) {
    return undefined;
  }
  const card = cards[id];
  return isRecord(card) && typeof card.due === 'number' && Number.isFinite(card.due) ? (card as unknown as CardState) : undefined;
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
