// HTML for each step of a drill. Pure, so it is unit-tested without VS Code.
import type { Question } from '../catalog/types';
import { escapeHtml } from '../util/html';
import { GRADE_LABELS, type Grade } from '../study/types';

export interface DrillStep {
  readonly question: Question;
  readonly topicTitle: string;
  /** e.g. "2 of 10" */
  readonly position: string;
  /** The drill step (unique per question shown in this panel), which the webview's actions name. */
  readonly step: number;
}

/** The step's identity, read by the webview and sent back with each action on it. */
function stepAttributes(step: DrillStep): string {
  return `data-question-id="${escapeHtml(step.question.id)}" data-step="${step.step}"`;
}

export function questionView(step: DrillStep, hasNotes: boolean): string {
  const q = step.question;
  return `<header class="entry-header" ${stepAttributes(step)}>
<p class="breadcrumb">Practice <span aria-hidden="true">›</span> ${escapeHtml(step.topicTitle)} <span aria-hidden="true">›</span> ${escapeHtml(step.position)}</p>
<h1 id="entry-title">${escapeHtml(q.title)}</h1>
<p class="timer" data-timer role="timer" aria-label="Time left" hidden></p>
</header>
<p class="hint">Answer aloud, or write in <strong>My answer</strong>; then reveal the model answer and grade yourself.</p>
<div class="actions" role="toolbar" aria-label="Drill actions">
<button type="button" data-action="reveal">Reveal answer</button>
<button type="button" class="secondary" data-action="myAnswer">${hasNotes ? 'Open my answer' : 'My answer'}</button>
<button type="button" class="secondary" data-action="skip">Skip</button>
</div>`;
}

export function revealedView(step: DrillStep, answerHtml: string, keyPointsHtml: readonly string[], notesHtml: string | undefined, durationMs: number): string {
  const q = step.question;
  const checklist = keyPointsHtml.length
    ? `<fieldset class="key-points-check"><legend>Which key points did you cover?</legend>${keyPointsHtml
        .map((k, i) => `<label><input type="checkbox" data-key-point="${i}"> ${k}</label>`)
        .join('')}</fieldset>`
    : '';
  const grades = ([1, 2, 3, 4] as Grade[])
    .map((g) => `<button type="button" class="${g === 3 ? '' : 'secondary'}" data-action="grade" data-grade="${g}" aria-keyshortcuts="${g}">${GRADE_LABELS[g]} <kbd>${g}</kbd></button>`)
    .join('');
  const notes = notesHtml
    ? `<section class="my-answer" aria-label="Your answer"><h2>Your answer</h2>${notesHtml}</section>`
    : '';
  return `<header class="entry-header" ${stepAttributes(step)}>
<p class="breadcrumb">Practice <span aria-hidden="true">›</span> ${escapeHtml(step.topicTitle)} <span aria-hidden="true">›</span> ${escapeHtml(step.position)}</p>
<h1 id="entry-title">${escapeHtml(q.title)}</h1>
<p class="time-taken">Time to answer: ${formatDuration(durationMs)}</p>
</header>
${checklist}
<div class="actions grades" role="toolbar" aria-label="Grade your answer: keys 1 to 4">${grades}</div>
<section class="answer" aria-label="Model answer"><h2>Model answer</h2>${answerHtml}</section>
${notes}`;
}

export function doneView(graded: readonly Grade[], skipped: number): string {
  const counts = ([1, 2, 3, 4] as Grade[]).map((g) => `${GRADE_LABELS[g]}: ${graded.filter((x) => x === g).length}`).join(', ');
  return `<h1 id="entry-title">Practice complete</h1>
<p>${graded.length} graded (${counts})${skipped ? `, ${skipped} skipped` : ''}.</p>
<div class="actions"><button type="button" data-action="showProgress">Show progress</button></div>`;
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
