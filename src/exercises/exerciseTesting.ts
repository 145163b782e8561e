// The Testing view's side of exercises: one item per started attempt, one child per hidden test.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { LocaleFormat } from '../util/localeFormat';
import type { Logger } from '../util/logger';
import { attemptPath, exerciseIdOfAttempt, findFunctions, functionUnderTest } from './attemptFiles';
import type { ExerciseLibrary } from './exerciseLibrary';
import type { Exercise, RunOutcome, TestCaseResult } from './exerciseTypes';
import type { ResolvedPython } from './interpreter';
import { describeOutcome, notRunMessage, resultMessage, resultsOf, type InterpreterProblem } from './runMessages';
import { runExercise } from './runner/runExercise';

export const TEST_CONTROLLER_ID = 'mlPrep.exercises';

export interface ExerciseTestingDeps {
  readonly library: ExerciseLibrary;
  /** The exercises folder, from the setting. */
  readonly folder: () => string;
  /** Folder holding mlprep_run.py and mlprep_check.py. */
  readonly harnessDir: string;
  readonly logger: Logger;
  readonly resolvePython: (resource: vscode.Uri) => Promise<ResolvedPython>;
  /** Runs need workspace trust; false refuses them (the caller says why). */
  readonly mayRun: () => Promise<boolean>;
  readonly onInterpreterProblem: (problem: InterpreterProblem) => void;
  /** After each exercise's run: status, practice, notifications. `ranAll` = every hidden test was asked for. */
  readonly onCompleted: (exercise: Exercise, outcome: RunOutcome, ranAll: boolean, attempt: vscode.Uri) => Promise<void>;
}

const childId = (exerciseId: string, testName: string) => `${exerciseId}/${testName}`;

