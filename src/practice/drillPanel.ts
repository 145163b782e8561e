import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import type { Question } from '../catalog/types';
import type { MarkdownRenderer } from '../panel/markdownRenderer';
import { panelHtml, type WebviewResources } from '../panel/panelHtml';
import { escapeHtml } from '../panel/entryHtml';
import { describeMessage, DRILL_VIEW_TYPE, isDrillWebviewMessage, type DrillHostMessage, type DrillWebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import { doneView, questionView, revealedView, type DrillStep } from './drillHtml';
import type { NotesFolder } from './notes';
import type { PracticeStore } from './practiceStore';
import type { Grade } from './types';

export interface DrillDeps {
  readonly extensionUri: vscode.Uri;
  readonly source: CatalogSource;
  readonly practice: PracticeStore;
  readonly notes: NotesFolder;
  readonly markdown: () => Promise<MarkdownRenderer>;
  readonly openAnswer: (id: string) => void;
  readonly showProgress: () => void;
  readonly logger: Logger;
}

/** One drill at a time: a queue of questions, each shown with its answer hidden until revealed. */
export class DrillPanel extends DisposableBase {
  private panel: vscode.WebviewPanel | undefined;
  private queue: readonly string[] = [];
  private index = 0;
  private shownAt = 0;
  private revealedAfterMs: number | undefined;
  private readonly graded: Grade[] = [];
  private skipped = 0;
  private pending: DrillHostMessage | undefined;
  private ready = false;

  constructor(private readonly deps: DrillDeps) {
    super();
  }

  start(questionIds: readonly string[]): void {
    this.queue = questionIds.filter((id) => this.deps.source.current.question(id));
    this.index = 0;
    this.graded.length = 0;
    this.skipped = 0;
    if (this.queue.length === 0) {
      void vscode.window.showInformationMessage('ML Prep: nothing to practise in that selection.');
      return;
    }
    this.ensurePanel();
    void this.showQuestion();
  }

  private ensurePanel(): void {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, false);
      return;
    }
    const root = this.deps.extensionUri;
    const panel = vscode.window.createWebviewPanel(DRILL_VIEW_TYPE, 'Practice', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    });
    const resources: WebviewResources = {
      cspSource: panel.webview.cspSource,
      asWebviewUri: (p) => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, ...p.split('/'))).toString(),
    };
    this.ready = false;
    panel.webview.html = panelHtml(resources, 'Practice', '', { entryId: '', pinned: false }, undefined, {
      script: 'dist/drill.js',
      styles: ['media/drill.css'],
    });
    this.panel = panel;
    // The listener lives as long as this panel, not as long as the drill controller.
    const messages = panel.webview.onDidReceiveMessage((m: unknown) => {
      if (!isDrillWebviewMessage(m)) {
        this.deps.logger.warn(`drill: dropped a malformed message ${describeMessage(m)}`);
        return;
      }
      this.deps.logger.run(`drill: ${m.type}`, () => this.handle(m));
    });
    panel.onDidDispose(() => {
      messages.dispose();
      this.panel = undefined;
    });
  }

  private get current(): Question | undefined {
    return this.deps.source.current.question(this.queue[this.index] ?? '');
  }

  private step(q: Question): DrillStep {
    return { question: q, topicTitle: this.deps.source.current.topic(q.topic)?.title ?? q.topic, position: `${this.index + 1} of ${this.queue.length}` };
  }

  private async showQuestion(): Promise<void> {
    const q = this.current;
    if (!q) {
      this.post({ type: 'drillView', html: doneView(this.graded, this.skipped) });
      return;
    }
    this.shownAt = Date.now();
    this.revealedAfterMs = undefined;
    // A note that cannot be read still exists: say "Open my answer", never offer to start one over it.
    const hasNotes = await this.deps.notes.read(q.id).then(
      (text) => text !== undefined,
      (e: unknown) => {
        this.deps.logger.error(`drill: reading the note for ${q.id}`, e);
        return true;
      },
    );
    this.post({ type: 'drillView', html: questionView(this.step(q), hasNotes), timerSeconds: timerSeconds(q) });
  }

  private async reveal(): Promise<void> {
    const q = this.current;
    if (!q) {
      return;
    }
    this.revealedAfterMs ??= Date.now() - this.shownAt;
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
      html: revealedView(this.step(q), md.render(this.deps.source.current.body(q.id)), q.keyPoints.map((k) => md.renderInline(k)), notesHtml, this.revealedAfterMs),
    });
  }

  private async handle(message: DrillWebviewMessage): Promise<void> {
    const q = this.current;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.pending) {
          void this.panel?.webview.postMessage(this.pending);
        }
        break;
      case 'myAnswer':
        if (q) {
          await this.deps.notes.open(q).catch((e: unknown) => {
            this.deps.logger.error(`drill: opening the note for ${q.id}`, e);
            void vscode.window.showErrorMessage(
              `ML Prep: your note ${this.deps.notes.uri(q.id).fsPath} could not be opened (${(e as Error).message}). It was left untouched.`,
            );
          });
        }
        break;
      case 'reveal':
        await this.reveal();
        break;
      case 'skip':
        this.skipped++;
        this.index++;
        await this.showQuestion();
        break;
      case 'grade':
        if (q && this.revealedAfterMs !== undefined && [1, 2, 3, 4].includes(message.grade)) {
          await this.deps.practice.record({
            questionId: q.id,
            grade: message.grade,
            durationMs: this.revealedAfterMs,
            covered: message.covered.filter((i) => Number.isInteger(i) && i >= 0 && i < q.keyPoints.length),
            keyPointCount: q.keyPoints.length,
          });
          this.graded.push(message.grade);
          this.index++;
          await this.showQuestion();
        }
        break;
      case 'showProgress':
        this.deps.showProgress();
        break;
      case 'open':
        this.deps.openAnswer(message.id);
        break;
      case 'openExternal':
        if (/^https?:\/\//i.test(message.url)) {
          void vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        }
        break;
    }
  }

  private post(message: DrillHostMessage): void {
    this.pending = message;
    if (this.ready) {
      void this.panel?.webview.postMessage(message);
    }
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}

function timerSeconds(q: Question): number | undefined {
  const config = vscode.workspace.getConfiguration('mlPrep.practice');
  if (!config.get<boolean>('timer.enabled', true)) {
    return undefined;
  }
  const minutes = q.format === 'design' ? config.get<number>('timer.designMinutes', 15) : config.get<number>('timer.explainMinutes', 3);
  return minutes > 0 ? Math.round(minutes * 60) : undefined;
}
