// Answer panel script: follows links and buttons by messaging the host; never navigates itself.
import { NOT_PRACTICED_TITLE, PRACTICED_TITLE, type ExerciseAction, type HostMessage, type PanelState, type WebviewMessage } from '../src/shared/protocol';
import { followLink } from './links';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.getElementById('entry') as HTMLElement;
/** Scroll offsets kept for this many entries, the most recent ones. */
const SCROLL_ENTRIES = 50;

function readDocumentState(): PanelState | undefined {
  try {
    return JSON.parse(main.dataset.state ?? '') as PanelState;
  } catch {
    return undefined;
  }
}

/**
 * A document reloaded after its tab was hidden carries the state it was first written with; the
 * state saved since (same `doc`) is newer: the entry shown, its history and scroll offsets.
 */
function initialState(written: PanelState | undefined): { state: PanelState | undefined; reloaded: boolean } {
  const saved = vscode.getState();
  if (saved && written && saved.doc !== undefined && saved.doc === written.doc) {
    return { state: saved, reloaded: true };
  }
  return { state: written ? { ...written, scroll: { ...saved?.scroll, ...written.scroll } } : saved, reloaded: false };
}

const written = readDocumentState();
const initial = initialState(written);
let state = initial.state;
// The document still holds an older entry than the one the panel shows: keep it out of sight
// until the host's redraw arrives (it answers 'ready' with one), so no old answer flashes.
const stale = state !== undefined && written !== undefined && state.entryId !== written.entryId;
if (stale) {
  main.classList.add('pending');
  // Never leave the panel blank if the redraw does not come.
  setTimeout(() => main.classList.remove('pending'), 2000);
}
if (state) {
  vscode.setState(state);
  applyFontSize(state.fontSize);
  markLinks(state.entryId);
  if (!stale) {
    position(state, initial.reloaded || state.restoreScroll === true);
  }
}

document.addEventListener('click', (event) => {
  if (followLink(event, (m) => vscode.postMessage(m))) {
    return;
  }
  const target = event.target as Element | null;
  const button = target?.closest('button[data-action]') as HTMLButtonElement | null;
  if (!button || button.disabled) {
    return;
  }
  const action = button.dataset.action;
  if (action === 'togglePracticed' && button.dataset.id) {
    vscode.postMessage({ type: 'togglePracticed', id: button.dataset.id });
  } else if (action === 'pin') {
    vscode.postMessage({ type: 'pin' });
  } else if (action === 'back' || action === 'forward') {
    vscode.postMessage({ type: action });
  } else if (action === 'exercise' && button.dataset.id) {
    // The host checks the action name; a forged one is dropped there.
    vscode.postMessage({ type: 'exercise', action: button.dataset.exerciseAction as ExerciseAction, id: button.dataset.id });
  }
});

// Alt+Left / Alt+Right, as in a browser; the page never navigates itself.
document.addEventListener('keydown', (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  const direction = event.key === 'ArrowLeft' ? 'back' : event.key === 'ArrowRight' ? 'forward' : undefined;
  if (direction) {
    event.preventDefault();
    vscode.postMessage({ type: direction });
  }
});

// Mouse buttons 4 and 5 (event.button 3 and 4): back and forward.
const mouseDirection = (event: MouseEvent) => (event.button === 3 ? 'back' : event.button === 4 ? 'forward' : undefined);
document.addEventListener('mousedown', (event) => {
  if (mouseDirection(event)) {
    event.preventDefault();
  }
});
document.addEventListener('mouseup', (event) => {
  const direction = mouseDirection(event);
  if (direction) {
    event.preventDefault();
    vscode.postMessage({ type: direction });
  }
});

// At most one save per frame, so the offset is saved by the time the next frame is drawn.
let scrollSave: number | undefined;
window.addEventListener('scroll', () => {
  scrollSave ??= requestAnimationFrame(() => {
    scrollSave = undefined;
    saveScroll();
  });
});

