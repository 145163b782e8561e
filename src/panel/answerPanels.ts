import * as vscode from 'vscode';
import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import type { MarkdownRenderer } from './markdownRenderer';
import type { StudyStore } from '../study/studyStore';
import { ANSWER_VIEW_TYPE, HostMessage, isWebviewMessage, PanelState, WebviewMessage } from '../shared/protocol';
import type { Logger } from '../util/logger';
import { DisposableBase } from '../util/dispose';
import type { EntryHtmlBuilder } from './entryHtml';
import { escapeHtml } from '../util/html';
import { PanelHost, webviewOptions } from './panelHost';

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
            this.logger.run(`answer panel: redrawing ${panel.entryId}`, () => panel.show(panel.entryId));
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
    const panel = vscode.window.createWebviewPanel(ANSWER_VIEW_TYPE, 'ML Prep', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri, true));
    const created = this.adopt(panel, false);
    await created.show(id, anchor);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    panel.webview.options = webviewOptions(this.extensionUri, true);
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
    panel.markPinned();
    if (this.reusable === panel) {
      this.reusable = undefined;
    }
    void vscode.commands.executeCommand('setContext', PINNED_CONTEXT_KEY, true);
  }

  private adopt(panel: vscode.WebviewPanel, pinned: boolean): AnswerPanel {
    const answer: AnswerPanel = new AnswerPanel(panel, {
      pinned,
      extensionUri: this.extensionUri,
      builder: () => this.htmlBuilder(),
      progress: this.progress,
      titleLookup: (id) => this.catalog.entry(id)?.item.title ?? id,
      logger: this.logger,
      onMessage: (message) => this.handle(answer, message),
    });
    this.panels.add(answer);
    if (!pinned && !this.reusable) {
      this.reusable = answer;
    }
    const viewState = panel.onDidChangeViewState(() => {
      if (panel.active) {
        void vscode.commands.executeCommand('setContext', PINNED_CONTEXT_KEY, answer.pinned);
      }
    });
    const disposal = panel.onDidDispose(() => {
      viewState.dispose();
      disposal.dispose();
      this.panels.delete(answer);
      if (this.reusable === answer) {
        this.reusable = undefined;
      }
      answer.dispose();
    });
    return answer;
  }

  private handle(panel: AnswerPanel, message: AnswerPanelMessage): void {
    switch (message.type) {
      case 'open':
        this.logger.run(`answer panel: opening ${message.id}`, () => this.open(message.id, panel));
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
    }
  }

  // markdown-it, KaTeX and highlight.js load on the first answer shown, not at activation.
  private htmlBuilder(): Promise<EntryHtmlBuilder> {
    const catalog = this.catalog;
    this.builder ??= Promise.all([this.markdown(), import('./entryHtml')]).then(([renderer, { EntryHtmlBuilder }]) => new EntryHtmlBuilder(catalog, renderer));
    return this.builder;
  }

  override dispose(): void {
    for (const panel of this.panels) {
      panel.panel.dispose();
    }
    super.dispose();
  }
}

/** What an answer page sends beyond the handshake and links, which the host handles. */
type AnswerPanelMessage = Exclude<WebviewMessage, { type: 'ready' | 'openExternal' }>;

interface AnswerPanelDeps {
  readonly pinned: boolean;
  readonly extensionUri: vscode.Uri;
  readonly builder: () => Promise<EntryHtmlBuilder>;
  readonly progress: StudyStore;
  readonly titleLookup: (id: string) => string;
  readonly logger: Logger;
  readonly onMessage: (message: AnswerPanelMessage) => void;
}

export class AnswerPanel {
  private shownId = '';
  private isPinned: boolean;
  /** The entry the document was last built for; differs from entryId after message updates. */
  private htmlEntryId = '';
  private readonly host: PanelHost<HostMessage, WebviewMessage>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: AnswerPanelDeps,
  ) {
    this.isPinned = deps.pinned;
    this.host = new PanelHost<HostMessage, WebviewMessage>(panel, {
      extensionUri: deps.extensionUri,
      name: 'answer panel',
      logger: deps.logger,
      isMessage: isWebviewMessage,
      onMessage: deps.onMessage,
      onReady: () => this.onReady(),
    });
  }

  get entryId(): string {
    return this.shownId;
  }

  get pinned(): boolean {
    return this.isPinned;
  }

  markPinned(): void {
    this.isPinned = true;
    this.post({ type: 'pinned', pinned: true });
  }

  async show(id: string, anchor?: string): Promise<void> {
    const builder = await this.deps.builder();
    const state: PanelState = anchor ? { entryId: id, pinned: this.pinned, anchor } : { entryId: id, pinned: this.pinned };
    const html = builder.build(id, { practiced: this.deps.progress.isPracticed(id), pinned: this.pinned }) ?? '';
    const title = this.titleOf(id);
    this.shownId = id;
    this.panel.title = title;
    if (this.host.isReady) {
      this.host.post({ type: 'show', state, title, html });
    } else {
      this.htmlEntryId = id;
      this.host.setHtml(title, html, state);
    }
  }

  showMissing(id: string | undefined): void {
    const text = id ? `The entry "${id}" is no longer in the catalog.` : 'This panel has nothing to show.';
    this.panel.title = 'ML Prep';
    this.host.setHtml('ML Prep', `<h1 id="entry-title">Not found</h1><p>${escapeHtml(text)}</p>`, {
      entryId: id ?? '',
      pinned: this.pinned,
    });
  }

  /** The webview (re)loaded its document: after being hidden it shows htmlEntryId again. */
  private onReady(): void {
    if (this.shownId && this.shownId !== this.htmlEntryId) {
      this.deps.logger.run(`answer panel: showing ${this.shownId} again`, () => this.show(this.shownId));
    } else if (this.shownId) {
      this.post({ type: 'practiced', entryId: this.shownId, practiced: this.deps.progress.isPracticed(this.shownId) });
      this.post({ type: 'pinned', pinned: this.pinned });
    }
  }

  /** State updates only matter to a loaded page; one that is still loading reads them from its document. */
  post(message: HostMessage): void {
    if (this.host.isReady) {
      this.host.post(message);
    }
  }

  private titleOf(id: string): string {
    const title = this.deps.titleLookup(id);
    return title.length > 40 ? title.slice(0, 39) + '…' : title;
  }

  dispose(): void {
    this.host.dispose();
  }
}
