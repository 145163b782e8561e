// What a finished run means for the exercise: its status, and practice when every test passed.
// No vscode import, so the rules are unit-tested.
import type { StudyStore } from '../study/studyStore';
import type { ExerciseStatusStore } from './exerciseStatus';
import type { Exercise, RunOutcome } from './exerciseTypes';

/**
 * The review a passed exercise records, with no key points to tick: "Easy", because passing every
 * hidden test leaves nothing to relearn within minutes; the card goes straight to a gap of days,
 * when implementing it again is the review.
 */
export const PASS_GRADE = 4;

export interface PracticeDeps {
  readonly status: Pick<ExerciseStatusStore, 'status' | 'set'>;
  readonly study: Pick<StudyStore, 'record' | 'card'>;
  readonly now: () => number;
  /** How long the user worked on it, for the review log. */
  readonly timeSpent: () => Promise<number>;
}

export type RunVerdict =
  /** Every hidden test passed; `recorded` says whether a review was added (error: why not). */
  | { readonly kind: 'passed'; readonly total: number; readonly recorded: boolean; readonly error?: unknown }
  | { readonly kind: 'failing' }
  /** Nothing about the user's code was learned (cancelled, no interpreter, a subset of tests). */
  | { readonly kind: 'unchanged' };

/**
 * The status is that of the last run of every hidden test (or of a run the user's file broke).
 * Passing marks the exercise practiced and records a review, so it joins the review schedule;
 * running the passing tests again records nothing more until the review is due. Failing records
 * no review.
 */
export async function recordRun(exercise: Exercise, outcome: RunOutcome, ranAll: boolean, deps: PracticeDeps): Promise<RunVerdict> {
  const previous = deps.status.status(exercise.id);
  const at = deps.now();
  if (outcome.kind === 'completed') {
    if (!ranAll) {
      return { kind: 'unchanged' };
    }
    const total = outcome.results.length;
    const passedAll = total > 0 && outcome.passed === total;
    await deps.status.set(exercise.id, { status: passedAll ? 'passing' : 'failing', at, passed: outcome.passed, total });
    if (!passedAll) {
      return { kind: 'failing' };
    }
    const card = deps.study.card(exercise.id);
    if (previous === 'passing' && card && card.due > at) {
      return { kind: 'passed', total, recorded: false };
    }
    try {
      await deps.study.record({ questionId: exercise.id, grade: PASS_GRADE, durationMs: await deps.timeSpent(), covered: [], keyPointCount: 0, at });
      return { kind: 'passed', total, recorded: true };
    } catch (error) {
      return { kind: 'passed', total, recorded: false, error };
    }
  }
  if (outcome.kind === 'loadError' || outcome.kind === 'timedOut' || outcome.kind === 'crashed') {
    const passed = 'results' in outcome ? outcome.results.filter((r) => r.status === 'passed').length : 0;
    await deps.status.set(exercise.id, { status: 'failing', at, passed, total: exercise.testCases.length });
    return { kind: 'failing' };
  }
  return { kind: 'unchanged' };
}
