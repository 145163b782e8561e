// HTML for each step of a drill. Pure, so it is unit-tested without VS Code.
import type { Question } from '../catalog/types';
import { escapeHtml } from '../util/html';
import { GRADE_LABELS, type Grade } from '../study/types';
import { describeInterval } from '../study/scheduler';

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

/** The Undo button, when the last grade can be taken back; `undoLabel` names it, e.g. "Good for “What is…”". */
function undoButton(undoLabel: string | undefined): string {
  return undoLabel === undefined
    ? ''
    : `<button type="button" class="secondary" data-action="undo" aria-keyshortcuts="Control+Z Meta+Z" title="Undo the last grade (Ctrl+Z)">Undo last grade</button>
<span class="undo-note">Last: ${escapeHtml(undoLabel)}</span>`;
}

export function questionView(step: DrillStep, hasNotes: boolean, undoLabel?: string): string {
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
${undoButton(undoLabel)}
</div>`;
}

/** `intervals`: for each grade, milliseconds until the question would be due again. */
export function revealedView(
  step: DrillStep,
  answerHtml: string,
  keyPointsHtml: readonly string[],
  notesHtml: string | undefined,
  durationMs: number,
  intervals: Readonly<Record<Grade, number>>,
): string {
  const q = step.question;
  const checklist = keyPointsHtml.length
    ? `<fieldset class="key-points-check"><legend>Which key points did you cover?</legend>${keyPointsHtml
        .map((k, i) => `<label><input type="checkbox" data-key-point="${i}"> ${k}</label>`)
        .join('')}</fieldset>`
    : '';
  const grades = ([1, 2, 3, 4] as Grade[])
    .map((g) => {
      const next = describeInterval(intervals[g]);
      const label = `${GRADE_LABELS[g]}: next review in ${next.words}, key ${g}`;
      return `<button type="button" class="${g === 3 ? '' : 'secondary'}" data-action="grade" data-grade="${g}" aria-keyshortcuts="${g}" aria-label="${label}" title="${label}">${GRADE_LABELS[g]} · ${next.short} <kbd>${g}</kbd></button>`;
    })
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
<section class="answer" aria-labelledby="model-answer"><h2 id="model-answer" tabindex="-1" data-focus>Model answer</h2>${answerHtml}</section>
${notes}`;
}

/** What the end-of-session view shows, its key points already rendered. */
export interface DoneSummary {
  readonly counts: Readonly<Record<Grade, number>>;
  readonly skipped: number;
  readonly durationMs: number;
  /** Per question graded Again or Hard (the worst first), the key points not ticked at its last grade. */
  readonly weakPoints: readonly { readonly questionTitle: string; readonly keyPointsHtml: readonly string[] }[];
  /** How many questions "Review weak ones again" drills. */
  readonly weakCount: number;
  /** The step of the done view, which an undo names. */
  readonly step: number;
  readonly undoLabel?: string;
}

export function doneView(summary: DoneSummary): string {
  const grades = [1, 2, 3, 4] as Grade[];
  const total = grades.reduce((n, g) => n + summary.counts[g], 0);
  const table = `<table class="grade-counts"><caption>Grades this session</caption><tbody>${grades
    .map((g) => `<tr><th scope="row">${GRADE_LABELS[g]}</th><td>${summary.counts[g]}</td></tr>`)
    .join('')}</tbody></table>`;
  const weak = summary.weakPoints.length
    ? `<h2>Weakest key points</h2>${summary.weakPoints
        .map((w) => `<h3 class="weak-question">${escapeHtml(w.questionTitle)}</h3><ul class="weak-points">${w.keyPointsHtml.map((k) => `<li>${k}</li>`).join('')}</ul>`)
        .join('')}`
    : '';
  const again = summary.weakCount
    ? `<button type="button" data-action="drillWeak">Review weak ones again (${summary.weakCount})</button>`
    : '';
  return `<header class="entry-header" data-step="${summary.step}">
<h1 id="entry-title" tabindex="-1" data-focus>Practice complete</h1>
</header>
<p class="summary-line">${total} graded${summary.skipped ? `, ${summary.skipped} skipped` : ''} in ${formatDuration(summary.durationMs)}.</p>
<div class="actions">${again}<button type="button" class="${summary.weakCount ? 'secondary' : ''}" data-action="showProgress">Show progress</button>${undoButton(summary.undoLabel)}</div>
${table}
${weak}`;
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
