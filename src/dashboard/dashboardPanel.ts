import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import { PanelHost, webviewOptions } from '../panel/panelHost';
import { DASHBOARD_VIEW_TYPE, isDashboardWebviewMessage, type DashboardHostMessage, type DashboardWebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import { aggregate } from './dashboard';
import { dashboardHtml } from './dashboardHtml';
import type { StudyStore } from '../study/studyStore';

const TITLE = 'ML Prep Progress';

/**
 * "ML Prep: Show Progress": one panel, its document loaded once and its content sent by message,
 * so a redraw keeps the scroll position and open tables. Changes that arrive together (a grade,
 * a catalog reload) are aggregated once, and only while the page is there to show them.
 */
export class DashboardPanel extends DisposableBase {
  private host: PanelHost<DashboardHostMessage, DashboardWebviewMessage> | undefined;
  private scheduled: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: CatalogSource,
    private readonly study: StudyStore,
    private readonly openAnswer: (id: string) => void,
    private readonly logger: Logger,
    /** The coding exercises' ids, whose review cards the forecast counts too. */
    private readonly exerciseIds: () => readonly string[] = () => [],
  ) {
    super();
    this.register(study.onDidChange(() => this.scheduleRender()));
    this.register(source.onDidChange(() => this.scheduleRender()));
    this.register({ dispose: () => clearTimeout(this.scheduled) });
  }

  show(): void {
    if (this.host) {
      this.host.panel.reveal(this.host.panel.viewColumn, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, TITLE, { viewColumn: dashboardColumn(), preserveFocus: false }, webviewOptions(this.extensionUri));
    const host = new PanelHost<DashboardHostMessage, DashboardWebviewMessage>(panel, {
      extensionUri: this.extensionUri,
      name: 'dashboard',
      logger: this.logger,
      assets: { script: 'dist/dashboard.js', styles: ['media/dashboard.css'] },
      isMessage: isDashboardWebviewMessage,
      onMessage: (m) => this.handle(m),
      // The first load, or a reload after being hidden: the page is empty until told what to show.
      onReady: () => this.render(),
    });
    host.setHtml(TITLE, '', { entryId: '', pinned: false });
    this.host = host;
    panel.onDidDispose(() => {
      host.dispose();
      this.host = undefined;
    });
  }

  private handle(message: Exclude<DashboardWebviewMessage, { type: 'ready' | 'openExternal' }>): void {
    switch (message.type) {
      case 'open':
        this.openAnswer(message.id);
        break;
      // The drill's own commands, so a drill from here is the same as one from the palette.
      case 'startReview':
        this.logger.run('dashboard: review due', () => vscode.commands.executeCommand('mlPrep.startReview'));
        break;
      case 'drillTopic':
        if (this.source.current.topic(message.id)) {
          this.logger.run('dashboard: drill a topic', () => vscode.commands.executeCommand('mlPrep.startPractice', { kind: 'topic', id: message.id }));
        }
        break;
    }
  }

  /** Several events in one turn (marks and a review, or a catalog and its study data) make one redraw. */
  private scheduleRender(): void {
    if (this.scheduled === undefined && this.host?.isReady) {
      this.scheduled = setTimeout(() => {
        this.scheduled = undefined;
        this.render();
      }, 0);
    }
  }

  /** A page that is not ready (hidden, or loading) gets the figures when it says ready. */
  private render(): void {
    const host = this.host;
    if (!host?.isReady) {
      return;
    }
    const now = Date.now();
    const data = aggregate(this.source.current, (id) => this.study.isPracticed(id), { ...this.study.history(), due: this.study.dueToday(now), exerciseIds: this.exerciseIds() }, now);
    host.post({ type: 'dashboardView', html: dashboardHtml(data) });
  }
}

/**
 * Beside the editor when there is one group; with two or more, the last one (where the drill or an
 * answer usually is), so the dashboard never squeezes the code into a third column.
 */
function dashboardColumn(): vscode.ViewColumn {
  const groups = vscode.window.tabGroups.all;
  return groups.length > 1 ? groups[groups.length - 1].viewColumn : vscode.ViewColumn.Beside;
}
