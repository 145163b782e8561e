// The statement page of one exercise, shown in the answer panel. No vscode import.
import type { Difficulty } from '../catalog/types';
import type { ExerciseAction } from '../shared/protocol';
import { escapeHtml } from '../util/html';
import type { Exercise } from './exerciseTypes';
import type { ExerciseResultRecord, ExerciseStatus } from './exerciseStatus';

/** The part of MarkdownRenderer a page needs. */
export interface Markdown {
  render(markdown: string): string;
  renderInline(markdown: string): string;
}

export interface ExercisePageState {
  readonly status: ExerciseStatus;
  readonly last?: ExerciseResultRecord;
  /** Whether `<folder>/<id>.py` exists: Start then says it opens the attempt. */
  readonly started: boolean;
  readonly practiced: boolean;
}

/** The answer panel shows exercises under ids with this prefix, so they never collide with catalog ids. */
export const EXERCISE_PAGE_PREFIX = 'exercise:';

const DIFFICULTY_LABEL: Record<Difficulty, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

export const STATUS_LABEL: Record<ExerciseStatus, string> = { notTried: 'Not tried', failing: 'Failing', passing: 'Passing' };

export function exercisePageHtml(
  exercise: Exercise,
  state: ExercisePageState,
  markdown: Markdown,
  lookup: { topicTitle(id: string): string | undefined; entryTitle(id: string): string | undefined },
): string {
  const crumbs = [lookup.topicTitle(exercise.topic) ?? exercise.topic, 'ML Coding'].map(escapeHtml).join(' <span aria-hidden="true">›</span> ');
  const last = state.last ? ` (${state.last.passed}/${state.last.total} tests)` : '';
  const badges = [
    badge(DIFFICULTY_LABEL[exercise.difficulty], `difficulty difficulty-${exercise.difficulty}`),
    badge('Coding exercise', 'format', 'Implement it in your own Python; hidden tests check it'),
    badge(`${STATUS_LABEL[state.status]}${last}`, `exercise-status status-${state.status}`),
    state.practiced ? badge('Practiced', 'practiced') : '',
  ].join('');
  const id = escapeHtml(exercise.id);
  const button = (action: ExerciseAction, text: string, title: string, secondary = false) =>
    `<button type="button"${secondary ? ' class="secondary"' : ''} data-action="exercise" data-exercise-action="${action}" data-id="${id}" title="${escapeHtml(title)}">${escapeHtml(text)}</button>`;
  const actions = [
    button(
      'start',
      state.started ? 'Open my attempt' : 'Start exercise',
      state.started ? 'Open your file for this exercise' : 'Copy the starter file into your exercises folder and open it',
    ),
    button('run', 'Run tests', 'Run the hidden tests against your file, in the Testing view', !state.started),
    button('reveal', 'Reveal solution', 'Open the reference solution read-only beside your attempt', true),
  ].join('');
  const links = [...exercise.concepts, ...exercise.questions].flatMap((ref) => {
    const title = lookup.entryTitle(ref);
    return title ? [`<a href="mlprep:${escapeHtml(ref)}">${escapeHtml(title)}</a>`] : [];
  });
  return [
    `<header class="entry-header">
<p class="breadcrumb">${crumbs}</p>
<h1 id="entry-title">${escapeHtml(exercise.title)}</h1>
<div class="badges">${badges}</div>
<div class="actions" role="toolbar" aria-label="Exercise actions">${actions}</div>
</header>`,
    `<p class="summary">${markdown.renderInline(exercise.summary)}</p>`,
    `<section class="answer exercise-statement" aria-label="Statement">${markdown.render(exercise.statement)}</section>`,
    list('Tests', 'tests', exercise.testCases.map((t) => escapeHtml(t.label))),
    list('What a grader looks for', 'key-points', exercise.keyPoints.map((k) => markdown.renderInline(k))),
    list('Practices', 'links', links),
    list('Sources', 'sources', exercise.sources.map((s) => markdown.renderInline(s))),
  ].join('\n');
}

function badge(text: string, cls: string, title?: string): string {
  return `<span class="badge ${cls}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</span>`;
}

function list(title: string, cls: string, items: readonly string[]): string {
  return items.length === 0 ? '' : `<section class="${cls}"><h2>${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}
