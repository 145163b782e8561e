import * as vscode from 'vscode';
import type { PanelState } from '../shared/protocol';
import { describeMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { panelHtml, type PanelAssets, type WebviewResources } from './panelHtml';

/** Messages every panel's webview may send; the host handles these itself. */
type CommonMessage = { readonly type: 'ready' } | { readonly type: 'openExternal'; readonly url: string };

export interface PanelHostOptions<In extends { readonly type: string }> {
  readonly extensionUri: vscode.Uri;
  /** Prefix for log lines, e.g. "drill". */
  readonly name: string;
  readonly logger: Logger;
  readonly assets?: PanelAssets;
  readonly isMessage: (m: unknown) => m is In;
  /** Every well-formed message except 'ready' and 'openExternal'. */
  readonly onMessage: (message: Exclude<In, CommonMessage>) => unknown;
  /** The webview (re)loaded its document; `reloaded` is true when it was torn down while hidden. */
  readonly onReady?: (reloaded: boolean) => void;
}

/** Only web links leave the editor; anything else a page could forge is dropped. */
export function openExternalLink(url: string, logger: Logger): boolean {
  if (!/^https?:\/\//i.test(url)) {
    return false;
  }
  logger.run('opening a link', () => vscode.env.openExternal(vscode.Uri.parse(url, true)));
  return true;
}

export function webviewOptions(extensionUri: vscode.Uri, findWidget = false): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    ...(findWidget ? { enableFindWidget: true } : {}),
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * One webview panel's plumbing, shared by every panel: the CSP shell, resource URIs, typed and
 * checked messages, the ready handshake (messages wait until the page says ready), link handling
 * and disposal. The owner keeps only what its page shows.
 */
export class PanelHost<Out, In extends { readonly type: string }> implements vscode.Disposable {
  private ready = false;
  private loadedOnce = false;
  private queue: Out[] = [];
  private readonly subscriptions: vscode.Disposable;
  readonly resources: WebviewResources;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: PanelHostOptions<In>,
  ) {
    const webview = panel.webview;
    this.resources = {
      cspSource: webview.cspSource,
      asWebviewUri: (p) => webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, ...p.split('/'))).toString(),
    };
    this.subscriptions = vscode.Disposable.from(
      webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // Without retainContextWhenHidden a hidden webview is torn down; it says 'ready' again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
          this.queue = [];
        }
      }),
    );
  }

  /** Loads a new document; messages posted from now on wait for its 'ready'. */
  setHtml(title: string, articleHtml: string, state: PanelState): void {
    this.ready = false;
    this.queue = [];
    this.loadedOnce = false;
    this.panel.webview.html = panelHtml(this.resources, title, articleHtml, state, undefined, this.options.assets);
  }

  get isReady(): boolean {
    return this.ready;
  }

  post(message: Out): void {
    if (this.ready) {
      this.send(message);
    } else {
      this.queue.push(message);
    }
  }

  private send(message: Out): void {
    this.options.logger.run(`${this.options.name}: post`, () => this.panel.webview.postMessage(message));
  }

  private receive(m: unknown): void {
    const { logger, name } = this.options;
    if (!this.options.isMessage(m)) {
      logger.warn(`${name}: dropped a malformed message ${describeMessage(m)}`);
      return;
    }
    const message = m as In | CommonMessage;
    if (message.type === 'ready') {
      this.ready = true;
      const reloaded = this.loadedOnce;
      this.loadedOnce = true;
      for (const queued of this.queue.splice(0)) {
        this.send(queued);
      }
      logger.run(`${name}: ready`, () => this.options.onReady?.(reloaded));
    } else if (message.type === 'openExternal') {
      const url = (message as { readonly url: string }).url;
      if (!openExternalLink(url, logger)) {
        logger.warn(`${name}: did not open a link that is not http(s): ${url.slice(0, 80)}`);
      }
    } else {
      logger.run(`${name}: ${message.type}`, () => this.options.onMessage(message as Exclude<In, CommonMessage>));
    }
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}
