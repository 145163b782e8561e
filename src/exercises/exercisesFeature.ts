// ML coding exercises in VS Code: the tree's "ML Coding" node, statement pages in the answer
// panel, Start / Run / Reveal, the Testing view, CodeLens and practice integration.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Catalog } from '../catalog/catalog';
import type { PanelPages } from '../panel/answerPanels';
import type { Markdown } from './exercisePage';
import type { StudyStore } from '../study/studyStore';
import type { ExerciseTreeSource } from '../tree/exerciseNodes';
import { Emitter } from '../util/event';
import { LocaleFormat } from '../util/localeFormat';
import type { Logger } from '../util/logger';
import { attemptPath, exercisesFolderPath, startAttempt } from './attemptFiles';
import { ExerciseCodeLens } from './exerciseCodeLens';
import { ExerciseLibrary } from './exerciseLibrary';
import { EXERCISE_PAGE_PREFIX, exercisePageHtml, statusInline } from './exercisePage';
import { recordRun } from './exercisePractice';
import { ExerciseStatusStore } from './exerciseStatus';
import { ExerciseTesting } from './exerciseTesting';
import type { Exercise, RunOutcome } from './exerciseTypes';
import { resolvePython } from './interpreter';
import { isPythonExtensionInstalled, pythonSources } from './pythonSources';
import type { InterpreterProblem } from './runMessages';
import { exerciseIdOfSolution, SOLUTION_SCHEME, SolutionDocuments, solutionUri } from './solutionDocuments';

export interface ExercisesDeps {
  readonly extensionUri: vscode.Uri;
  /** Where each exercise's last result is kept (globalState; not synced). */
  readonly globalState: vscode.Memento;
  readonly study: Pick<StudyStore, 'record' | 'isPracticed' | 'card' | 'onDidChange'>;
  readonly catalog: () => Catalog;
  readonly panels: { addPages(pages: PanelPages): vscode.Disposable; open(id: string): Promise<void>; refresh(id: string): void };
  readonly markdown: () => Promise<Markdown>;
  readonly logger: Logger;
}

/** Due by the end of the local day, as the study store counts questions due today. */
function isDueToday(due: number | undefined, now: number): boolean {
  if (due === undefined) {
    return false;
  }
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return due <= end.getTime();
}

