// The bookkeeping of one drill, without vscode: which question is shown at which step, and whether
// an action on it is taken. Every message names its question and step; a repeat (a double click,
// a second key press before the first grade is saved) or a late message is ignored, so a question
// is graded once and the drill never skips one.
import type { QuestionFormat } from '../catalog/types';
import type { DrillStepRef } from '../shared/protocol';
import type { Grade } from '../study/types';

export interface GradeInput {
  readonly questionId: string;
  readonly grade: Grade;
  readonly durationMs: number;
  readonly covered: readonly number[];
}

export type GradeOutcome = 'graded' | 'ignored' | { readonly failed: unknown };
export type UndoOutcome = 'undone' | 'ignored' | { readonly failed: unknown };

/** What the end-of-session summary shows. */
export interface DrillSummary {
  /** Every grade given, a re-queued question counting each time. */
  readonly counts: Readonly<Record<Grade, number>>;
  readonly skipped: number;
  /** From the first question shown to the last action. */
  readonly durationMs: number;
  /** Questions graded Again or Hard at least once, the worst first, with the key points ticked at their last grade. */
  readonly weak: readonly { readonly questionId: string; readonly worst: Grade; readonly covered: readonly number[] }[];
}

/** A grade that can be taken back: where it was given, and what `save` returned to revert it with. */
interface UndoEntry<T> {
  readonly questionId: string;
  readonly grade: Grade;
  readonly index: number;
  readonly requeued: boolean;
  readonly token: T;
  readonly previous: QuestionResult | undefined;
}

interface QuestionResult {
  readonly worst: Grade;
  readonly covered: readonly number[];
  readonly order: number;
}

/**
 * `T` is what saving a grade returns (e.g. the logged review), kept so the grade can be undone.
 * Again puts the question at the end of the queue; a skipped question comes back at the end once.
 */
export class DrillSession<T = unknown> {
  private readonly items: string[];
  private index = 0;
  private stepShown = -1;
  private taken = false;
  private shownAt = 0;
  private startedAt: number | undefined;
  private lastActionAt: number | undefined;
  private revealedAfter: number | undefined;
  readonly graded: Grade[] = [];
  skipped = 0;
  /** Questions skipped once already: a second skip is final. */
  private readonly skippedIds = new Set<string>();
  private readonly undoStack: UndoEntry<T>[] = [];
  private readonly results = new Map<string, QuestionResult>();

  /** `firstStep` continues the numbering of an earlier drill in the same panel, so its late messages match nothing. */
  constructor(
    queue: readonly string[],
    private nextStep = 0,
  ) {
    this.items = [...queue];
  }

  get queue(): readonly string[] {
    return this.items;
  }

  /** True once every question was graded or skipped: the done view shows the summary. */
  get done(): boolean {
    return this.index >= this.items.length;
  }

  /** The question to show, or undefined when the drill is done. */
  get current(): string | undefined {
    return this.items[this.index];
  }

  get position(): string {
    return `${this.index + 1} of ${this.items.length}`;
  }

  get step(): number {
    return this.stepShown;
  }

  /** The step number the next drill in this panel starts from. */
  get stepsUsed(): number {
    return this.nextStep;
  }

  get revealedAfterMs(): number | undefined {
    return this.revealedAfter;
  }

