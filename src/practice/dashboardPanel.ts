import * as vscode from 'vscode';
import type { CatalogSource } from '../catalog/catalogSource';
import { panelHtml } from '../panel/panelHtml';
import { DASHBOARD_VIEW_TYPE, describeMessage, isWebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import { aggregate } from './dashboard';
import { dashboardHtml } from './dashboardHtml';
import type { StudyStore } from '../study/studyStore';

/** "ML Prep: Show Progress": one panel, redrawn when marks or reviews change. */
export class DashboardPanel extends DisposableBase {
  private panel: vscode.WebviewPanel | undefined;

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
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, false);
      this.render();
      return;
    }
    const root = this.extensionUri;
    this.panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'ML Prep Progress', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    });
    const messages = this.panel.webview.onDidReceiveMessage((m: unknown) => {
      if (!isWebviewMessage(m)) {
        this.logger.warn(`dashboard: dropped a malformed message ${describeMessage(m)}`);
        return;
      }
      if (m.type === 'open') {
        this.openAnswer(m.id);
      }
    });
    this.panel.onDidDispose(() => {
      messages.dispose();
      this.panel = undefined;
    });
    this.render();
  }

  private render(): void {
    const panel = this.panel;
    if (!panel) {
      return;
    }
    const now = Date.now();
    const data = aggregate(this.source.current, (id) => this.study.isPracticed(id), { ...this.study.history(), due: this.study.dueToday(now) }, now);
    const resources = {
      cspSource: panel.webview.cspSource,
      asWebviewUri: (p: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p.split('/'))).toString(),
    };
    panel.webview.html = panelHtml(resources, 'ML Prep Progress', dashboardHtml(data), { entryId: '', pinned: false }, undefined, {
      styles: ['media/dashboard.css'],
    });
  }
}
