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

export class DrillSession {
  private index = 0;
  private stepShown = -1;
  private taken = false;
  private shownAt = 0;
  private revealedAfter: number | undefined;
  readonly graded: Grade[] = [];
  skipped = 0;

  /** `firstStep` continues the numbering of an earlier drill in the same panel, so its late messages match nothing. */
  constructor(
    readonly queue: readonly string[],
    private nextStep = 0,
  ) {}

  /** True once every question was graded or skipped: the done view shows the summary. */
  get done(): boolean {
    return this.index >= this.queue.length;
  }

  /** The question to show, or undefined when the drill is done. */
  get current(): string | undefined {
    return this.queue[this.index];
  }

  get position(): string {
    return `${this.index + 1} of ${this.queue.length}`;
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

  /** Starts a new step for the current question. */
  show(now: number): number {
    this.stepShown = this.nextStep++;
    this.taken = false;
    this.shownAt = now;
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
  skip(ref: DrillStepRef): boolean {
    if (!this.isCurrent(ref) || this.taken) {
      return false;
    }
    this.taken = true;
    this.skipped++;
    this.index++;
    return true;
  }

  /**
   * Grades the current question through `save` once. The step is taken before `save` is awaited,
   * so a second grade meanwhile is ignored; if `save` fails the step is free again and the drill
   * stays on the question.
   */
  async grade(ref: DrillStepRef, grade: Grade, covered: readonly number[], save: (input: GradeInput) => Promise<unknown>): Promise<GradeOutcome> {
    if (!this.isCurrent(ref) || this.taken || this.revealedAfter === undefined) {
      return 'ignored';
    }
    this.taken = true;
    try {
      await save({ questionId: ref.questionId, grade, durationMs: this.revealedAfter, covered });
    } catch (e) {
      this.taken = false;
      return { failed: e };
    }
    this.graded.push(grade);
    this.index++;
    return 'graded';
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
