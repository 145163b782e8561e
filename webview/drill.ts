// Drill panel script: shows what the host renders, runs the optional timer, and reports the
// user's actions (buttons, keys 1 to 4 to grade once the answer is revealed, Ctrl/Cmd+Z to undo
// the last grade). A live region outside the swapped content announces each new view.
import type { DrillHostMessage, DrillStepRef, DrillWebviewMessage } from '../src/shared/protocol';
import { followLink } from './links';

interface VsCodeApi {
  postMessage(message: DrillWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.getElementById('entry') as HTMLElement;
let timer: number | undefined;
const live = document.createElement('div');
live.className = 'visually-hidden';
live.setAttribute('aria-live', 'polite');
live.setAttribute('role', 'status');
document.body.append(live);
/** The step a grade or skip was sent for: the keys and buttons do nothing more until the next view. */
let sentFor: number | undefined;

/** The question and step shown, as the host rendered them; actions carry them so the host can ignore repeats. */
function currentStep(): DrillStepRef | undefined {
  const el = main.querySelector<HTMLElement>('[data-step][data-question-id]');
  const step = Number(el?.dataset.step);
  const questionId = el?.dataset.questionId;
  return questionId && Number.isSafeInteger(step) ? { questionId, step } : undefined;
}

/** Posts an action on the current step once; a second click or key press before the next view is dropped. */
function once(make: (ref: DrillStepRef) => DrillWebviewMessage): void {
  const ref = currentStep();
  if (!ref || sentFor === ref.step) {
    return;
  }
  sentFor = ref.step;
  vscode.postMessage(make(ref));
}

function startTimer(seconds: number | undefined): void {
  window.clearInterval(timer);
  const el = main.querySelector<HTMLElement>('[data-timer]');
  if (!el || !seconds) {
    return;
  }
  const end = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.round((end - Date.now()) / 1000);
    const abs = Math.abs(left);
    el.textContent = `${left < 0 ? 'Over time by ' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
    el.classList.toggle('overtime', left < 0);
  };
  el.hidden = false;
  tick();
  timer = window.setInterval(tick, 1000);
}

/** The step of the view on screen, question or summary. */
function viewStep(): number | undefined {
  const step = Number(main.querySelector<HTMLElement>('[data-step]')?.dataset.step);
  return Number.isSafeInteger(step) ? step : undefined;
}

function undo(): void {
  const step = viewStep();
  if (step === undefined || sentFor === step || !main.querySelector('button[data-action="undo"]')) {
    return;
  }
  sentFor = step;
  vscode.postMessage({ type: 'undo', step });
}

function grade(value: 1 | 2 | 3 | 4): void {
  const covered = Array.from(main.querySelectorAll<HTMLInputElement>('input[data-key-point]'))
    .filter((i) => i.checked)
    .map((i) => Number(i.dataset.keyPoint));
  once((ref) => ({ type: 'grade', grade: value, covered, ...ref }));
}

document.addEventListener('click', (event) => {
  if (followLink(event, (m) => vscode.postMessage(m))) {
    return;
  }
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
  switch (button?.dataset.action) {
    case 'reveal': {
      window.clearInterval(timer);
      const ref = currentStep();
      if (ref) {
        vscode.postMessage({ type: 'reveal', ...ref });
      }
      break;
    }
    case 'skip':
      once((ref) => ({ type: 'skip', ...ref }));
      break;
    case 'myAnswer':
    case 'showProgress':
    case 'drillWeak':
      vscode.postMessage({ type: button.dataset.action });
      break;
    case 'undo':
      undo();
      break;
    case 'grade':
      grade(Number(button.dataset.grade) as 1 | 2 | 3 | 4);
      break;
  }
});

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
    event.preventDefault();
    undo();
    return;
  }
  const canGrade = main.querySelector('button[data-action="grade"]') !== null;
  if (canGrade && !event.ctrlKey && !event.metaKey && !event.altKey && /^[1-4]$/.test(event.key)) {
    event.preventDefault();
    grade(Number(event.key) as 1 | 2 | 3 | 4);
  }
});

window.addEventListener('message', (event: MessageEvent<DrillHostMessage>) => {
  if (event.data.type === 'drillView') {
    main.innerHTML = event.data.html;
    // A view for the step already sent (e.g. shown again after a failed save) may be acted on again.
    sentFor = undefined;
    window.scrollTo(0, 0);
    startTimer(event.data.timerSeconds);
    // After Reveal the answer heading takes the focus (a reflexive Enter must not grade); otherwise the first action.
    (main.querySelector<HTMLElement>('[data-focus]') ?? main.querySelector<HTMLButtonElement>('button[data-action]'))?.focus({ preventScroll: true });
    if (event.data.announce) {
      // Cleared first, so the same words twice are announced twice.
      live.textContent = '';
      window.setTimeout(() => (live.textContent = event.data.announce ?? ''), 50);
    }
  }
});

vscode.postMessage({ type: 'ready' });