/** Keeps the offset of the entry shown, dropping the oldest entries beyond SCROLL_ENTRIES. */
function saveScroll(): void {
  if (!state?.entryId || main.classList.contains('pending')) {
    return;
  }
  const scroll = { ...state.scroll };
  delete scroll[state.entryId];
  scroll[state.entryId] = Math.round(window.scrollY);
  const ids = Object.keys(scroll);
  for (const id of ids.slice(0, Math.max(0, ids.length - SCROLL_ENTRIES))) {
    delete scroll[id];
  }
  state = { ...state, scroll };
  vscode.setState(state);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'show': {
      if (scrollSave !== undefined) {
        cancelAnimationFrame(scrollSave);
        scrollSave = undefined;
      }
      if (!main.classList.contains('pending')) {
        saveScroll();
      }
      const refocus = (document.activeElement as HTMLElement | null)?.dataset?.action;
      main.innerHTML = message.html;
      document.title = message.title;
      state = { ...message.state, scroll: state?.scroll ?? {}, ...(state?.doc ? { doc: state.doc } : {}) };
      vscode.setState(state);
      applyFontSize(state.fontSize);
      markLinks(state.entryId);
      position(state, state.restoreScroll === true);
      main.classList.remove('pending');
      keepFocus(refocus);
      break;
    }
    case 'practiced':
      showPracticed(message.entryId, message.practiced);
      break;
    case 'pinned': {
      if (state) {
        state = { ...state, pinned: message.pinned };
        vscode.setState(state);
      }
      const pin = document.querySelector<HTMLButtonElement>('button[data-action="pin"]');
      if (pin) {
        pin.disabled = message.pinned;
        pin.textContent = message.pinned ? 'Kept open' : 'Keep open';
      }
      break;
    }
    case 'fontSize':
      applyFontSize(message.px);
      if (state) {
        state = { ...state, fontSize: message.px };
        vscode.setState(state);
      }
      break;
  }
});

/** A search hit opens at its section; a step back or a reload where the user left it; anything else at the top. */
function position(current: PanelState, restore: boolean): void {
  const target = current.anchor ? document.getElementById(`s-${current.anchor}`) : null;
  if (target) {
    target.scrollIntoView({ block: 'start' });
    target.classList.add('search-target');
    return;
  }
  const offset = restore ? current.scroll?.[current.entryId] : undefined;
  window.scrollTo(0, offset ?? 0);
  if (offset) {
    // Math and code fonts can still change the layout after the first frame.
    requestAnimationFrame(() => window.scrollTo(0, offset));
  }
}

/** The Back or Forward button just clicked is replaced with the page: focus its successor. */
function keepFocus(action: string | undefined): void {
  if (action !== 'back' && action !== 'forward') {
    return;
  }
  const same = document.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  const other = document.querySelector<HTMLButtonElement>(`button[data-action="${action === 'back' ? 'forward' : 'back'}"]`);
  (same && !same.disabled ? same : other && !other.disabled ? other : document.getElementById('entry-title'))?.focus();
}

function applyFontSize(px: number | undefined): void {
  if (typeof px === 'number' && px > 0) {
    // Through the CSSOM, which the page's style-src policy allows (an inline style would not be).
    document.documentElement.style.setProperty('--mlprep-font-size', `${px}px`);
  }
}

/** The panel's context menu ("Open to the Side", "Copy Link") acts on the link right-clicked, else on the entry shown. */
function markLinks(entryId: string): void {
  main.dataset.vscodeContext = JSON.stringify({ mlPrepId: entryId });
  for (const link of main.querySelectorAll<HTMLAnchorElement>('a[href^="mlprep:"]')) {
    link.dataset.vscodeContext = JSON.stringify({ mlPrepId: link.getAttribute('href')!.slice('mlprep:'.length) });
  }
}

function showPracticed(entryId: string, practiced: boolean): void {
  const button = document.querySelector<HTMLButtonElement>('button[data-action="togglePracticed"]');
  if (!button || button.dataset.id !== entryId) {
    return;
  }
  button.setAttribute('aria-pressed', String(practiced));
  button.textContent = practiced ? 'Practiced ✓' : 'Mark as practiced';
  button.title = practiced ? PRACTICED_TITLE : NOT_PRACTICED_TITLE;
  const badge = document.querySelector<HTMLElement>('[data-practiced-badge]');
  if (badge) {
    badge.hidden = !practiced;
  }
}

vscode.postMessage({ type: 'ready' });
