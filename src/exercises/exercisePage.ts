// The statement page of one exercise, shown in the answer panel. No vscode import.
import * as l10n from '@vscode/l10n';
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

function difficultyLabel(difficulty: Difficulty): string {
  switch (difficulty) {
    case 'beginner':
      return l10n.t({ message: 'Beginner', comment: ['Difficulty badge'] });
    case 'intermediate':
      return l10n.t({ message: 'Intermediate', comment: ['Difficulty badge'] });
    case 'advanced':
      return l10n.t({ message: 'Advanced', comment: ['Difficulty badge'] });
  }
}

/** The status badge of an exercise: "Not tried", "Failing", "Passing". */
export function statusLabel(status: ExerciseStatus): string {
  switch (status) {
    case 'notTried':
      return l10n.t({ message: 'Not tried', comment: ['Exercise status badge: no run yet'] });
    case 'failing':
      return l10n.t({ message: 'Failing', comment: ['Exercise status badge: the last run had failing tests'] });
    case 'passing':
      return l10n.t({ message: 'Passing', comment: ['Exercise status badge: the last run passed'] });
  }
}

/** The same status inside a sentence or list description: "not tried", "failing", "passing". */
export function statusInline(status: ExerciseStatus): string {
  switch (status) {
    case 'notTried':
      return l10n.t({ message: 'not tried', comment: ['Exercise status in a list description, lower case in English'] });
    case 'failing':
      return l10n.t({ message: 'failing', comment: ['Exercise status in a list description, lower case in English'] });
    case 'passing':
      return l10n.t({ message: 'passing', comment: ['Exercise status in a list description, lower case in English'] });
  }
}

export function exercisePageHtml(
  exercise: Exercise,
  state: ExercisePageState,
  markdown: Markdown,
  lookup: { topicTitle(id: string): string | undefined; entryTitle(id: string): string | undefined },
): string {
  const crumbs = [lookup.topicTitle(exercise.topic) ?? exercise.topic, l10n.t({ message: 'ML Coding', comment: ['Breadcrumb of an exercise page'] })].map(escapeHtml).join(' <span aria-hidden="true">›</span> ');
  const status = statusLabel(state.status);
  const statusText = state.last
    ? l10n.t({ message: '{0} ({1}/{2} tests)', args: [status, state.last.passed, state.last.total], comment: ['Status badge with the last run: "Failing (3/5 tests)"'] })
    : status;
  const badges = [
    badge(difficultyLabel(exercise.difficulty), `difficulty difficulty-${exercise.difficulty}`), // l10n-ignore: CSS class names
    badge(l10n.t('Coding exercise'), 'format', l10n.t('Implement it in your own Python; hidden tests check it')),
    badge(statusText, `exercise-status status-${state.status}`), // l10n-ignore: CSS class names
    state.practiced ? badge(l10n.t({ message: 'Practiced', comment: ['Badge: the exercise counts as practiced'] }), 'practiced') : '',
  ].join('');
  const id = escapeHtml(exercise.id);
  const button = (action: ExerciseAction, text: string, title: string, secondary = false) =>
    `<button type="button"${secondary ? ' class="secondary"' : ''} data-action="exercise" data-exercise-action="${action}" data-id="${id}" title="${escapeHtml(title)}">${escapeHtml(text)}</button>`;
  const actions = [
    button(
      'start',
      state.started ? l10n.t('Open my attempt') : l10n.t('Start exercise'),
      state.started ? l10n.t('Open your file for this exercise') : l10n.t('Copy the starter file into your exercises folder and open it'),
    ),
    button('run', l10n.t('Run tests'), l10n.t('Run the hidden tests against your file, in the Testing view'), !state.started),
    button('reveal', l10n.t('Reveal solution'), l10n.t('Open the reference solution read-only beside your attempt'), true),
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
<div class="actions" role="toolbar" aria-label="${escapeHtml(l10n.t('Exercise actions'))}">${actions}</div>
</header>`,
    `<p class="summary">${markdown.renderInline(exercise.summary)}</p>`,
    `<section class="answer exercise-statement" aria-label="${escapeHtml(l10n.t({ message: 'Statement', comment: ['Section of an exercise page: the problem statement'] }))}">${markdown.render(exercise.statement)}</section>`,
    list(l10n.t({ message: 'Tests', comment: ['Heading: the hidden tests of an exercise'] }), 'tests', exercise.testCases.map((t) => escapeHtml(t.label))),
    list(l10n.t('What a grader looks for'), 'key-points', exercise.keyPoints.map((k) => markdown.renderInline(k))),
    list(l10n.t({ message: 'Practices', comment: ['Heading: the concepts and questions this exercise practices'] }), 'links', links),
    list(l10n.t({ message: 'Sources', comment: ['Heading: references'] }), 'sources', exercise.sources.map((s) => markdown.renderInline(s))),
  ].join('\n');
}

function badge(text: string, cls: string, title?: string): string {
  return `<span class="badge ${cls}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</span>`;
}

function list(title: string, cls: string, items: readonly string[]): string {
  return items.length === 0 ? '' : `<section class="${cls}"><h2>${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}