export class ExercisesFeature implements vscode.Disposable {
  readonly library: ExerciseLibrary;
  readonly status: ExerciseStatusStore;
  readonly testing: ExerciseTesting;
  /** What the tree's "ML Coding" node shows. */
  readonly tree: ExerciseTreeSource;
  private readonly codeLens: ExerciseCodeLens;
  private readonly changes = new Emitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: ExercisesDeps) {
    const file = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'exercises.json');
    this.library = new ExerciseLibrary(async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), file.fsPath);
    this.status = new ExerciseStatusStore(deps.globalState);
    this.testing = new ExerciseTesting({
      library: this.library,
      folder: () => this.folder(),
      harnessDir: vscode.Uri.joinPath(deps.extensionUri, 'media', 'python').fsPath,
      logger: deps.logger,
      resolvePython: (resource) => resolvePython(pythonSources(resource, deps.logger)),
      mayRun: () => this.mayRun(),
      onInterpreterProblem: (problem) => this.showInterpreterProblem(problem),
      onCompleted: (exercise, outcome, ranAll, attempt) => this.completed(exercise, outcome, ranAll, attempt),
    });
    this.codeLens = new ExerciseCodeLens(async (uri) => {
      if (uri.scheme !== 'file' || !uri.fsPath.endsWith('.py')) {
        return undefined;
      }
      await this.library.load();
      return this.testing.exerciseOf(uri);
    });
    const changes = this.changes;
    const library = this.library;
    const status = this.status;
    this.tree = {
      get current() {
        return library.current;
      },
      load: () => library.load(),
      status: (id) => status.status(id),
      isPracticed: (id) => deps.study.isPracticed(id),
      isDue: (id) => isDueToday(deps.study.card(id)?.due, Date.now()),
      onDidChange: changes.event,
    };
    this.subscriptions.push(
      this.testing,
      this.codeLens,
      this.library.onDidLoad(() => {
        if (this.library.error) {
          deps.logger.warn(`exercises: ${this.library.error}`);
        }
        this.changes.fire();
        this.codeLens.refresh();
      }),
      this.status.onDidChange((ids) => {
        this.changes.fire();
        ids.forEach((id) => deps.panels.refresh(EXERCISE_PAGE_PREFIX + id));
      }),
      deps.study.onDidChange(({ ids }) => {
        const exerciseIds = ids.filter((id) => this.library.get(id));
        if (exerciseIds.length > 0) {
          this.changes.fire();
          exerciseIds.forEach((id) => deps.panels.refresh(EXERCISE_PAGE_PREFIX + id));
        }
      }),
      vscode.window.onDidChangeWindowState((e) => {
        if (e.focused) {
          this.status.refresh();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mlPrep.exercises.folder')) {
          deps.logger.run('exercises: finding attempts', () => this.testing.discover());
          this.codeLens.refresh();
          // Start reads "Open my attempt" only where the attempt is.
          (this.library.current ?? []).forEach((x) => deps.panels.refresh(EXERCISE_PAGE_PREFIX + x.id));
        }
      }),
      vscode.languages.registerCodeLensProvider({ language: 'python', scheme: 'file' }, this.codeLens),
      vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, new SolutionDocuments(this.library)),
      deps.panels.addPages(this.pages()),
      vscode.commands.registerCommand('mlPrep.exercise.open', (arg?: unknown) => this.withExercise(arg, vscode.l10n.t('Open which exercise?'), (e) => this.open(e))),
      vscode.commands.registerCommand('mlPrep.exercise.start', (arg?: unknown) => this.withExercise(arg, vscode.l10n.t('Start which exercise?'), (e) => this.start(e))),
      vscode.commands.registerCommand('mlPrep.exercise.run', (arg?: unknown) => this.withExercise(arg, vscode.l10n.t('Run the tests of which exercise?'), (e) => this.run(e))),
      vscode.commands.registerCommand('mlPrep.exercise.revealSolution', (arg?: unknown) =>
        this.withExercise(arg, vscode.l10n.t('Reveal the solution of which exercise?'), (e) => this.reveal(e)),
      ),
      vscode.commands.registerCommand('mlPrep.exercise.compareWithAttempt', (arg?: unknown) =>
        this.withExercise(arg, vscode.l10n.t('Compare which exercise with your attempt?'), (e) => this.compare(e)),
      ),
      vscode.commands.registerCommand('mlPrep.exercise.openFolder', () => this.openFolder()),
    );
  }

  /** The exercises folder: the setting, else ~/ml-interview-prep/exercises (never the workspace unless chosen). */
  folder(): string {
    const setting = vscode.workspace.getConfiguration('mlPrep').get<string>('exercises.folder', '');
    // Attempts run in a local Python, so they live on disk: a virtual workspace folder is no base for them.
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    return exercisesFolderPath(setting, os.homedir(), root?.scheme === 'file' ? root.fsPath : undefined);
  }

  private attemptUri(exercise: Exercise): vscode.Uri {
    return vscode.Uri.file(attemptPath(this.folder(), exercise.id));
  }

  private async isStarted(exercise: Exercise): Promise<boolean> {
    try {
      await fs.access(this.attemptUri(exercise).fsPath);
      return true;
    } catch {
      return false;
    }
  }

  // Commands

  async open(exercise: Exercise): Promise<void> {
    await this.deps.panels.open(EXERCISE_PAGE_PREFIX + exercise.id);
  }

  /** Copies the starter into the exercises folder (never over an existing attempt) and opens it. */
  async start(exercise: Exercise): Promise<void> {
    let result;
    try {
      result = await startAttempt(this.folder(), exercise.id, exercise.starter);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Prep: could not create your file for {0} in {1}: {2}', exercise.title, this.folder(), (e as Error).message));
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(result.path), { viewColumn: this.attemptColumn(), preview: false });
    await this.testing.upsert(exercise);
    this.deps.panels.refresh(EXERCISE_PAGE_PREFIX + exercise.id);
    if (result.created) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ML Prep: implement {0} in {1}, then run the hidden tests (CodeLens above each function, or the Testing view).', exercise.functions.join(', '), result.path));
    }
  }

  async run(exercise: Exercise): Promise<void> {
    if (!(await this.isStarted(exercise))) {
      const startAction = vscode.l10n.t({ message: 'Start Exercise', comment: ['Notification button'] });
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('ML Prep: {0} is not started yet.', exercise.title), startAction);
      if (choice === startAction) {
        await this.start(exercise);
      }
      return;
    }
    await this.testing.runTests(exercise);
  }

  async reveal(exercise: Exercise): Promise<void> {
    if (this.status.status(exercise.id) !== 'passing') {
      const revealAction = vscode.l10n.t({ message: 'Reveal Solution', comment: ['Notification button'] });
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Reveal the reference solution of {0}? Your attempt does not pass yet; trying a little longer is the better practice.', exercise.title),
        { modal: true },
        revealAction,
      );
      if (choice !== revealAction) {
        return;
      }
    }
    const started = await this.isStarted(exercise);
    await vscode.window.showTextDocument(solutionUri(exercise.id), { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    if (started) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('ML Prep: the reference solution of {0} is open read-only.', exercise.title),
        vscode.l10n.t({ message: 'Compare with My Attempt', comment: ['Notification button'] }),
      ).then((choice) => {
        if (choice) {
          this.deps.logger.run(`exercises: compare ${exercise.id}`, () => this.compare(exercise));
        }
      });
    }
  }

  async compare(exercise: Exercise): Promise<void> {
    if (!(await this.isStarted(exercise))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ML Prep: {0} is not started, so there is no attempt to compare.', exercise.title));
      return;
    }
    await vscode.commands.executeCommand('vscode.diff', this.attemptUri(exercise), solutionUri(exercise.id), vscode.l10n.t({ message: '{0}: my attempt ↔ reference solution', args: [exercise.shortTitle], comment: ['Title of the diff editor'] }));
  }

  private async openFolder(): Promise<void> {
    const folder = this.folder();
    await fs.mkdir(folder, { recursive: true });
    await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(folder));
  }

  /** The exercise a command is about: its argument (id, tree node, attempt or solution Uri), the active editor's, or one picked. */
  private async withExercise(arg: unknown, placeholder: string, action: (exercise: Exercise) => Promise<void>): Promise<void> {
    await this.library.load();
    if (this.library.error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Prep: {0}', this.library.error));
      return;
    }
    const exercise = this.exerciseFrom(arg) ?? this.exerciseFrom(vscode.window.activeTextEditor?.document.uri) ?? (arg === undefined ? await this.pick(placeholder) : undefined);
    if (!exercise) {
      if (arg !== undefined) {
        void vscode.window.showWarningMessage(
          typeof arg === 'string'
            ? vscode.l10n.t('ML Prep: no coding exercise matches "{0}".', arg)
            : vscode.l10n.t('ML Prep: no coding exercise matches this item.'),
        );
      }
      return;
    }
    try {
      await action(exercise);
    } catch (e) {
      this.deps.logger.error(`exercises: ${exercise.id}`, e);
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Prep: {0}: {1}', exercise.title, (e as Error).message));
    }
  }

  private exerciseFrom(arg: unknown): Exercise | undefined {
    if (typeof arg === 'string') {
      return this.library.get(arg.startsWith(EXERCISE_PAGE_PREFIX) ? arg.slice(EXERCISE_PAGE_PREFIX.length) : arg);
    }
    if (arg instanceof vscode.Uri) {
      const id = exerciseIdOfSolution(arg);
      return id ? this.library.get(id) : this.testing.exerciseOf(arg);
    }
    // A tree node of the "ML Coding" part, from its context menu.
    if (typeof arg === 'object' && arg !== null && 'exercise' in arg) {
      const id = (arg as { exercise?: { id?: unknown } }).exercise?.id;
      return typeof id === 'string' ? this.library.get(id) : undefined;
    }
    return undefined;
  }

  private async pick(placeholder: string): Promise<Exercise | undefined> {
    const exercises = this.library.current ?? [];
    if (exercises.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ML Prep: no coding exercises are installed.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      exercises.map((exercise) => ({ label: exercise.title, description: `${exercise.difficulty} · ${statusInline(this.status.status(exercise.id))}`, detail: exercise.summary, exercise })),
      { placeHolder: placeholder, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.exercise;
  }

  /** Started from the statement panel, the attempt goes to the other editor group; else beside. */
  private attemptColumn(): vscode.ViewColumn {
    const active = vscode.window.tabGroups.activeTabGroup;
    if (active.activeTab?.input instanceof vscode.TabInputWebview) {
      return vscode.window.tabGroups.all.find((g) => g !== active)?.viewColumn ?? vscode.ViewColumn.Beside;
    }
    return vscode.ViewColumn.Beside;
  }

  // Running

  /**
   * Running the user's code needs a trusted workspace; in Restricted Mode nothing is spawned. The
   * run ends at once (its items say why); the notification's action is handled when clicked.
   */
  private async mayRun(): Promise<boolean> {
    if (vscode.workspace.isTrusted) {
      return true;
    }
    const warning = vscode.window.showWarningMessage(
      vscode.l10n.t('ML Prep: running an exercise runs your code, which needs a trusted workspace. This window is in Restricted Mode.'),
      vscode.l10n.t({ message: 'Manage Workspace Trust', comment: ['Notification button'] }),
    );
    this.deps.logger.run('exercises: workspace trust', async () => {
      if (await warning) {
        await vscode.commands.executeCommand('workbench.trust.manage');
      }
    });
    return false;
  }

  private showInterpreterProblem(problem: InterpreterProblem): void {
    const openSettings = vscode.l10n.t({ message: 'Open Settings', comment: ['Notification button'] });
    const selectInterpreter = vscode.l10n.t({ message: 'Select Interpreter', comment: ['Notification button: pick a Python interpreter'] });
    const copyInstall = vscode.l10n.t({ message: 'Copy Install Command', comment: ['Notification button: copy the pip command'] });
    const actions = [openSettings, ...(isPythonExtensionInstalled() ? [selectInterpreter] : []), ...(problem.fixCommand ? [copyInstall] : [])];
    void vscode.window.showErrorMessage(vscode.l10n.t('ML Prep: {0}', problem.message), ...actions).then(async (choice) => {
      if (choice === openSettings) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'mlPrep.python.path');
      } else if (choice === selectInterpreter) {
        await vscode.commands.executeCommand('python.setInterpreter');
      } else if (choice === copyInstall && problem.fixCommand) {
        await vscode.env.clipboard.writeText(problem.fixCommand);
        void vscode.window.showInformationMessage(vscode.l10n.t('ML Prep: copied "{0}". Run it in a terminal, then run the tests again.', problem.fixCommand));
      }
    });
  }

  /** Status and practice after each run (see recordRun); passing offers the solution and the diff. */
  private async completed(exercise: Exercise, outcome: RunOutcome, ranAll: boolean, attempt: vscode.Uri): Promise<void> {
    const verdict = await recordRun(exercise, outcome, ranAll, {
      status: this.status,
      study: this.deps.study,
      now: Date.now,
      timeSpent: () => this.timeSpent(attempt, Date.now()),
    });
    if (verdict.kind !== 'passed') {
      return;
    }
    if (verdict.error !== undefined) {
      this.deps.logger.error(`exercises: recording ${exercise.id}`, verdict.error);
    }
    const total = new LocaleFormat(vscode.env.language).number(verdict.total);
    const text = verdict.recorded
      ? vscode.l10n.t('ML Prep: {0}: all {1} tests pass. Marked practiced; it comes back for review on schedule.', exercise.title, total)
      : vscode.l10n.t('ML Prep: {0}: all {1} tests pass.', exercise.title, total);
    const revealAction = vscode.l10n.t({ message: 'Reveal Solution', comment: ['Notification button'] });
    const compareAction = vscode.l10n.t({ message: 'Compare with My Attempt', comment: ['Notification button'] });
    void vscode.window.showInformationMessage(text, revealAction, compareAction).then((choice) => {
      if (choice === revealAction) {
        this.deps.logger.run(`exercises: reveal ${exercise.id}`, () => this.reveal(exercise));
      } else if (choice === compareAction) {
        this.deps.logger.run(`exercises: compare ${exercise.id}`, () => this.compare(exercise));
      }
    });
  }

  /** Since the attempt was created: the review log's duration (capped by the store). */
  private async timeSpent(attempt: vscode.Uri, now: number): Promise<number> {
    try {
      const { birthtimeMs } = await fs.stat(attempt.fsPath);
      return birthtimeMs > 0 ? Math.max(0, Math.round(now - birthtimeMs)) : 0;
    } catch {
      return 0;
    }
  }

  // The statement page in the answer panel

  private pages(): PanelPages {
    return {
      prefix: EXERCISE_PAGE_PREFIX,
      ready: async () => {
        await this.library.load();
      },
      title: (pageId) => this.library.get(pageId.slice(EXERCISE_PAGE_PREFIX.length))?.title,
      render: async (pageId) => {
        const exercise = this.library.get(pageId.slice(EXERCISE_PAGE_PREFIX.length));
        if (!exercise) {
          return '';
        }
        const catalog = this.deps.catalog();
        const state = {
          status: this.status.status(exercise.id),
          last: this.status.record(exercise.id),
          started: await this.isStarted(exercise),
          practiced: this.deps.study.isPracticed(exercise.id),
        };
        return exercisePageHtml(exercise, state, await this.deps.markdown(), {
          topicTitle: (id) => catalog.topic(id)?.title,
          entryTitle: (id) => catalog.entry(id)?.item.title,
        });
      },
      onMessage: (message) => {
        const command = { start: 'mlPrep.exercise.start', run: 'mlPrep.exercise.run', reveal: 'mlPrep.exercise.revealSolution' }[message.action];
        this.deps.logger.run(`exercises: ${message.action} ${message.id}`, () => vscode.commands.executeCommand(command, message.id));
      },
    };
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changes.dispose();
    this.status.dispose();
    this.library.dispose();
  }
}
