// Export to Anki: a tab-separated text file with Anki's file headers, which Anki's own importer
// (File > Import, Anki 2.1.55 or newer) reads without add-ons. No vscode import.
import * as l10n from '@vscode/l10n';
import type { Catalog } from '../catalog/catalog';
import type { Concept, Question } from '../catalog/types';
import { escapeHtml } from '../util/html';

export type AnkiScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'topic'; readonly id: string }
  | { readonly kind: 'path'; readonly id: string }
  | { readonly kind: 'ids'; readonly ids: readonly string[]; readonly label: string };

export interface AnkiOptions {
  /** Markdown to safe HTML (the panel's renderer: raw HTML off, math as MathML). */
  readonly renderInline: (markdown: string) => string;
  readonly render: (markdown: string) => string;
  /** A link that opens the entry in VS Code (the extension's URI handler). */
  readonly linkFor: (id: string) => string;
  readonly deck?: string;
}

/** The note's stable guid: the same entry always updates the same Anki note. */
export const ankiGuid = (id: string): string => `mlprep-${id}`;

/** The entries a scope exports: questions (and, for "all", concepts), in catalog order. */
export function entriesFor(catalog: Catalog, scope: AnkiScope): (Question | Concept)[] {
  switch (scope.kind) {
    case 'all':
      return [...catalog.questions, ...catalog.concepts];
    case 'topic':
      return [...catalog.questionsOf(scope.id), ...catalog.concepts.filter((c) => c.topic === scope.id)];
    case 'path': {
      const path = catalog.paths.find((p) => p.id === scope.id);
      return path ? catalog.pathQuestionIds(path).flatMap((id) => catalog.question(id) ?? []) : [];
    }
    case 'ids':
      return scope.ids.flatMap((id) => catalog.entry(id)?.item ?? []);
  }
}

const tag = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** One field: quoted, inner quotes doubled, no raw tab or line break (Anki's CSV rules). */
function field(html: string): string {
  return `"${html.replace(/[\t\r\n]+/g, ' ').replace(/"/g, '""')}"`;
}

export function ankiExport(catalog: Catalog, scope: AnkiScope, options: AnkiOptions): string {
  const lines = [
    '#separator:tab', // l10n-ignore: Anki file header
    '#html:true', // l10n-ignore: Anki file header
    '#notetype:Basic', // l10n-ignore: Anki file header (Basic is Anki's built-in note type)
    `#deck:${(options.deck ?? l10n.t({ message: 'ML Interview Prep', comment: ['The name of the Anki deck the export creates'] })).replace(/[\r\n]/g, ' ')}`,
    '#guid column:1', // l10n-ignore: Anki file header
    '#tags column:4', // l10n-ignore: Anki file header
  ];
  for (const entry of entriesFor(catalog, scope)) {
    const isQuestion = 'keyPoints' in entry;
    const front = escapeHtml(entry.title);
    const body = catalog.body(entry.id);
    const short = isQuestion ? shortAnswer(body) || entry.summary : entry.oneLiner;
    const parts = [
      isQuestion ? options.render(short) : `<p>${options.renderInline(short)}</p>`,
      isQuestion && entry.keyPoints.length > 0 ? `<ul>${entry.keyPoints.map((k) => `<li>${options.renderInline(k)}</li>`).join('')}</ul>` : '',
      `<p><a href="${escapeHtml(options.linkFor(entry.id))}">${escapeHtml(l10n.t({ message: 'Open in VS Code', comment: ['Link on the back of an Anki card'] }))}</a></p>`,
    ];
    const tags = [`topic::${tag(entry.topic)}`];
    if (isQuestion) {
      if (entry.section) {
        tags.push(`section::${tag(entry.section)}`);
      }
      tags.push(`difficulty::${entry.difficulty}`);
    } else {
      tags.push('concept');
    }
    lines.push([field(ankiGuid(entry.id)), field(front), field(parts.join('')), field(tags.join(' '))].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** The text of a question's "## Short answer" section, as Markdown. */
function shortAnswer(body: string): string {
  const m = /^## +Short answer\s*\n([\s\S]*?)(?=^## |$(?![\s\S]))/m.exec(body);
  return (m?.[1] ?? '').trim();
}
