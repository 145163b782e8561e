import * as assert from 'node:assert/strict';
import { createEmptyCard, fsrs } from 'ts-fsrs';
import { describeInterval, dueQuestionIds, isDue, nextIntervals, reviewCard } from '../../src/study/scheduler';
import type { CardState } from '../../src/study/types';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A card that has graduated to review: Good on a new card, then Good again when due. */
function reviewState(): CardState {
  const learning = reviewCard(undefined, 3, T0);
  return reviewCard(learning, 3, learning.due);
}

describe('scheduler', () => {
  it('schedules a new card through FSRS: Good comes back later than Again, Easy later still', () => {
    const again = reviewCard(undefined, 1, T0);
    const good = reviewCard(undefined, 3, T0);
    const easy = reviewCard(undefined, 4, T0);
    assert.ok(again.due > T0, 'even Again is scheduled after now');
    assert.ok(good.due > again.due, `Good (${good.due - T0} ms) should be after Again (${again.due - T0} ms)`);
    assert.ok(easy.due > good.due);
    for (const card of [again, good, easy]) {
      assert.equal(card.reps, 1);
      assert.equal(card.lapses, 0);
      assert.equal(card.lastReview, T0);
      assert.ok(card.stability > 0 && card.difficulty >= 1 && card.difficulty <= 10, JSON.stringify(card));
    }
    // Default learning steps are 1m and 10m; Easy skips learning and goes to review.
    assert.equal(again.due, T0 + MINUTE);
    assert.equal(good.due, T0 + 10 * MINUTE);
    assert.equal(again.state, 1);
    assert.equal(easy.state, 2);
    assert.ok(easy.scheduledDays >= 1);
  });

  it('gives exactly what ts-fsrs gives with default parameters and no fuzz, over a long history', () => {
    const library = fsrs({ enable_fuzz: false });
    let theirs = createEmptyCard(T0);
    let ours: CardState | undefined;
    let now = T0;
    for (const grade of [3, 3, 4, 3, 2, 4, 1, 3, 4, 4] as const) {
      theirs = library.next(theirs, now, grade).card;
      ours = reviewCard(ours, grade, now);
      assert.equal(ours.due, theirs.due.getTime(), `due after grade ${grade}`);
      assert.equal(ours.stability, theirs.stability);
      assert.equal(ours.scheduledDays, theirs.scheduled_days);
      now = ours.due + 3600_000;
    }
    assert.ok(ours!.scheduledDays > 30, 'long intervals, where fuzz would show, were reached');
  });

  it('is deterministic (fuzz off): the same review gives the same card', () => {
    const a = reviewCard(reviewState(), 3, T0 + 30 * DAY);
    const b = reviewCard(reviewState(), 3, T0 + 30 * DAY);
    assert.deepEqual(a, b);
  });

  it('counts a lapse when a card in review is graded Again', () => {
    const card = reviewState();
    assert.equal(card.state, 2, 'in review');
    assert.equal(card.lapses, 0);
    const forgotten = reviewCard(card, 1, card.due + DAY);
    assert.equal(forgotten.lapses, 1);
    assert.equal(forgotten.state, 3, 'relearning');
    assert.equal(forgotten.reps, card.reps + 1);
    assert.ok(forgotten.stability < card.stability, 'forgetting lowers stability');
    const remembered = reviewCard(card, 3, card.due + DAY);
    assert.equal(remembered.lapses, 0, 'Good is not a lapse');
    assert.ok(remembered.due - remembered.lastReview! > card.due - card.lastReview!, 'the interval grows');
  });

  it('keeps every field, dates included, as a JSON-safe number', () => {
    const card = reviewCard(undefined, 2, T0);
    for (const [key, value] of Object.entries(card)) {
      assert.equal(typeof value, 'number', key);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(card)), card, 'JSON-safe');
  });

  it('counts a review with the clock set back as happening at the previous review', () => {
    const card = reviewState();
    const back = reviewCard(card, 3, card.lastReview! - 3 * DAY);
    assert.equal(back.lastReview, card.lastReview);
    assert.deepEqual(back, reviewCard(card, 3, card.lastReview!));
  });

  it('rejects a time that is not a finite number or a grade outside 1 to 4', () => {
    assert.throws(() => reviewCard(undefined, 3, Number.NaN), /now must be a finite time/);
    assert.throws(() => reviewCard(undefined, 5 as never, T0), /grade must be 1, 2, 3 or 4/);
  });

  it('is due from the due time on', () => {
    const card = reviewCard(undefined, 3, T0);
    assert.equal(isDue(card, card.due - 1), false);
    assert.equal(isDue(card, card.due), true);
    assert.equal(isDue(card, card.due + DAY), true);
  });

  it('lists due ids longest overdue first, ties by id, and leaves out cards not yet due', () => {
    const at = (due: number): CardState => ({ ...reviewCard(undefined, 3, T0), due });
    const cards = {
      later: at(T0 + 5 * DAY),
      recent: at(T0 - DAY),
      oldest: at(T0 - 10 * DAY),
      b: at(T0 - 3 * DAY),
      a: at(T0 - 3 * DAY),
      exactlyNow: at(T0),
    };
    assert.deepEqual(dueQuestionIds(cards, T0), ['oldest', 'a', 'b', 'recent', 'exactlyNow']);
    assert.deepEqual(dueQuestionIds(cards, T0 - 20 * DAY), []);
    assert.deepEqual(dueQuestionIds({}, T0), []);
  });

  it('puts a harder grade sooner, and never changes the card it is given', () => {
    const card = reviewState();
    const copy = { ...card };
    const dues = ([1, 2, 3, 4] as const).map((g) => reviewCard(card, g, card.due).due);
    assert.deepEqual(card, copy);
    assert.ok(dues[0] < dues[1] && dues[1] < dues[2] && dues[2] < dues[3], JSON.stringify(dues));
  });
});

describe('grade previews', () => {
  const NOW = Date.UTC(2025, 2, 1, 9);
  it('each grade previews the due date that grading would give, Again soonest', () => {
    const card = reviewCard(reviewCard(undefined, 3, NOW), 3, NOW + 3 * 86_400_000);
    const later = NOW + 20 * 86_400_000;
    const preview = nextIntervals(card, later);
    for (const g of [1, 2, 3, 4] as const) {
      assert.equal(preview[g], reviewCard(card, g, later).due - later);
    }
    assert.ok(preview[1] < preview[2] && preview[2] < preview[3] && preview[3] < preview[4], JSON.stringify(preview));
  });

  it('describes intervals briefly and in words', () => {
    assert.deepEqual(describeInterval(10 * 60_000), { short: '10m', words: '10 minutes' });
    assert.deepEqual(describeInterval(0), { short: '1m', words: '1 minute' });
    assert.deepEqual(describeInterval(3 * 3_600_000), { short: '3h', words: '3 hours' });
    assert.deepEqual(describeInterval(86_400_000), { short: '1d', words: '1 day' });
    assert.deepEqual(describeInterval(4 * 86_400_000), { short: '4d', words: '4 days' });
    assert.deepEqual(describeInterval(90 * 86_400_000), { short: '3mo', words: '3 months' });
    assert.deepEqual(describeInterval(730 * 86_400_000), { short: '2y', words: '2 years' });
  });
});
