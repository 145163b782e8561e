import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { Question } from '../catalog/types';
import type { MarkdownRenderer } from '../panel/markdownRenderer';
import { PanelHost, webviewOptions } from '../panel/panelHost';
import { escapeHtml } from '../util/html';
import { DRILL_VIEW_TYPE, isDrillWebviewMessage, type DrillHostMessage, type DrillStepRef, type DrillWebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import { doneView, questionView, revealedView, type DrillStep } from './drillHtml';
import type { NotesFolder } from '../study/notes';
import type { RecordedReview, StudyStore } from '../study/studyStore';
import { nextIntervals } from '../study/scheduler';
import { GRADE_LABELS } from '../study/types';
import { DrillSession, timerSeconds, type TimerSettings } from './drillSession';

export interface DrillDeps {
  readonly extensionUri: vscode.Uri;
  readonly source: CatalogSource;
  readonly study: StudyStore;
  readonly notes: NotesFolder;
  readonly markdown: () => Promise<MarkdownRenderer>;
  readonly openAnswer: (id: string) => void;
  readonly showProgress: () => void;
  readonly logger: Logger;
}

/** One drill at a time: a queue of questions, each shown with its answer hidden until revealed. */
export class DrillPanel extends DisposableBase {
  private host: PanelHost<DrillHostMessage, DrillWebviewMessage> | undefined;
  private session = new DrillSession<RecordedReview>([]);
  /** The last view sent, shown again when the page reloads after being hidden. */
  private pending: DrillHostMessage | undefined;

  constructor(private readonly deps: DrillDeps) {
    super();
  }

  start(questionIds: readonly string[]): void {
    const queue = questionIds.filter((id) => this.deps.source.current.question(id));
    // Step numbers go on across drills, so a late message from the last one matches nothing.
    this.session = new DrillSession<RecordedReview>(queue, this.session.stepsUsed);
    if (queue.length === 0) {
      void vscode.window.showInformationMessage('ML Prep: nothing to practice in that selection.');
      return;
    }
    this.ensurePanel();
    this.deps.logger.run('drill: showing a question', () => this.showQuestion());
  }

  private ensurePanel(): void {
    if (this.host) {
      this.host.panel.reveal(this.host.panel.viewColumn, false);
      return;
    }
    const { extensionUri, logger } = this.deps;
    const panel = vscode.window.createWebviewPanel(DRILL_VIEW_TYPE, 'Practice', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(extensionUri));
    const host = new PanelHost<DrillHostMessage, DrillWebviewMessage>(panel, {
      extensionUri,
      name: 'drill',
      logger,
      assets: { script: 'dist/drill.js', styles: ['media/drill.css'] },
      isMessage: isDrillWebviewMessage,
      onMessage: (m) => this.handle(m),
      onReady: (reloaded) => {
        if (reloaded && this.pending) {
          host.post(this.pending);
        }
      },
    });
    host.setHtml('Practice', '', { entryId: '', pinned: false });
    this.host = host;
    panel.onDidDispose(() => {
      host.dispose();
      this.host = undefined;
    });
  }

  private get current(): Question | undefined {
    return this.deps.source.current.question(this.session.current ?? '');
  }

  private step(q: Question): DrillStep {
    return {
      question: q,
      topicTitle: this.deps.source.current.topic(q.topic)?.title ?? q.topic,
      position: this.session.position,
      step: this.session.step,
    };
  }

  /** "Good for “…”": what Undo would take back, or undefined when nothing can be undone. */
  private undoLabel(): string | undefined {
    const last = this.session.lastGrade;
    if (!this.session.canUndo || !last) {
      return undefined;
    }
    const title = this.deps.source.current.question(last.questionId)?.title ?? last.questionId;
    return `${GRADE_LABELS[last.grade]} for “${title}”`;
  }

  private showDone(): void {
    const step = this.session.show(Date.now());
    const summary = this.session.summary();
    const catalog = this.deps.source.current;
    const weakPoints = summary.weak.flatMap(({ questionId, covered }) => {
      const q = catalog.question(questionId);
      const missed = q ? q.keyPoints.filter((_, i) => !covered.includes(i)) : [];
      return q && missed.length > 0 ? [{ questionTitle: q.title, keyPoints: missed }] : [];
    });
    // The three weakest questions, at most four key points each: a summary, not the answers again.
    this.deps.logger.run('drill: showing the summary', async () => {
      const md = await this.deps.markdown();
      const html = doneView({
        counts: summary.counts,
        skipped: summary.skipped,
        durationMs: summary.durationMs,
        weakPoints: weakPoints.slice(0, 3).map((w) => ({ questionTitle: w.questionTitle, keyPointsHtml: w.keyPoints.slice(0, 4).map((k) => md.renderInline(k)) })),
        weakCount: summary.weak.length,
        step,
        undoLabel: this.undoLabel(),
      });
      if (this.session.done && this.session.step === step) {
        this.post({ type: 'drillView', html, announce: 'Practice complete.' });
      }
    });
  }

  private async showQuestion(): Promise<void> {
    const q = this.current;
    if (this.session.done || !q) {
      this.showDone();
      return;
    }
    this.session.show(Date.now());
    // A note that cannot be read still exists: say "Open my answer", never offer to start one over it.
    const hasNotes = await this.deps.notes.read(q.id).then(
      (text) => text !== undefined,
      (e: unknown) => {
        this.deps.logger.error(`drill: reading the note for ${q.id}`, e);
        return true;
      },
    );
    this.post({
      type: 'drillView',
      html: questionView(this.step(q), hasNotes, this.undoLabel()),
      timerSeconds: timerSeconds(q.format, timerSettings()),
      announce: `Question ${this.session.position}: ${q.title}`,
    });
  }

  private async reveal(q: Question): Promise<void> {
    const md = await this.deps.markdown();
    let notesHtml: string | undefined;
    try {
      const notes = await this.deps.notes.read(q.id);
      notesHtml = notes?.trim() ? md.render(notes) : undefined;
    } catch (e) {
      this.deps.logger.error(`drill: reading the note for ${q.id}`, e);
      notesHtml = `<p class="notes-error">Your note ${escapeHtml(this.deps.notes.uri(q.id).fsPath)} could not be read (${escapeHtml((e as Error).message)}). It was left untouched.</p>`;
    }
    this.post({
      type: 'drillView',
      html: revealedView(
        this.step(q),
        md.render(this.deps.source.current.body(q.id)),
        q.keyPoints.map((k) => md.renderInline(k)),
        notesHtml,
        this.session.revealedAfterMs ?? 0,
        nextIntervals(this.deps.study.card(q.id), Date.now()),
      ),
      announce: 'Model answer shown. Grade with keys 1 to 4.',
    });
  }

  private async handle(message: Exclude<DrillWebviewMessage, { type: 'ready' | 'openExternal' }>): Promise<void> {
    const q = this.current;
    switch (message.type) {
      case 'myAnswer':
        if (q) {
          // The note opens as a tab in the drill's own group rather than Beside: the drill already
          // sits beside the code, so one more column would squeeze the code into a third of the
          // screen. The drill stays one tab away, and the code keeps its width.
          await this.deps.notes.open(q, this.host?.panel.viewColumn).catch((e: unknown) => {
            this.deps.logger.error(`drill: opening the note for ${q.id}`, e);
            void vscode.window.showErrorMessage(
              `ML Prep: your note ${this.deps.notes.uri(q.id).fsPath} could not be opened (${(e as Error).message}). It was left untouched.`,
            );
          });
        }
        break;
      case 'reveal':
        if (q && this.session.reveal(message, Date.now())) {
          await this.reveal(q);
        } else {
          this.ignored(message);
        }
        break;
      case 'skip':
        if (this.session.skip(message)) {
          await this.showQuestion();
        } else {
          this.ignored(message);
        }
        break;
      case 'grade': {
        if (!q) {
          break;
        }
        const covered = message.covered.filter((i) => Number.isInteger(i) && i >= 0 && i < q.keyPoints.length);
        const outcome = await this.session.grade(message, message.grade, covered, (input) =>
          this.deps.study.recordReview({ ...input, keyPointCount: q.keyPoints.length }),
        );
        if (outcome === 'graded') {
          await this.showQuestion();
        } else if (outcome === 'ignored') {
          this.ignored(message);
        } else {
          // Not graded: the drill stays on the question, shown again so it can be graded or skipped.
          this.deps.logger.error(`drill: saving the grade for ${q.id}`, outcome.failed);
          void vscode.window.showErrorMessage(`ML Prep: the grade for "${q.title}" was not saved: ${(outcome.failed as Error).message}`);
          if (this.pending) {
            this.post(this.pending);
          }
        }
        break;
      }
      case 'undo': {
        const outcome = await this.session.undo(message.step, (recorded) => this.deps.study.revertReview(recorded));
        if (outcome === 'undone') {
          await this.showQuestion();
        } else if (outcome === 'ignored') {
          this.deps.logger.info(`drill: ignored an undo for step ${message.step}; step ${this.session.step} is shown`);
        } else {
          this.deps.logger.error('drill: taking back the last grade', outcome.failed);
          void vscode.window.showErrorMessage(`ML Prep: the last grade could not be undone: ${(outcome.failed as Error).message}`);
        }
        break;
      }
      case 'drillWeak':
        this.start(this.session.summary().weak.map((w) => w.questionId));
        break;
      case 'showProgress':
        this.deps.showProgress();
        break;
      case 'open':
        this.deps.openAnswer(message.id);
        break;
    }
  }

  /** A repeated or late action: logged, and otherwise ignored. */
  private ignored(ref: DrillStepRef): void {
    this.deps.logger.info(`drill: ignored a repeated or late action for step ${ref.step} (${ref.questionId}); step ${this.session.step} is shown`);
  }

  private post(message: DrillHostMessage): void {
    this.pending = message;
    this.host?.post(message);
  }

  override dispose(): void {
    this.host?.panel.dispose();
    super.dispose();
  }
}

function timerSettings(): TimerSettings {
  const config = vscode.workspace.getConfiguration('mlPrep.practice');
  return {
    enabled: config.get<boolean>('timer.enabled', true),
    explainMinutes: config.get<number>('timer.explainMinutes', 3),
    designMinutes: config.get<number>('timer.designMinutes', 15),
  };
}
