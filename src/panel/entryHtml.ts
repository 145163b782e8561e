import { escapeHtml } from '../util/html';
import type { Catalog } from '../catalog/catalog';
import type { Concept, Question } from '../catalog/types';
import type { MarkdownRenderer } from './markdownRenderer';
import { NOT_PRACTICED_TITLE, PRACTICED_TITLE } from '../shared/protocol';

export interface EntryViewState {
  readonly practiced: boolean;
  readonly pinned: boolean;
}

const DIFFICULTY_LABEL = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' } as const;

/** Builds the article shown in the answer panel for one question or concept. */
export class EntryHtmlBuilder {
  private readonly bodyCache = new Map<string, string>();

  constructor(
    private readonly catalog: Catalog,
    private readonly markdown: MarkdownRenderer,
  ) {}

  build(id: string, state: EntryViewState): string | undefined {
    const entry = this.catalog.entry(id);
    if (!entry) {
      return undefined;
    }
    return entry.kind === 'question' ? this.question(entry.item, state) : this.concept(entry.item, state);
  }

  private question(q: Question, state: EntryViewState): string {
    const topic = this.catalog.topic(q.topic);
    const { previous, next } = this.catalog.neighbours(q.id);
    const badges = [
      badge(DIFFICULTY_LABEL[q.difficulty], `difficulty difficulty-${q.difficulty}`),
      q.format === 'design' ? badge('Design question', 'format') : q.format === 'quick' ? badge('Quick answer', 'format', 'A fundamentals question with a short answer') : '',
      q.status === 'draft' ? badge('Draft', 'draft', 'This answer is a draft: it is not written in full yet') : '',
      practicedBadge(state.practiced),
    ];
    return [
      header([topic?.title ?? q.topic, q.section, 'Question'], q.title, badges, actions(q.id, state)),
      `<p class="summary">${this.markdown.renderInline(q.summary)}</p>`,
      `<section class="answer" aria-label="Answer">${this.body(q.id, this.catalog.body(q.id))}</section>`,
      listSection('Key points', 'key-points', q.keyPoints.map((k) => this.markdown.renderInline(k))),
      this.linksSection('Prerequisites', q.prerequisites),
      this.linksSection('Concepts', q.concepts),
      this.linksSection('Related questions', q.related),
      listSection('Sources', 'sources', q.sources.map((s) => this.markdown.renderInline(s))),
      prevNext(previous, next),
    ].join('\n');
  }

  private concept(c: Concept, state: EntryViewState): string {
    const topic = this.catalog.topic(c.topic);
    const badges = [
      badge('Concept', 'format'),
      c.status === 'draft' ? badge('Draft', 'draft', 'This explanation is a draft: it is not written in full yet') : '',
    ];
    const aliases = c.aliases.length
      ? `<p class="aliases"><span class="label">Also: </span>${c.aliases.map((a) => `<code>${escapeHtml(a)}</code>`).join(', ')}</p>`
      : '';
    return [
      header([topic?.title ?? c.topic, 'Cheat sheet'], c.title, badges, actions(undefined, state)),
      `<p class="summary one-liner">${this.markdown.renderInline(c.oneLiner)}</p>`,
      aliases,
      `<section class="answer" aria-label="Explanation">${this.body(c.id, this.catalog.body(c.id))}</section>`,
      this.linksSection('Used in questions', this.catalog.questionsUsing(c.id).map((q) => q.id)),
      this.linksSection('Related', c.related),
      listSection('Sources', 'sources', c.sources.map((s) => this.markdown.renderInline(s))),
    ].join('\n');
  }

  private body(id: string, markdown: string): string {
    let html = this.bodyCache.get(id);
    if (html === undefined) {
      html = markdown.trim() ? this.markdown.render(markdown) : '<p class="empty">No text yet.</p>';
      this.bodyCache.set(id, html);
    }
    return html;
  }

  private linksSection(title: string, ids: readonly string[]): string {
    const items = ids.flatMap((id) => {
      const entry = this.catalog.entry(id);
      return entry ? [entryLink(id, entry.item.title)] : [];
    });
    return listSection(title, 'links', items);
  }
}

function header(crumbs: readonly string[], title: string, badges: string[], actionsHtml: string): string {
  const trail = crumbs
    .filter((part) => part !== '')
    .map(escapeHtml)
    .join(' <span aria-hidden="true">›</span> ');
  return `<header class="entry-header">
<p class="breadcrumb">${trail}</p>
<h1 id="entry-title">${escapeHtml(title)}</h1>
<div class="badges">${badges.filter(Boolean).join('')}</div>
${actionsHtml}
</header>`;
}

function actions(questionId: string | undefined, state: EntryViewState): string {
  const toggle = questionId
    ? `<button type="button" class="toggle-practiced" data-action="togglePracticed" data-id="${escapeHtml(questionId)}" aria-pressed="${state.practiced}" title="${
        state.practiced ? PRACTICED_TITLE : NOT_PRACTICED_TITLE
      }">${
        state.practiced ? 'Practiced ✓' : 'Mark as practiced'
      }</button>`
    : '';
  const pin = `<button type="button" class="secondary pin" data-action="pin"${state.pinned ? ' disabled' : ''} title="Keep this panel open; the next answer opens in a new panel">${
    state.pinned ? 'Kept open' : 'Keep open'
  }</button>`;
  return `<div class="actions" role="toolbar" aria-label="Answer actions">${toggle}${pin}</div>`;
}

function badge(text: string, cls: string, title?: string): string {
  return `<span class="badge ${cls}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</span>`;
}

function practicedBadge(practiced: boolean): string {
  return `<span class="badge practiced" data-practiced-badge${practiced ? '' : ' hidden'}>Practiced</span>`;
}

function entryLink(id: string, title: string): string {
  return `<a href="mlprep:${escapeHtml(id)}">${escapeHtml(title)}</a>`;
}

function listSection(title: string, cls: string, itemsHtml: readonly string[]): string {
  if (itemsHtml.length === 0) {
    return '';
  }
  return `<section class="${cls}"><h2>${escapeHtml(title)}</h2><ul>${itemsHtml.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}

function prevNext(previous: Question | undefined, next: Question | undefined): string {
  if (!previous && !next) {
    return '';
  }
  const prev = previous ? `<a class="previous" href="mlprep:${escapeHtml(previous.id)}">← ${escapeHtml(previous.title)}</a>` : '<span></span>';
  const nxt = next ? `<a class="next" href="mlprep:${escapeHtml(next.id)}">${escapeHtml(next.title)} →</a>` : '<span></span>';
  return `<nav class="prev-next" aria-label="Previous and next question in this topic">${prev}${nxt}</nav>`;
}
