// Progress dashboard script: swaps in each redraw the host sends, keeping the scroll position and
// the open tables (<details>), also across the page being hidden and shown again; links go
// through the host.
import type { DashboardHostMessage, DashboardState, DashboardWebviewMessage } from '../src/shared/protocol';
import { followLink } from './links';

interface VsCodeApi {
  postMessage(message: DashboardWebviewMessage): void;
  getState(): DashboardState | undefined;
  setState(state: DashboardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.getElementById('entry') as HTMLElement;
/** The state to restore into the first view after a reload; later views keep what is on screen. */
let restoring = vscode.getState();

const keyOf = (details: HTMLDetailsElement) => details.querySelector('summary')?.textContent?.trim() ?? '';

function currentState(): DashboardState {
  const open = Array.from(main.querySelectorAll<HTMLDetailsElement>('details[open]'), keyOf).filter((k) => k !== '');
  return { open, scrollY: window.scrollY };
}

function show(html: string): void {
  const state = restoring ?? currentState();
  restoring = undefined;
  const focused = document.activeElement?.closest('summary')?.textContent?.trim();
  main.innerHTML = html;
  for (const details of main.querySelectorAll<HTMLDetailsElement>('details')) {
    const key = keyOf(details);
    details.open = state.open.includes(key);
    if (focused && key === focused) {
      details.querySelector('summary')?.focus({ preventScroll: true });
    }
  }
  window.scrollTo(0, state.scrollY);
  vscode.setState(currentState());
}

document.addEventListener('click', (event) => {
  if (followLink(event, (m) => vscode.postMessage(m))) {
    return;
  }
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
  const id = button?.dataset.id;
  switch (button?.dataset.action) {
    case 'startReview':
      vscode.postMessage({ type: 'startReview' });
      break;
    case 'drillTopic':
      if (id) {
        vscode.postMessage({ type: 'drillTopic', id });
      }
      break;
    case 'open':
      if (id) {
        vscode.postMessage({ type: 'open', id });
      }
      break;
  }
});
// 'toggle' does not bubble: listen in the capture phase for every <details>.
document.addEventListener('toggle', () => vscode.setState(currentState()), true);
let scrollSave: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollSave);
  scrollSave = window.setTimeout(() => vscode.setState(currentState()), 150);
});

window.addEventListener('message', (event: MessageEvent<DashboardHostMessage>) => {
  if (event.data.type === 'dashboardView') {
    show(event.data.html);
  }
});

vscode.postMessage({ type: 'ready' });
