import * as vscode from 'vscode';
import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { MarkdownRenderer } from './markdownRenderer';
import type { StudyStore } from '../study/studyStore';
import { ANSWER_VIEW_TYPE, describeMessage, HostMessage, isWebviewMessage, PanelState, WebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import type { EntryHtmlBuilder } from './entryHtml';
import { escapeHtml } from './entryHtml';
import { panelHtml, WebviewResources } from './panelHtml';

const PINNED_CONTEXT_KEY = 'mlPrep.activePanelPinned';

/**
 * Owns every answer panel: one reusable panel beside the editor, plus any the user kept open
 * (pinned). Implements the serializer so panels come back after a window reload.
 */
export class AnswerPanels extends DisposableBase implements vscode.WebviewPanelSerializer<PanelState> {
  private readonly panels = new Set<AnswerPanel>();
  private reusable: AnswerPanel | undefined;
  private builder: Promise<EntryHtmlBuilder> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: CatalogSource,
    private readonly progress: StudyStore,
    private readonly markdown: () => Promise<MarkdownRenderer>,
    private readonly logger: Logger,
  ) {
    super();
    this.register(
      source.onDidChange(() => {
        // Answers may have changed: rebuild the HTML and redraw what is open.
        this.builder = undefined;
        for (const panel of this.panels) {
          if (this.catalog.entry(panel.entryId)) {
            void panel.show(panel.entryId);
          } else if (panel.entryId) {
            panel.showMissing(panel.entryId);
          }
        }
      }),
    );
    this.register(
      progress.onDidChange(({ ids }) => {
        for (const panel of this.panels) {
          if (ids.includes(panel.entryId)) {
            panel.post({ type: 'practiced', entryId: panel.entryId, practiced: progress.isPracticed(panel.entryId) });
          }
        }
      }),
    );
  }

  private get catalog(): Catalog {
    return this.source.current;
  }

  /** Opens an entry beside the editor, keeping the editor focused and visible. */
  /** Opens an entry beside the editor; `anchor` scrolls to a section of its answer (a search hit). */
  async open(id: string, into?: AnswerPanel, anchor?: string): Promise<void> {
    if (!this.catalog.entry(id)) {
      void vscode.window.showWarningMessage(`ML Prep: no question or concept has the id "${id}".`);
      return;
    }
    const target = into ?? this.reusable;
    if (target) {
      await target.show(id, anchor);
      target.panel.reveal(target.panel.viewColumn, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(ANSWER_VIEW_TYPE, 'ML Prep', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
    const created = this.adopt(panel, false);
    await created.show(id, anchor);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    panel.webview.options = this.webviewOptions();
    const pinned = state?.pinned === true;
    const restored = this.adopt(panel, pinned);
    if (state && typeof state.entryId === 'string' && this.catalog.entry(state.entryId)) {
      await restored.show(state.entryId);
    } else {
      restored.showMissing(typeof state?.entryId === 'string' ? state.entryId : undefined);
    }
  }

  /** The panel the user is looking at, if it is one of ours. */
  get active(): AnswerPanel | undefined {
    return [...this.panels].find((p) => p.panel.active);
  }

  /** The question shown in the focused answer panel, for commands run from the palette. */
  activeQuestionId(): string | undefined {
    const id = this.active?.entryId;
    return id && this.catalog.question(id) ? id : undefined;
  }

  pin(panel: AnswerPanel | undefined = this.active ?? this.reusable): void {
    if (!panel || panel.pinned) {
      return;
    }
    panel.pinned = true;
    if (this.reusable === panel) {
      this.reusable = undefined;
    }
    panel.post({ type: 'pinned', pinned: true });
    void vscode.commands.executeCommand('setContext', PINNED_CONTEXT_KEY, true);
  }

  private adopt(panel: vscode.WebviewPanel, pinned: boolean): AnswerPanel {
    const answer = new AnswerPanel(panel, pinned, () => this.htmlBuilder(), this.progress, this.resources(panel.webview), (id) =>
      this.catalog.entry(id)?.item.title ?? id, this.logger,
    );
    this.panels.add(answer);
    if (!pinned && !this.reusable) {
      this.reusable = answer;
    }
    answer.onMessage = (message) => this.handle(answer, message);
    panel.onDidChangeViewState(() => {
      if (panel.active) {
        void vscode.commands.executeCommand('setContext', PINNED_CONTEXT_KEY, answer.pinned);
      }
    });
    panel.onDidDispose(() => {
      this.panels.delete(answer);
      if (this.reusable === answer) {
        this.reusable = undefined;
      }
      answer.dispose();
    });
    return answer;
  }

  private handle(panel: AnswerPanel, message: WebviewMessage): void {
    switch (message.type) {
      case 'open':
        void this.open(message.id, panel);
        break;
      case 'openExternal':
        if (/^https?:\/\//i.test(message.url)) {
          void vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        }
        break;
      case 'togglePracticed':
        if (this.catalog.question(message.id)) {
          // A refused write (read-only data) shows the mark as it still is.
          this.progress.toggle(message.id).catch(() => panel.post({ type: 'practiced', entryId: message.id, practiced: this.progress.isPracticed(message.id) }));
        }
        break;
      case 'pin':
        this.pin(panel);
        break;
      case 'ready':
        panel.onReady();
        break;
    }
  }

  // markdown-it, KaTeX and highlight.js load on the first answer shown, not at activation.
  private htmlBuilder(): Promise<EntryHtmlBuilder> {
    const catalog = this.catalog;
    this.builder ??= Promise.all([this.markdown(), import('./entryHtml')]).then(([renderer, { EntryHtmlBuilder }]) => new EntryHtmlBuilder(catalog, renderer));
    return this.builder;
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableForms: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private resources(webview: vscode.Webview): WebviewResources {
    return {
      cspSource: webview.cspSource,
      asWebviewUri: (path) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path.split('/'))).toString(),
    };
  }

  override dispose(): void {
    for (const panel of this.panels) {
      panel.panel.dispose();
    }
    super.dispose();
  }
}

export class AnswerPanel {
  entryId = '';
  /** The entry the document was last built for; differs from entryId after message updates. */
  private htmlEntryId = '';
  private ready = false;
  onMessage: (message: WebviewMessage) => void = () => undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public pinned: boolean,
    private readonly builder: () => Promise<EntryHtmlBuilder>,
    private readonly progress: StudyStore,
    private readonly resources: WebviewResources,
    private readonly titleLookup: (id: string) => string,
    private readonly logger: Logger,
  ) {
    this.subscription = vscode.Disposable.from(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isWebviewMessage(m)) {
          this.logger.warn(`answer panel: dropped a malformed message ${describeMessage(m)}`);
          return;
        }
        this.logger.run(`answer panel: ${m.type}`, () => this.onMessage(m));
      }),
      // Without retainContextWhenHidden a hidden webview is torn down; it says 'ready' again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
        }
      }),
    );
  }

  async show(id: string, anchor?: string): Promise<void> {
    const builder = await this.builder();
    const state: PanelState = anchor ? { entryId: id, pinned: this.pinned, anchor } : { entryId: id, pinned: this.pinned };
    const html = builder.build(id, { practiced: this.progress.isPracticed(id), pinned: this.pinned }) ?? '';
    const title = this.titleOf(id);
    this.entryId = id;
    this.panel.title = title;
    if (this.ready) {
      this.post({ type: 'show', state, title, html });
    } else {
      this.htmlEntryId = id;
      this.panel.webview.html = panelHtml(this.resources, title, html, state);
    }
  }

  showMissing(id: string | undefined): void {
    const text = id ? `The entry "${id}" is no longer in the catalog.` : 'This panel has nothing to show.';
    this.panel.title = 'ML Prep';
    this.panel.webview.html = panelHtml(this.resources, 'ML Prep', `<h1 id="entry-title">Not found</h1><p>${escapeHtml(text)}</p>`, {
      entryId: id ?? '',
      pinned: this.pinned,
    });
  }

  /** The webview (re)loaded its document: after being hidden it shows htmlEntryId again. */
  onReady(): void {
    this.ready = true;
    if (this.entryId && this.entryId !== this.htmlEntryId) {
      void this.show(this.entryId);
    } else if (this.entryId) {
      this.post({ type: 'practiced', entryId: this.entryId, practiced: this.progress.isPracticed(this.entryId) });
      this.post({ type: 'pinned', pinned: this.pinned });
    }
  }

  post(message: HostMessage): void {
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    }
  }

  private titleOf(id: string): string {
    const title = this.titleLookup(id);
    return title.length > 40 ? title.slice(0, 39) + '…' : title;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
