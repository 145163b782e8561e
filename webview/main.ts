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

function readInitialState(): PanelState | undefined {
  try {
    return JSON.parse(main.dataset.state ?? '') as PanelState;
  } catch {
    return undefined;
  }
}

const initial = readInitialState();
if (initial) {
  vscode.setState(initial);
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
  if (button.dataset.action === 'togglePracticed' && button.dataset.id) {
    vscode.postMessage({ type: 'togglePracticed', id: button.dataset.id });
  } else if (button.dataset.action === 'pin') {
    vscode.postMessage({ type: 'pin' });
  } else if (button.dataset.action === 'exercise' && button.dataset.id) {
    // The host checks the action name; a forged one is dropped there.
    vscode.postMessage({ type: 'exercise', action: button.dataset.exerciseAction as ExerciseAction, id: button.dataset.id });
  }
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'show':
      main.innerHTML = message.html;
      document.title = message.title;
      vscode.setState(message.state);
      scrollToAnchor(message.state.anchor);
      break;
    case 'practiced':
      showPracticed(message.entryId, message.practiced);
      break;
    case 'pinned': {
      const state = vscode.getState();
      if (state) {
        vscode.setState({ ...state, pinned: message.pinned });
      }
      const pin = document.querySelector<HTMLButtonElement>('button[data-action="pin"]');
      if (pin) {
        pin.disabled = message.pinned;
        pin.textContent = message.pinned ? 'Kept open' : 'Keep open';
      }
      break;
    }
  }
});

/** A search hit in an answer's body opens at its section; anything else opens at the top. */
function scrollToAnchor(anchor: string | undefined): void {
  const target = anchor ? document.getElementById(`s-${anchor}`) : null;
  if (target) {
    target.scrollIntoView({ block: 'start' });
    target.classList.add('search-target');
  } else {
    window.scrollTo(0, 0);
  }
}

scrollToAnchor(initial?.anchor);

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