export class ExerciseTesting implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, vscode.l10n.t('ML Interview Prep exercises'));
  private readonly runProfile: vscode.TestRunProfile;
  private readonly subscriptions: vscode.Disposable[] = [];
  private watcher: vscode.FileSystemWatcher | undefined;
  private watchedFolder: string | undefined;

  constructor(private readonly deps: ExerciseTestingDeps) {
    this.controller.resolveHandler = async (item) => {
      if (!item) {
        await this.discover();
      }
    };
    this.controller.refreshHandler = () => this.discover();
    this.runProfile = this.controller.createRunProfile(vscode.l10n.t('Run hidden tests'), vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    this.subscriptions.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const exercise = this.exerciseOf(doc.uri);
        if (exercise) {
          this.deps.logger.run(`exercises: updating ${exercise.id}`, () => this.upsert(exercise));
        }
      }),
    );
  }

  /** The exercise an attempt file belongs to (the library must be loaded). */
  exerciseOf(uri: vscode.Uri): Exercise | undefined {
    if (uri.scheme !== 'file') {
      return undefined;
    }
    const id = exerciseIdOfAttempt(uri.fsPath, this.deps.folder(), (i) => this.deps.library.get(i) !== undefined);
    return id ? this.deps.library.get(id) : undefined;
  }

  /** Adds an item for every started attempt in the exercises folder, and removes the gone ones. */
  async discover(): Promise<void> {
    const exercises = await this.deps.library.load();
    const folder = this.deps.folder();
    this.watch(folder);
    let names: string[] = [];
    try {
      names = await fs.readdir(folder);
    } catch {
      // No folder yet: nothing started.
    }
    const started = exercises.filter((e) => names.includes(`${e.id}.py`));
    this.controller.items.forEach((item) => {
      if (!started.some((e) => e.id === item.id)) {
        this.controller.items.delete(item.id);
      }
    });
    await Promise.all(started.map((e) => this.upsert(e)));
  }

  /** The attempt's item, (re)built with the test children placed on the user's functions. */
  async upsert(exercise: Exercise): Promise<vscode.TestItem> {
    const uri = vscode.Uri.file(attemptPath(this.deps.folder(), exercise.id));
    const text = await this.readAttempt(uri);
    const defs = findFunctions(text ?? '', exercise.functions);
    const rangeOf = (fn: string | undefined) => {
      const def = defs.find((d) => d.name === fn) ?? defs[0];
      return def ? new vscode.Range(def.line, def.column, def.line, def.column + def.name.length) : new vscode.Range(0, 0, 0, 0);
    };
    let parent = this.controller.items.get(exercise.id);
    if (!parent || parent.uri?.toString() !== uri.toString()) {
      parent = this.controller.createTestItem(exercise.id, exercise.shortTitle, uri);
      this.controller.items.add(parent);
    }
    parent.description = vscode.l10n.t('ML coding exercise');
    parent.range = rangeOf(exercise.functions[0]);
    const children = exercise.testCases.map((test) => {
      const id = childId(exercise.id, test.name);
      const item = parent.children.get(id) ?? this.controller.createTestItem(id, test.label, uri);
      item.label = test.label;
      item.range = rangeOf(functionUnderTest(exercise.tests, test.line, exercise.functions));
      return item;
    });
    parent.children.replace(children);
    return parent;
  }

  /** Runs an exercise's tests (all, or the named ones) as a run the Testing view shows. */
  async runTests(exercise: Exercise, only?: readonly string[]): Promise<void> {
    const parent = await this.upsert(exercise);
    const include = only ? only.flatMap((name) => parent.children.get(childId(exercise.id, name)) ?? []) : [parent];
    const cancel = new vscode.CancellationTokenSource();
    try {
      await this.run(new vscode.TestRunRequest(include, undefined, this.runProfile), cancel.token);
    } finally {
      cancel.dispose();
    }
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const groups = this.groups(request);
    const run = this.controller.createTestRun(request);
    try {
      if (!(await this.deps.mayRun())) {
        const message = new vscode.TestMessage(vscode.l10n.t('Not run: running your code needs a trusted workspace (Restricted Mode is on).'));
        for (const { tests } of groups.values()) {
          tests.forEach((t) => run.errored(t, message));
        }
        return;
      }
      for (const [exerciseId, group] of groups) {
        const exercise = this.deps.library.get(exerciseId);
        if (!exercise || token.isCancellationRequested) {
          group.tests.forEach((t) => run.skipped(t));
          continue;
        }
        await this.runOne(run, exercise, group, token);
      }
    } finally {
      run.end();
    }
  }

  /** Requested items by exercise: the tests to run, and whether that is every hidden test. */
  private groups(request: vscode.TestRunRequest): Map<string, { parent: vscode.TestItem; tests: vscode.TestItem[]; all: boolean }> {
    const groups = new Map<string, { parent: vscode.TestItem; tests: vscode.TestItem[]; all: boolean }>();
    const excluded = new Set((request.exclude ?? []).map((t) => t.id));
    const include: vscode.TestItem[] = [];
    if (request.include) {
      include.push(...request.include);
    } else {
      this.controller.items.forEach((item) => include.push(item));
    }
    for (const item of include) {
      const parent = item.parent ?? item;
      const group = groups.get(parent.id) ?? { parent, tests: [], all: false };
      groups.set(parent.id, group);
      if (item.parent) {
        if (!group.tests.includes(item)) {
          group.tests.push(item);
        }
      } else {
        group.all = true;
        parent.children.forEach((t) => {
          if (!group.tests.includes(t)) {
            group.tests.push(t);
          }
        });
      }
    }
    for (const group of groups.values()) {
      const before = group.tests.length;
      group.tests = group.tests.filter((t) => !excluded.has(t.id) && !excluded.has(group.parent.id));
      group.all = group.all && group.tests.length === before && group.tests.length === group.parent.children.size;
    }
    return groups;
  }

  private async runOne(run: vscode.TestRun, exercise: Exercise, group: { parent: vscode.TestItem; tests: vscode.TestItem[]; all: boolean }, token: vscode.CancellationToken): Promise<void> {
    const uri = group.parent.uri ?? vscode.Uri.file(attemptPath(this.deps.folder(), exercise.id));
    // The run reads the file on disk: what the user typed is saved first.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) {
      await open.save();
    }
    const parent = await this.upsert(exercise);
    const tests = group.tests.flatMap((t) => parent.children.get(t.id) ?? []);
    tests.forEach((t) => run.started(t));
    const reported = new Set<string>();
    const report = (result: TestCaseResult) => {
      const item = parent.children.get(childId(exercise.id, result.name));
      if (!item || reported.has(item.id) || result.status === 'notRun') {
        return;
      }
      reported.add(item.id);
      this.report(run, item, result);
    };

    const python = await this.deps.resolvePython(uri);
    let outcome: RunOutcome;
    if (python.path === undefined) {
      outcome = { kind: 'noInterpreter', tried: python.tried };
    } else {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      try {
        run.appendOutput(`${vscode.l10n.t('Running {0} with {1}', exercise.title, python.path)}\r\n`);
        outcome = await runExercise({
          python: python.path,
          exercise,
          attemptPath: uri.fsPath,
          harnessDir: this.deps.harnessDir,
          only: group.all ? undefined : tests.map((t) => t.id.slice(exercise.id.length + 1)),
          signal: abort.signal,
          onResult: report,
        });
      } finally {
        cancelled.dispose();
      }
    }
    resultsOf(outcome).forEach(report);
    const format = new LocaleFormat(vscode.env.language);
    const text = describeOutcome(outcome, exercise.title, format);
    run.appendOutput(`${text.summary}\r\n`);
    const rest = tests.filter((t) => !reported.has(t.id));
    if (outcome.kind === 'cancelled') {
      rest.forEach((t) => run.skipped(t));
    } else {
      const message = text.allErrored ?? notRunMessage(outcome, format);
      const detail = outcome.kind === 'loadError' && outcome.output ? `\n\n${vscode.l10n.t('Output:\n{0}', outcome.output)}` : '';
      rest.forEach((t) => {
        const m = new vscode.TestMessage(message + detail);
        m.location = new vscode.Location(uri, t.range ?? new vscode.Range(0, 0, 0, 0));
        run.errored(t, m);
      });
    }
    if (text.interpreter) {
      this.deps.onInterpreterProblem(text.interpreter);
    }
    await this.deps.onCompleted(exercise, outcome, group.all, uri);
  }

  private report(run: vscode.TestRun, item: vscode.TestItem, result: TestCaseResult): void {
    const location = item.uri && item.range ? new vscode.Location(item.uri, item.range) : undefined;
    if (result.output) {
      run.appendOutput(`${item.label}:\r\n${result.output.replace(/\r?\n/g, '\r\n')}\r\n`, location, item);
    }
    if (result.status === 'passed') {
      run.passed(item, result.durationMs);
      return;
    }
    const text = resultMessage(result);
    const message =
      result.expected !== undefined && result.actual !== undefined ? vscode.TestMessage.diff(text, result.expected, result.actual) : new vscode.TestMessage(text);
    message.location = location;
    if (result.status === 'failed') {
      run.failed(item, message, result.durationMs);
    } else {
      run.errored(item, message, result.durationMs);
    }
  }

  private async readAttempt(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      return open.getText();
    }
    try {
      return await fs.readFile(uri.fsPath, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Attempts started or removed outside the extension show up or go. */
  private watch(folder: string): void {
    if (this.watchedFolder === folder) {
      return;
    }
    this.watcher?.dispose();
    this.watchedFolder = folder;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*.py'));
    const changed = (uri: vscode.Uri) => {
      const exercise = this.exerciseOf(uri);
      if (exercise) {
        this.deps.logger.run(`exercises: adding ${exercise.id}`, () => this.upsert(exercise));
      }
    };
    this.watcher.onDidCreate(changed);
    this.watcher.onDidDelete((uri) => {
      const exercise = this.exerciseOf(uri);
      if (exercise) {
        this.controller.items.delete(exercise.id);
      }
    });
  }

  dispose(): void {
    this.watcher?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.controller.dispose();
  }
}
