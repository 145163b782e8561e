// The Topics view's description line: pure, so its wording is unit-tested.
import { describeFilter, isFilterActive, type QuestionFilter } from './questionFilter';
import type { Count } from './treeModel';

export interface ViewDescriptionInput {
  readonly overall: Count;
  readonly filter: QuestionFilter;
  /** Questions due today. */
  readonly due: number;
  /** The earliest review after today (epoch ms), if any. */
  readonly nextReview: number | undefined;
  readonly now: number;
}

/**
 * "Filter: advanced, design" while a filter is active (so a shrunken tree explains itself), else
 * the progress and, when nothing is due, when the next review is ("next review tomorrow").
 */
export function viewDescription(input: ViewDescriptionInput): string {
  if (isFilterActive(input.filter)) {
    return `Filter: ${describeFilter(input.filter)}`;
  }
  const progress = `${input.overall.practiced}/${input.overall.total} practiced`;
  if (input.due > 0 || input.nextReview === undefined) {
    return progress;
  }
  return `${progress} · next review ${dayWord(input.nextReview, input.now)}`;
}

/** "tomorrow", or a short date ("Mar 9"; with the year when it is another year). */
export function dayWord(when: number, now: number): string {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const day = new Date(when);
  if (day.toDateString() === tomorrow.toDateString()) {
    return 'tomorrow';
  }
  return day.toLocaleDateString('en-US', { month: 'short', day: 'numeric', ...(day.getFullYear() !== tomorrow.getFullYear() ? { year: 'numeric' } : {}) });
}
