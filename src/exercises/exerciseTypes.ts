// Implement-it coding exercises: the compiled form (dist/exercises.json) and what a run reports.
// No vscode import: the compiler, the runner and the unit tests all use these types.

import type { Difficulty } from '../catalog/types';

export interface ExerciseTestCase {
  /** The Python function name in tests.py, e.g. "test_stable_for_large_logits". */
  readonly name: string;
  /** Its docstring's first line, or the name without "test_" and underscores. */
  readonly label: string;
  /** 1-based line of the `def` in tests.py. */
  readonly line: number;
}

export interface Exercise {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  /** One of the catalog's topic ids. */
  readonly topic: string;
  readonly difficulty: Difficulty;
  readonly summary: string;
  /** The functions the user implements, in the order the statement introduces them. */
  readonly functions: readonly string[];
  readonly concepts: readonly string[];
  readonly questions: readonly string[];
  readonly keyPoints: readonly string[];
  readonly sources: readonly string[];
  /** The statement, Markdown with math (exercise.md's body). */
  readonly statement: string;
  /** File contents, verbatim. */
  readonly starter: string;
  readonly solution: string;
  readonly tests: string;
  readonly testCases: readonly ExerciseTestCase[];
}

export interface ExerciseData {
  readonly schemaVersion: 1;
  readonly exercises: readonly Exercise[];
}

export type TestCaseStatus = 'passed' | 'failed' | 'errored' | 'notRun';

export interface TestCaseResult {
  readonly name: string;
  readonly label: string;
  readonly status: TestCaseStatus;
  readonly message?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** What the user's code printed during this test, capped. */
  readonly output?: string;
  readonly durationMs?: number;
}

/** Everything a run can end in; each kind gets its own clear message in the UI. */
export type RunOutcome =
  | {
      readonly kind: 'completed';
      readonly python: string;
      readonly numpy: string;
      readonly results: readonly TestCaseResult[];
      readonly passed: number;
      readonly failed: number;
    }
  /** The user's file (or the tests) raised on import: a syntax error, a bad import. */
  | { readonly kind: 'loadError'; readonly message: string; readonly output?: string }
  | { readonly kind: 'missingNumpy'; readonly python: string }
  | { readonly kind: 'noInterpreter'; readonly tried: readonly string[] }
  /** Killed after timeoutMs; results holds what finished before, the rest are 'notRun'. */
  | { readonly kind: 'timedOut'; readonly timeoutMs: number; readonly results: readonly TestCaseResult[] }
  | { readonly kind: 'cancelled'; readonly results: readonly TestCaseResult[] }
  /** The process ended without a done event: a crash, a sys.exit in user code, too much output. */
  | { readonly kind: 'crashed'; readonly exitCode: number | null; readonly detail: string; readonly results: readonly TestCaseResult[] };
