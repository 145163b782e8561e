// What the search engine indexes: one document per entry (title, aliases, tags, key points,
// summary) and one per section of its answer (heading and text), so a word that lives only in a
// body finds the paragraph that discusses it.
import type { Catalog } from '../catalog/catalog';
import { slugify } from '../util/slug';

export type EntryKind = 'concept' | 'question';

export interface SearchDocument {
  /** Unique: the entry id, or `entryId#anchor` for a section. */
  readonly id: string;
  readonly entryId: string;
  readonly kind: EntryKind;
  readonly title?: string;
  readonly aliases?: string;
  readonly tags?: string;
  readonly keyPoints?: string;
  readonly summary?: string;
  readonly heading?: string;
  readonly body?: string;
  /** The section's anchor in the rendered answer; '' for the entry document. */
  readonly anchor: string;
}

export interface Section {
  readonly heading: string;
  readonly anchor: string;
  readonly text: string;
}

const HEADING = /^(#{2,3}) +(.+?)\s*#*\s*$/;

/** A body's `##` and `###` sections, fenced code kept as text (code words are searched too). */
export function sectionsOf(body: string): Section[] {
  const sections: Section[] = [];
  const anchors = new AnchorMaker();
  let heading = '';
  let anchor = '';
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = plainText(lines.join('\n'));
    if (text) {
      sections.push({ heading, anchor, text });
    }
  };
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
    }
    const m = !inFence && HEADING.exec(line);
    if (m) {
      flush();
      heading = m[2].replace(/[`*_]/g, '');
      anchor = anchors.next(m[2]);
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** Unique anchors for the `##`/`###` headings of one body, in order: the renderer uses the same. */
export class AnchorMaker {
  private readonly seen = new Map<string, number>();

  next(rawHeading: string): string {
    const base = slugify(rawHeading);
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n > 0 ? `${base}-${n}` : base;
  }
}

/** Markdown to searchable words: link targets, emphasis marks and table bars go; words stay. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*_`#>|[\]]/g, ' ')
    .replace(/\$+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The documents of the catalog's entries; `include` narrows them (e.g. to entries an index lacks). */
export function searchDocuments(catalog: Catalog, include: (id: string) => boolean = () => true): SearchDocument[] {
  const docs: SearchDocument[] = [];
  // The entry's name (title, aliases, tags) is searched with typo tolerance; its key points and
  // summary go with the answer's sections, searched as typed.
  const add = (entryId: string, kind: EntryKind, name: { title: string; aliases?: string; tags: string }, points: { keyPoints?: string; summary: string }, body: string) => {
    docs.push({ id: entryId, entryId, kind, anchor: '', ...name });
    docs.push({ id: `${entryId}#`, entryId, kind, anchor: '', ...points });
    for (const s of sectionsOf(body)) {
      docs.push({ id: `${entryId}#${s.anchor || 'top'}`, entryId, kind, heading: s.heading, body: s.text, anchor: s.anchor });
    }
  };
  for (const c of catalog.concepts.filter((x) => include(x.id))) {
    add(c.id, 'concept', { title: c.title, aliases: c.aliases.join(' ; '), tags: c.tags.join(' ') }, { summary: c.oneLiner }, catalog.body(c.id));
  }
  for (const q of catalog.questions.filter((x) => include(x.id))) {
    add(q.id, 'question', { title: q.title, tags: q.tags.join(' ') }, { keyPoints: q.keyPoints.join(' ; '), summary: q.summary }, catalog.body(q.id));
  }
  return docs;
}
