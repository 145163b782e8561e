import * as assert from 'node:assert/strict';
import { Catalog } from '../../src/catalog/catalog';
import type { Concept, Question, Topic } from '../../src/catalog/types';
import { aggregate, dayClock, forecast, scanLog } from '../../src/dashboard/dashboard';
import { STUDY_LOCAL_KEY, StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento } from './helpers';
import type { CardState, Grade, ReviewEntry, StudyHistory } from '../../src/study/types';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 2024-03-15 10:00 UTC, a Friday. */
const NOW = Date.UTC(2024, 2, 15, 10);
/** 00:00 UTC of the day `n` days from NOW's day. */
const dayStart = (n: number) => Date.UTC(2024, 2, 15) + n * DAY;

function topic(id: string, order: number): Topic {
  return { id, title: `Topic ${id}`, shortTitle: id, order, difficulty: 'beginner', teaches: [], sections: [], body: '' };
}

function question(id: string, topicId: string, keyPoints: number, concepts: string[] = []): Question {
  return {
    id,
    title: `Question ${id}`,
    shortTitle: id,
    topic: topicId,
    format: 'explain',
    section: '',
    difficulty: 'beginner',
    status: 'draft',
    summary: '',
    tags: [],
    concepts,
    related: [],
    prerequisites: [],
    keyPoints: Array.from({ length: keyPoints }, (_, i) => `Point ${i}`),
    sources: [],
    body: '',
  };
}

function concept(id: string, topicId: string): Concept {
  return { id, title: `Concept ${id}`, topic: topicId, status: 'draft', oneLiner: '', aliases: [], tags: [], related: [], sources: [], body: '' };
}

/** Topic A: a1 (4 key points), a2 (2), a3 (unreviewed); topic B: b1 (no key points), b2. */
function smallCatalog(): Catalog {
  return new Catalog({
    schemaVersion: 1,
    topics: [topic('A', 1), topic('B', 2)],
    questions: [
      question('a1', 'A', 4, ['c-shared', 'c-a1']),
      question('a2', 'A', 2, ['c-shared', 'c-missing']),
      question('a3', 'A', 3, ['c-shared']),
      question('b1', 'B', 0, ['c-b']),
      question('b2', 'B', 2, ['c-b']),
    ],
    concepts: [concept('c-shared', 'A'), concept('c-a1', 'A'), concept('c-b', 'B')],
    paths: [],
  });
}

function review(questionId: string, at: number, grade: Grade = 3, covered: number[] = [], keyPointCount = 0): ReviewEntry {
  return { questionId, at, grade, durationMs: 1000, covered, keyPointCount };
}

function card(due: number, lapses = 0): CardState {
  return { due, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses, state: 2 };
}

function state(log: ReviewEntry[], cards: Record<string, CardState> = {}, due: string[] = []): StudyHistory {
  return { cards, log, due };
}

const none = () => false;

