import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import { PanelHost, webviewOptions } from '../panel/panelHost';
import { DASHBOARD_VIEW_TYPE, isWebviewMessage, type HostMessage, type WebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import { aggregate } from './dashboard';
import { dashboardHtml } from './dashboardHtml';
import type { StudyStore } from '../study/studyStore';

/** "ML Prep: Show Progress": one panel, redrawn when marks or reviews change. */
export class DashboardPanel extends DisposableBase {
  private host: PanelHost<HostMessage, WebviewMessage> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: CatalogSource,
    private readonly study: StudyStore,
    private readonly openAnswer: (id: string) => void,
    private readonly logger: Logger,
  ) {
    super();
    this.register(study.onDidChange(() => this.render()));
    this.register(source.onDidChange(() => this.render()));
  }

  show(): void {
    if (this.host) {
      this.host.panel.reveal(this.host.panel.viewColumn, false);
      this.render();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'ML Prep Progress', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(this.extensionUri));
    const host = new PanelHost<HostMessage, WebviewMessage>(panel, {
      extensionUri: this.extensionUri,
      name: 'dashboard',
      logger: this.logger,
      assets: { styles: ['media/dashboard.css'] },
      isMessage: isWebviewMessage,
      onMessage: (m) => {
        if (m.type === 'open') {
          this.openAnswer(m.id);
        }
      },
    });
    this.host = host;
    panel.onDidDispose(() => {
      host.dispose();
      this.host = undefined;
    });
    this.render();
  }

  private render(): void {
    const host = this.host;
    if (!host) {
      return;
    }
    const now = Date.now();
    const data = aggregate(this.source.current, (id) => this.study.isPracticed(id), { ...this.study.history(), due: this.study.dueToday(now) }, now);
    host.setHtml('ML Prep Progress', dashboardHtml(data), { entryId: '', pinned: false });
  }
}