  /** The grade Undo would take back. */
  get lastGrade(): { readonly questionId: string; readonly grade: Grade } | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }

  /** True when the last action was a grade that can still be undone. */
  get canUndo(): boolean {
    return this.undoStack.length > 0 && !this.taken;
  }

  /** Starts a new step for the current question (or for the done view, so an undo there names it). */
  show(now: number): number {
    this.stepShown = this.nextStep++;
    this.taken = false;
    this.shownAt = now;
    this.startedAt ??= now;
    this.revealedAfter = undefined;
    return this.stepShown;
  }

  /** True when `ref` names the question and step on screen. */
  isCurrent(ref: DrillStepRef): boolean {
    return this.current !== undefined && ref.questionId === this.current && ref.step === this.stepShown;
  }

  /** Records the time to reveal (the first reveal counts); false for a stale message. */
  reveal(ref: DrillStepRef, now: number): boolean {
    if (!this.isCurrent(ref)) {
      return false;
    }
    this.revealedAfter ??= Math.max(0, now - this.shownAt);
    return true;
  }

  /** Moves past the current question; false (nothing happens) for a repeat or a stale message. */
  skip(ref: DrillStepRef, now: number = this.shownAt): boolean {
    if (!this.isCurrent(ref) || this.taken) {
      return false;
    }
    this.taken = true;
    this.skipped++;
    // The first skip of a question brings it back at the end; a second one lets it go.
    if (!this.skippedIds.has(ref.questionId)) {
      this.skippedIds.add(ref.questionId);
      this.items.push(ref.questionId);
    }
    // Undo takes back grades only while nothing else happened since; a skip ends that.
    this.undoStack.length = 0;
    this.index++;
    this.lastActionAt = now;
    return true;
  }

  /**
   * Grades the current question through `save` once. The step is taken before `save` is awaited,
   * so a second grade meanwhile is ignored; if `save` fails the step is free again and the drill
   * stays on the question.
   */
  async grade(ref: DrillStepRef, grade: Grade, covered: readonly number[], save: (input: GradeInput) => Promise<T>, now: number = this.shownAt): Promise<GradeOutcome> {
    if (!this.isCurrent(ref) || this.taken || this.revealedAfter === undefined) {
      return 'ignored';
    }
    this.taken = true;
    let token: T;
    try {
      token = await save({ questionId: ref.questionId, grade, durationMs: this.revealedAfter, covered });
    } catch (e) {
      this.taken = false;
      return { failed: e };
    }
    const requeued = grade === 1;
    if (requeued) {
      this.items.push(ref.questionId);
    }
    const previous = this.results.get(ref.questionId);
    this.results.set(ref.questionId, {
      worst: previous && previous.worst < grade ? previous.worst : grade,
      covered: [...covered],
      order: previous?.order ?? this.results.size,
    });
    this.undoStack.push({ questionId: ref.questionId, grade, index: this.index, requeued, token, previous });
    this.graded.push(grade);
    this.index++;
    this.lastActionAt = now;
    return 'graded';
  }

  /**
   * Takes back the last grade when `step` is the step on screen: `revert` undoes what saving it
   * did, and the drill goes back to that question. If `revert` fails nothing changes.
   */
  async undo(step: number, revert: (token: T) => Promise<unknown>): Promise<UndoOutcome> {
    const last = this.undoStack[this.undoStack.length - 1];
    if (last === undefined || step !== this.stepShown || this.taken) {
      return 'ignored';
    }
    this.taken = true;
    try {
      await revert(last.token);
    } catch (e) {
      this.taken = false;
      return { failed: e };
    }
    this.undoStack.pop();
    // Grades are undone last first, and a skip clears the stack, so a re-queued copy is the last item.
    if (last.requeued) {
      this.items.pop();
    }
    if (last.previous) {
      this.results.set(last.questionId, last.previous);
    } else {
      this.results.delete(last.questionId);
    }
    this.graded.pop();
    this.index = last.index;
    this.taken = false;
    return 'undone';
  }

  summary(): DrillSummary {
    const counts: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    this.graded.forEach((g) => counts[g]++);
    const weak = [...this.results.entries()]
      .filter(([, r]) => r.worst <= 2)
      .sort(([, a], [, b]) => a.worst - b.worst || a.order - b.order)
      .map(([questionId, r]) => ({ questionId, worst: r.worst, covered: r.covered }));
    const durationMs = this.startedAt === undefined ? 0 : Math.max(0, (this.lastActionAt ?? this.startedAt) - this.startedAt);
    return { counts, skipped: this.skipped, durationMs, weak };
  }
}

/** The drill timer's settings (mlPrep.practice.timer.*). */
export interface TimerSettings {
  readonly enabled: boolean;
  readonly explainMinutes: number;
  readonly designMinutes: number;
}

/** Seconds allowed for a question of `format` (a quick one is timed as an explain one), or undefined for no timer (turned off, or 0 minutes). */
export function timerSeconds(format: QuestionFormat, settings: TimerSettings): number | undefined {
  if (!settings.enabled) {
    return undefined;
  }
  const minutes = format === 'design' ? settings.designMinutes : settings.explainMinutes;
  return Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes * 60) : undefined;
}