describe('dashboard aggregation', () => {
  it('counts practised, reviewed and latest key-point coverage per topic', () => {
    const practised = new Set(['a1', 'a3', 'b1']);
    const data = aggregate(
      smallCatalog(),
      (id) => practised.has(id),
      state([
        review('a1', NOW - 3 * DAY, 3, [0], 4),
        review('a2', NOW - 2 * DAY, 3, [1], 2), // 1 of 2
        review('a1', NOW - DAY, 3, [0, 1, 2], 4), // the latest review of a1: 3 of 4
        review('b1', NOW - DAY, 3, [], 0), // no key points: reviewed, but no coverage to measure
        review('gone', NOW - DAY), // a question no longer in the catalog
      ]),
      NOW,
      0,
    );
    assert.deepEqual(data.topics, [
      { id: 'A', title: 'Topic A', practiced: 2, total: 3, coverage: (0.75 + 0.5) / 2, reviewed: 2 },
      { id: 'B', title: 'Topic B', practiced: 1, total: 2, coverage: 0, reviewed: 1 },
    ]);
    assert.deepEqual(data.totals, { reviews: 5, practiced: 3, questions: 5, due: 0 });
  });

  it('takes the latest review by time, the later log entry on a tie', () => {
    const data = aggregate(
      smallCatalog(),
      none,
      state([review('a1', NOW - HOUR, 3, [0, 1, 2, 3], 4), review('a1', NOW - 2 * HOUR, 3, [], 4), review('a2', NOW - HOUR, 3, [], 2), review('a2', NOW - HOUR, 3, [0], 2)]),
      NOW,
      0,
    );
    assert.equal(data.topics[0].coverage, (1 + 0.5) / 2);
  });

  it('returns exactly the last 90 local days, oldest first, and counts their edges', () => {
    const data = aggregate(
      smallCatalog(),
      none,
      state([
        review('a1', dayStart(-89) - 1), // the last millisecond before the window
        review('a1', dayStart(-89)), // the first millisecond of the window
        review('a1', dayStart(-89) + 5 * HOUR),
        review('a2', dayStart(-40)),
        review('a2', dayStart(1) - 1), // the last millisecond of today
        review('a2', dayStart(1)), // tomorrow: a wrong clock, not shown
      ]),
      NOW,
      0,
    );
    assert.equal(data.reviewsPerDay.length, 90);
    assert.equal(data.reviewsPerDay[0].day, '2023-12-17');
    assert.equal(data.reviewsPerDay[89].day, '2024-03-15');
    assert.equal(data.reviewsPerDay[0].count, 2);
    assert.deepEqual(data.reviewsPerDay[49], { day: '2024-02-04', count: 1 });
    assert.equal(data.reviewsPerDay[89].count, 1);
    assert.equal(
      data.reviewsPerDay.reduce((n, d) => n + d.count, 0),
      4,
    );
    assert.equal(data.totals.reviews, 6, 'the total counts every entry in the log');
    // Consecutive, gap-free days.
    for (let i = 1; i < 90; i++) {
      assert.equal(Date.parse(data.reviewsPerDay[i].day) - Date.parse(data.reviewsPerDay[i - 1].day), DAY);
    }
  });

  it('places reviews on local days given the UTC offset', () => {
    // 23:30 UTC on the 14th is 01:30 on the 15th at UTC+2, and 18:30 on the 14th at UTC-5.
    const log = [review('a1', Date.UTC(2024, 2, 14, 23, 30))];
    const east = aggregate(smallCatalog(), none, state(log), NOW, 120);
    assert.equal(east.reviewsPerDay[89].count, 1);
    assert.equal(east.streak, 1);
    const west = aggregate(smallCatalog(), none, state(log), NOW, -300);
    assert.equal(west.reviewsPerDay[89].day, '2024-03-15');
    assert.equal(west.reviewsPerDay[88].count, 1);
    // Late evening of the 14th UTC is already the 15th at UTC+14: the window ends a day later.
    const now = Date.UTC(2024, 2, 14, 22);
    assert.equal(aggregate(smallCatalog(), none, state([]), now, 14 * 60).reviewsPerDay[89].day, '2024-03-15');
    assert.equal(aggregate(smallCatalog(), none, state([]), now, 0).reviewsPerDay[89].day, '2024-03-14');
  });

  it('defaults to the machine offset at now', () => {
    const log = [review('a1', NOW - 9 * HOUR), review('a1', NOW - 11 * HOUR), review('a2', NOW - 30 * HOUR)];
    assert.deepEqual(
      aggregate(smallCatalog(), none, state(log), NOW),
      aggregate(smallCatalog(), none, state(log), NOW, -new Date(NOW).getTimezoneOffset()),
    );
  });

  it('counts the streak back from today, or from yesterday while today has no review yet', () => {
    const streak = (days: number[]) =>
      aggregate(smallCatalog(), none, state(days.map((d) => review('a1', dayStart(d) + HOUR))), NOW, 0).streak;
    assert.equal(streak([0, -1, -2, -4, -5]), 3, 'the gap on day -3 ends it');
    assert.equal(streak([0, 0, -1]), 2, 'several reviews on one day count once');
    assert.equal(streak([-1, -2, -4]), 2, 'no review today yet: still running from yesterday');
    assert.equal(streak([-2, -3]), 0, 'yesterday missed: broken');
    assert.equal(streak([0]), 1);
    assert.equal(streak([1]), 0, 'a review dated tomorrow does not count');
    assert.equal(streak([]), 0);
    assert.equal(streak(Array.from({ length: 120 }, (_, i) => -i)), 120, 'longer than the 90-day chart');
  });

  it('forecasts cards due per day for 7 days, overdue cards today', () => {
    const data = aggregate(
      smallCatalog(),
      none,
      state([], {
        a1: card(NOW - 3 * DAY), // overdue
        a2: card(NOW + HOUR), // later today
        a3: card(dayStart(1)), // tomorrow, first millisecond
        b1: card(dayStart(7) - 1), // the last millisecond of the 7th day
        b2: card(dayStart(7)), // the 8th day: outside
        gone: card(NOW - DAY), // not in the catalog: cannot be drilled
      }, ['a1', 'a2']), // the store's dueToday(): by the end of today, catalog questions only
      NOW,
      0,
    );
    assert.deepEqual(data.forecast, [
      { day: '2024-03-15', count: 2 },
      { day: '2024-03-16', count: 1 },
      { day: '2024-03-17', count: 0 },
      { day: '2024-03-18', count: 0 },
      { day: '2024-03-19', count: 0 },
      { day: '2024-03-20', count: 0 },
      { day: '2024-03-21', count: 1 },
    ]);
    assert.equal(data.totals.due, 2, "the store's count of what is due today, as the tree and the status bar show it");
    assert.equal(data.totals.due, data.forecast[0].count, 'and the same as the forecast for today');
  });

  it('counts coding exercises in the due total, forecast, reviews per day and streak, under no topic', () => {
    const data = aggregate(
      smallCatalog(),
      none,
      {
        ...state([review('x-softmax', NOW - DAY, 4), review('a1', NOW - DAY)], { 'x-softmax': card(NOW - HOUR), 'x-attention': card(dayStart(2)), a1: card(dayStart(3)), gone: card(NOW) }, ['x-softmax']),
        exerciseIds: ['x-softmax', 'x-attention'],
      },
      NOW,
      0,
    );
    assert.equal(data.totals.due, 1, "the store's due list, which holds due exercises");
    assert.deepEqual(
      data.forecast.map((d) => d.count),
      [1, 0, 1, 1, 0, 0, 0],
      'exercise cards forecast like question cards; an id neither a question nor an exercise is left out',
    );
    assert.equal(data.reviewsPerDay[data.reviewsPerDay.length - 2].count, 2, "yesterday's exercise review counts as activity");
    assert.equal(data.totals.reviews, 2);
    assert.deepEqual(
      data.topics.map((t) => t.reviewed),
      [1, 0],
      'only the question review counts in a topic row',
    );
    const without = aggregate(smallCatalog(), none, state([], { 'x-softmax': card(NOW - HOUR) }, []), NOW, 0);
    assert.equal(without.forecast[0].count, 0, 'without exercise ids only questions are forecast');
  });

  it('ranks the weakest reviewed questions by lapses, Again/Hard share and low coverage', () => {
    const data = aggregate(
      smallCatalog(),
      none,
      state(
        [
          // a1: every review Again, nothing covered, lapses at the maximum: as weak as it gets.
          review('a1', NOW - 3 * DAY, 1, [], 4),
          review('a1', NOW - 2 * DAY, 1, [], 4),
          // a2: one Hard of two, half covered last time.
          review('a2', NOW - 3 * DAY, 2, [], 2),
          review('a2', NOW - 2 * DAY, 3, [1], 2),
          // b1: no key points, one Hard of one: share only (coverage left out, not counted as 0).
          review('b1', NOW - DAY, 2, [], 0),
          // b2: all Good, all covered, no lapses: not weak, not listed.
          review('b2', NOW - DAY, 3, [0, 1], 2),
          review('gone', NOW - DAY, 1, [], 3),
        ],
        { a1: card(NOW, 5), a2: card(NOW, 1) },
      ),
      NOW,
      0,
    );
    assert.deepEqual(
      data.weakestQuestions.map((q) => [q.id, q.score]),
      [
        ['a1', 1],
        ['b1', 0.615], // 0.4 / 0.65
        ['a2', 0.458], // (0.4 * 0.5 + 0.25 / 3 + 0.35 * 0.5) / 1
      ],
    );
    assert.equal(data.weakestQuestions[0].title, 'Question a1');
    assert.equal(data.weakestQuestions[0].reason, 'Again or Hard in 2 of 2 reviews; 0 of 4 key points covered last time; 5 lapses');
    assert.equal(data.weakestQuestions[1].reason, 'Again or Hard in 1 of 1 review');
    assert.equal(data.weakestQuestions[2].reason, 'Again or Hard in 1 of 2 reviews; 1 of 2 key points covered last time; 1 lapse');
    // Concepts: the mean over the reviewed questions that use them, strong ones included.
    assert.deepEqual(data.weakestConcepts, [
      { id: 'c-a1', title: 'Concept c-a1', score: 1, questions: 1 },
      { id: 'c-shared', title: 'Concept c-shared', score: 0.729, questions: 2 }, // (1 + 0.458) / 2; a3 is unreviewed
      { id: 'c-b', title: 'Concept c-b', score: 0.308, questions: 2 }, // (0.615 + 0) / 2
    ]);
  });

  it('lists at most 5 weakest questions and concepts, ties broken by more reviews then id', () => {
    const topics = [topic('T', 1)];
    const questions = Array.from({ length: 8 }, (_, i) => question(`q${i}`, 'T', 0, [`c${i}`]));
    const concepts = questions.map((_, i) => concept(`c${i}`, 'T'));
    const catalog = new Catalog({ schemaVersion: 1, topics, questions, concepts, paths: [] });
    const log = questions.map((q) => review(q.id, NOW - HOUR, 1));
    log.push(review('q7', NOW - 2 * HOUR, 1));
    const data = aggregate(catalog, none, state(log), NOW, 0);
    assert.deepEqual(
      data.weakestQuestions.map((q) => q.id),
      ['q7', 'q0', 'q1', 'q2', 'q3'],
    );
    assert.deepEqual(
      data.weakestConcepts.map((c) => c.id),
      ['c0', 'c1', 'c2', 'c3', 'c4'],
    );
  });

  it('gives zeros and empty lists for empty data', () => {
    const data = aggregate(smallCatalog(), none, state([]), NOW, 0);
    assert.equal(data.reviewsPerDay.length, 90);
    assert.ok(data.reviewsPerDay.every((d) => d.count === 0));
    assert.deepEqual(
      data.forecast.map((d) => d.count),
      [0, 0, 0, 0, 0, 0, 0],
    );
    assert.equal(data.streak, 0);
    assert.deepEqual(data.weakestQuestions, []);
    assert.deepEqual(data.weakestConcepts, []);
    assert.deepEqual(data.totals, { reviews: 0, practiced: 0, questions: 5, due: 0 });
    assert.deepEqual(
      data.topics.map((t) => [t.coverage, t.reviewed]),
      [
        [0, 0],
        [0, 0],
      ],
    );

    const empty = aggregate(new Catalog({ schemaVersion: 1, topics: [], questions: [], concepts: [], paths: [] }), none, state([]), NOW, 0);
    assert.deepEqual(empty.topics, []);
    assert.deepEqual(empty.totals, { reviews: 0, practiced: 0, questions: 0, due: 0 });
  });

  it('draws what the store kept of damaged stored data: the store checks it once, the dashboard trusts it', async () => {
    const memento = new MemoryMemento();
    memento.values.set(STUDY_LOCAL_KEY, {
      version: 1,
      resetAt: 0,
      questions: { a1: 12 },
      log: [['a1', NOW - HOUR, 1, 1000, [0], 4], ['a1', NOW - HOUR, 9, 1000, [], 4], 'junk', ['a2', Number.NaN, 1, 1000, [], 2]],
    });
    const store = new StudyStore({ memento, backups: new MemoryBackups(), now: () => NOW });
    assert.ok((await store.load()).problems.length >= 3, 'the store reports what it skipped');
    const data = aggregate(smallCatalog(), (id) => store.isPracticed(id), { ...store.history(), due: store.dueToday(NOW) }, NOW, 0);
    assert.equal(data.totals.reviews, 1, 'only the valid review');
    assert.equal(data.reviewsPerDay[89].count, 1);
    assert.deepEqual(data.weakestQuestions.map((q) => q.id), ['a1']);
    assert.equal(data.topics[0].reviewed, 1);
    assert.equal(data.topics[0].coverage, 0.25);
  });

  it('splits into small figures: the log scan, the day clock and the forecast', () => {
    const clock = dayClock(NOW, 0);
    assert.equal(clock.today - clock.firstDay, 89);
    assert.equal(clock.dayOf(dayStart(-1)), clock.today - 1);
    const scan = scanLog([review('a1', dayStart(-2), 1), review('a1', dayStart(0), 3), review('b1', NOW + DAY)], clock);
    assert.equal(scan.reviews, 3);
    assert.deepEqual([...scan.activeDays].sort(), [clock.today - 2, clock.today].sort(), 'a review in the future counts, but on no past day');
    assert.deepEqual(scan.stats.get('a1'), { reviews: 2, againOrHard: 1, latest: review('a1', dayStart(0), 3) });
    const days = forecast(smallCatalog(), { a1: card(dayStart(-3)), b2: card(dayStart(6) + HOUR), gone: card(dayStart(0)) }, clock);
    assert.deepEqual(days.map((d) => d.count), [1, 0, 0, 0, 0, 0, 1], 'overdue today, day 6 last; a question not in the catalog is not counted');
    assert.equal(days[0].day, '2024-03-15');
  });

  it('rejects a now that is not a time, naming it', () => {
    assert.throws(() => aggregate(smallCatalog(), none, state([]), Number.NaN), /now must be epoch milliseconds/);
  });
});
