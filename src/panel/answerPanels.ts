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
import { newNonce } from './panelHtml';
import { PanelHost, webviewOptions } from './panelHost';
import { EntryHistory } from './entryHistory';
import { historyNav } from './historyNav';
import { READING_SIZE_SETTINGS, readingSize } from './readingSize';

const PINNED_CONTEXT_KEY = 'mlPrep.activePanelPinned';

/** Pages shown in the answer panel besides catalog entries (exercise statements), under ids starting with `prefix`. */
export interface PanelPages {
  readonly prefix: string;
  /** Resolves once title() can answer, e.g. after the pages' data is read. */
  ready(): Promise<void>;
  /** The page's title, or undefined when there is no such page. */
  title(id: string): string | undefined;
  render(id: string): Promise<string>;
  onMessage(message: Extract<WebviewMessage, { type: 'exercise' }>): void;
}

/**
 * Owns every answer panel: one reusable panel beside the editor, plus any the user kept open
 * (pinned). Implements the serializer so panels come back after a window reload.
 */
export class AnswerPanels extends DisposableBase implements vscode.WebviewPanelSerializer<PanelState> {
  private readonly panels = new Set<AnswerPanel>();
  private reusable: AnswerPanel | undefined;
  private builder: Promise<EntryHtmlBuilder> | undefined;
  private pages: PanelPages | undefined;

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
          if (this.has(panel.entryId)) {
            this.logger.run(`answer panel: redrawing ${panel.entryId}`, () => panel.show(panel.entryId, { restoreScroll: true }));
          } else if (panel.entryId) {
            panel.showMissing(panel.entryId);
          }
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (READING_SIZE_SETTINGS.some((key) => event.affectsConfiguration(key))) {
          const px = this.fontSize();
          for (const panel of this.panels) {
            panel.post({ type: 'fontSize', px });
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

  /** Lets a feature show its own pages here; they open, reload and pin like entries. */
  addPages(pages: PanelPages): vscode.Disposable {
    this.pages = pages;
    return new vscode.Disposable(() => {
      if (this.pages === pages) {
        this.pages = undefined;
      }
    });
  }

  /** Redraws the panels showing `id` (a page whose state changed). */
  refresh(id: string): void {
    for (const panel of this.panels) {
      if (panel.entryId === id) {
        this.logger.run(`answer panel: redrawing ${id}`, () => panel.show(id, { restoreScroll: true }));
      }
    }
  }

  private has(id: string): boolean {
    return this.catalog.entry(id) !== undefined || this.page(id) !== undefined;
  }

  private page(id: string): PanelPages | undefined {
    return this.pages && id.startsWith(this.pages.prefix) && this.pages.title(id) !== undefined ? this.pages : undefined;
  }

  /**
   * Opens an entry beside the editor, keeping the editor focused and visible; `anchor` scrolls to
   * a section of its answer (a search hit). Opening into a panel is a step in its history.
   */
  async open(id: string, into?: AnswerPanel, anchor?: string): Promise<void> {
    if (!this.has(id)) {
      void vscode.window.showWarningMessage(`ML Prep: no question or concept has the id "${id}".`);
      return;
    }
    const target = into ?? this.reusable;
    if (target) {
      await target.visit(id, anchor);
      target.panel.reveal(target.panel.viewColumn, true);
      return;
    }
    const created = this.adopt(this.createPanel(vscode.ViewColumn.Beside, true), false);
    await created.visit(id, anchor);
  }

  /**
   * "Open to the Side": a panel of its own (kept open), focused, in the column after the answer
   * panel it came from (a right-click need not make that panel's group the active one).
   */
  async openToSide(id: string): Promise<void> {
    if (!this.has(id)) {
      void vscode.window.showWarningMessage(`ML Prep: no question or concept has the id "${id}".`);
      return;
    }
    const from = (this.active ?? [...this.panels].find((p) => p.panel.visible))?.panel.viewColumn;
    const created = this.adopt(this.createPanel(from ? from + 1 : vscode.ViewColumn.Beside, false), true);
    await created.visit(id);
  }

  /** Steps the panel's history; false when there is nothing that way. */
  async go(panel: AnswerPanel, direction: 'back' | 'forward'): Promise<boolean> {
    const exists = (id: string) => this.has(id);
    const id = direction === 'back' ? panel.history.goBack(exists) : panel.history.goForward(exists);
    if (id === undefined) {
      return false;
    }
    await panel.show(id, { restoreScroll: true });
    return true;
  }

  /** The next or previous question of the topic, in the panel that shows one. */
  async step(panel: AnswerPanel, direction: 'next' | 'previous'): Promise<string | undefined> {
    const { previous, next } = this.catalog.neighbours(panel.entryId);
    const target = direction === 'next' ? next : previous;
    if (target) {
      await this.open(target.id, panel);
    }
    return target?.id;
  }

  private createPanel(viewColumn: vscode.ViewColumn, preserveFocus: boolean): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(ANSWER_VIEW_TYPE, 'ML Prep', { viewColumn, preserveFocus }, webviewOptions(this.extensionUri, true));
  }

  /** Whether `id` is a catalog entry (a feature page is not). */
  isEntry(id: string): boolean {
    return this.catalog.entry(id) !== undefined;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    panel.webview.options = webviewOptions(this.extensionUri, true);
    const pinned = state?.pinned === true;
    const restored = this.adopt(panel, pinned, state);
    if (this.pages && typeof state?.entryId === 'string' && state.entryId.startsWith(this.pages.prefix)) {
      await this.pages.ready();
    }
    if (state && typeof state.entryId === 'string' && this.has(state.entryId)) {
      await restored.show(state.entryId, { restoreScroll: true });
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

  private adopt(panel: vscode.WebviewPanel, pinned: boolean, saved?: PanelState): AnswerPanel {
    const iconPath = (theme: string) => vscode.Uri.joinPath(this.extensionUri, 'media', `panel-${theme}.svg`);
    panel.iconPath = { light: iconPath('light'), dark: iconPath('dark') };
    const answer: AnswerPanel = new AnswerPanel(panel, {
      pinned,
      saved,
      fontSize: () => this.fontSize(),
      extensionUri: this.extensionUri,
      builder: () => this.htmlBuilder(),
      progress: this.progress,
      titleLookup: (id) => this.catalog.entry(id)?.item.title ?? this.page(id)?.title(id) ?? id,
      renderPage: (id) => this.page(id)?.render(id),
      isPage: (id) => this.page(id) !== undefined,
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
      case 'exercise':
        this.pages?.onMessage(message);
        break;
      case 'back':
      case 'forward':
        this.logger.run(`answer panel: ${message.type}`, () => this.go(panel, message.type));
        break;
    }
  }

  private fontSize(): number {
    const preview = vscode.workspace.getConfiguration('markdown.preview').inspect<number>('fontSize');
    return readingSize({
      own: vscode.workspace.getConfiguration('mlPrep.panel').get('fontSize'),
      // The preview's built-in default is no choice of the user's: then the editor's size is.
      markdownPreview: preview?.workspaceFolderValue ?? preview?.workspaceValue ?? preview?.globalValue,
      editor: vscode.workspace.getConfiguration('editor').get('fontSize'),
    });
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
  /** What the serializer restored: the history and scroll offsets to carry on with. */
  readonly saved?: PanelState;
  readonly fontSize: () => number;
  readonly extensionUri: vscode.Uri;
  readonly builder: () => Promise<EntryHtmlBuilder>;
  readonly progress: StudyStore;
  readonly titleLookup: (id: string) => string;
  /** A feature page's HTML, or undefined when `id` is a catalog entry. */
  readonly renderPage: (id: string) => Promise<string> | undefined;
  readonly isPage: (id: string) => boolean;
  readonly logger: Logger;
  readonly onMessage: (message: AnswerPanelMessage) => void;
}

export interface ShowOptions {
  /** A section of the answer to scroll to. */
  readonly anchor?: string;
  /** Go back to where the user left this entry (history steps, reloads) instead of the top. */
  readonly restoreScroll?: boolean;
}

export class AnswerPanel {
  private shownId = '';
  private isPinned: boolean;
  readonly history: EntryHistory;
  /** Scroll offsets from before a window reload, handed to the first document drawn. */
  private savedScroll: PanelState['scroll'];
  /** The entry the document was last built for; differs from entryId after message updates. */
  private htmlEntryId = '';
  private readonly host: PanelHost<HostMessage, WebviewMessage>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: AnswerPanelDeps,
  ) {
    this.isPinned = deps.pinned;
    this.history = EntryHistory.restore(deps.saved?.entryId ?? '', deps.saved?.history);
    this.savedScroll = deps.saved?.scroll;
    this.host = new PanelHost<HostMessage, WebviewMessage>(panel, {
      extensionUri: deps.extensionUri,
      name: 'answer panel',
      logger: deps.logger,
      isMessage: isWebviewMessage,
      onMessage: deps.onMessage,
      onReady: (reloaded) => this.onReady(reloaded),
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

  /** Shows `id` as a new step in this panel's history. */
  visit(id: string, anchor?: string): Promise<void> {
    this.history.visit(id);
    return this.show(id, anchor ? { anchor } : {});
  }

  /** Draws `id` (the history's current entry, or a redraw of what is shown). */
  async show(id: string, options: ShowOptions = {}): Promise<void> {
    const page = this.deps.renderPage(id);
    const builder = page ? undefined : await this.deps.builder();
    const html = (page ? await page : builder?.build(id, { practiced: this.deps.progress.isPracticed(id), pinned: this.pinned })) ?? '';
    // A redraw that is not a history step (catalog change, reload) keeps the history as it is.
    if (this.history.current !== id) {
      this.history.visit(id);
    }
    const state: PanelState = {
      entryId: id,
      pinned: this.pinned,
      ...(options.anchor ? { anchor: options.anchor } : {}),
      history: this.history.snapshot(),
      restoreScroll: options.restoreScroll === true,
      fontSize: this.deps.fontSize(),
    };
    const title = this.deps.titleLookup(id);
    const article = historyNav(this.history.previous, this.history.next, this.deps.titleLookup) + html;
    this.shownId = id;
    // The full title: VS Code shortens tabs itself and shows the whole title on hover.
    this.panel.title = title;
    if (this.host.isReady) {
      this.host.post({ type: 'show', state, title, html: article });
    } else {
      this.htmlEntryId = id;
      const scroll = this.savedScroll;
      this.savedScroll = undefined;
      this.host.setHtml(title, article, { ...state, doc: newNonce(), ...(scroll ? { scroll } : {}) });
    }
  }

  showMissing(id: string | undefined): void {
    const text = id ? `The entry "${id}" is no longer in the catalog.` : 'This panel has nothing to show.';
    this.panel.title = 'ML Prep';
    this.host.setHtml('ML Prep', `<h1 id="entry-title">Not found</h1><p>${escapeHtml(text)}</p>`, {
      entryId: id ?? '',
      pinned: this.pinned,
      doc: newNonce(),
      fontSize: this.deps.fontSize(),
    });
  }

  /**
   * The webview (re)loaded its document: after being hidden it shows htmlEntryId again (hidden
   * by the page until the entry now shown replaces it), so it is drawn again, at its scroll offset.
   */
  private onReady(reloaded: boolean): void {
    // A feature page is drawn again: what it shows (e.g. whether an attempt exists) may have changed meanwhile.
    if (this.shownId && (reloaded || this.shownId !== this.htmlEntryId || this.deps.isPage(this.shownId))) {
      this.deps.logger.run(`answer panel: showing ${this.shownId} again`, () => this.show(this.shownId, { restoreScroll: true }));
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

  dispose(): void {
    this.host.dispose();
  }
}

