// Full-text search over the catalog: MiniSearch (BM25 with prefix and fuzzy matching, field
// boosts) over entry documents and answer sections. No vscode import.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { Catalog } from '../catalog/catalog';
import { type EntryKind, type SearchDocument, type Section, searchDocuments, sectionsOf } from './searchDocs';
import stem from 'wink-porter2-stemmer';
import { STOP_WORDS } from './stopWords';
import { POSTINGS_CAP, prunePostings } from './prunePostings';

export interface SearchHit {
  readonly id: string;
  readonly kind: EntryKind;
  readonly title: string;
  /** Topic, and section for questions: "Classic ML · Models". */
  readonly place: string;
  /** Where the best match is: '' for the entry itself, else the anchor of an answer section. */
  readonly anchor: string;
  /** The heading of that section, when the match is in the body. */
  readonly heading: string;
  /** The matched words in context, or the entry's summary. */
  readonly snippet: string;
  readonly score: number;
}

/** Title and aliases first, then tags and key points, then headings, then body text. */
const HEAD_BOOST = { title: 8, aliases: 8, tags: 3 };
const SECTION_BOOST = { keyPoints: 3, summary: 2, heading: 2, body: 1 };
/** A section's score counts for this much against an entry's head (they are scored in separate indexes). */
const SECTION_WEIGHT = 0.5;

/**
 * A word as indexed and searched: lower-cased, and also its Porter2 stem, so "serving" meets
 * "serves" while a typo still meets the unstemmed word. Stop words are dropped.
 */
export function processTerm(term: string): string | string[] | null {
  const t = term.toLowerCase();
  if ((t.length < 2 && !/\d/.test(t)) || STOP_WORDS.has(t)) {
    return null;
  }
  let stemmed = /^[a-z]+$/.test(t) ? stem(t) : t;
  // Plural acronyms ("LLMs", "GPUs") keep their s under Porter2.
  if (stemmed === t && /^[^aeiouy]{2,}s$/.test(t)) {
    stemmed = t.slice(0, -1);
  }
  return stemmed !== t ? [t, stemmed] : t;
}

export function stemOnly(term: string): string | null {
  const p = processTerm(term);
  return Array.isArray(p) ? p[1] : p;
}

/** Adjacent swaps of a word ("cahce" -> "cache"), the most common typo, which edit distance counts twice. */
export function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) {
      out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
  }
  return out;
}

/** Words, with `.`, `_`, `-` and `/` as separators too, so `nn.LayerNorm` and `top_p` meet "layernorm" and "top p". */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

// Two indexes: the short fields of each entry, searched with typo tolerance; and the sections of
// the answers, searched for the words as typed (fuzzy search over every body word is slow and noisy).
export const HEAD_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: Object.keys(HEAD_BOOST),
  storeFields: ['entryId', 'kind'],
  tokenize,
  processTerm,
};
export const SECTION_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: Object.keys(SECTION_BOOST),
  storeFields: ['entryId', 'kind', 'anchor', 'heading'],
  tokenize,
  // Bodies are matched as typed, so only the stem is kept: half the terms, and the same matches.
  processTerm: stemOnly,
};

/** Both indexes as plain objects: what the build writes to dist/search-index.json. */
export interface SerializedIndex {
  readonly version: 1;
  readonly heads: AsPlainObject;
  readonly sections: AsPlainObject;
}

function fuzziness(term: string): number | boolean {
  // Edit distance in titles and aliases: none for short words (where one edit is another word), 1 from 5
  // letters, 2 from 8; long symbols ("multiheadattention") get 1, as distance 2 there costs the most.
  return term.length >= 8 && term.length <= 12 ? 2 : term.length >= 5 ? 1 : false;
}

/** How much each further matching section of an entry adds to its best document's score. */
const SECTION_SHARE = 0.15;
/** Results per index that are ranked further. */
const CANDIDATES = 300;
/** Exact title or alias matches always lead. */
const EXACT_BONUS = 1e6;

const isHead = (d: SearchDocument) => d.id === d.entryId;
const EMPTY_SECTIONS = new MiniSearch<SearchDocument>(SECTION_OPTIONS);

const processFirst = (term: string): string => {
  const p = processTerm(term);
  return Array.isArray(p) ? p[0] : (p ?? term);
};

interface Aggregate {
  score: number;
  best: SearchResult;
  terms: Set<string>;
  /** Per query word: 1 when matched as typed or stemmed, 0.5 when only loosely. */
  quality: Map<number, number>;
  /** Query words the entry's own fields match, and the answer section that matches the most. */
  headWords: number;
  section?: { result: SearchResult; words: number };
}

/** Queries whose words, after stop words, are fewer than this match nothing. */
export class SearchEngine {
  private readonly heads: MiniSearch<SearchDocument>;
  private sections: MiniSearch<SearchDocument> | undefined;
  private readonly exact = new Map<string, string[]>();
  /** Every term the entries' index holds: a word found there as typed needs no typo search. */
  private readonly vocabulary = new Set<string>();

  /**
   * `shipped`, when given, is the build's index of the shipped entries (loaded, not rebuilt);
   * entries of `catalog` that it does not hold (user content) are added. Without it everything is
   * built here. `sections` may come later (see attachSections): until then only entries are searched.
   */
  constructor(
    private readonly catalog: Catalog,
    shipped?: { readonly heads: AsPlainObject; readonly sections?: AsPlainObject },
  ) {
    const docs = (known?: ReadonlySet<string>) => searchDocuments(catalog, (id) => !known?.has(id));
    if (shipped) {
      this.heads = MiniSearch.loadJS<SearchDocument>(shipped.heads, HEAD_OPTIONS);
      const known = new Set<string>();
      this.heads.search(MiniSearch.wildcard).forEach((r) => known.add(r.entryId as string));
      const extra = docs(known);
      this.heads.addAll(extra.filter(isHead));
      shipped.heads.index.forEach(([term]) => this.vocabulary.add(term));
      this.addVocabulary(extra.filter(isHead));
      if (shipped.sections) {
        this.sections = MiniSearch.loadJS<SearchDocument>(shipped.sections, SECTION_OPTIONS);
        this.sections.addAll(extra.filter((d) => !isHead(d)));
      }
      this.pendingSections = extra.filter((d) => !isHead(d));
    } else {
      const all = docs();
      this.heads = new MiniSearch<SearchDocument>(HEAD_OPTIONS);
      this.heads.addAll(all.filter(isHead));
      this.addVocabulary(all.filter(isHead));
      const sections = new MiniSearch<SearchDocument>(SECTION_OPTIONS);
      sections.addAll(all.filter((d) => !isHead(d)));
      this.sections = MiniSearch.loadJS<SearchDocument>(prunePostings(sections.toJSON(), POSTINGS_CAP, SECTION_BOOST), SECTION_OPTIONS);
    }
    const add = (term: string, id: string) => {
      const key = normalizeTerm(term);
      if (key) {
        const list = this.exact.get(key) ?? [];
        if (!list.includes(id)) {
          list.push(id);
        }
        this.exact.set(key, list);
      }
    };
    catalog.concepts.forEach((c) => [c.title, ...c.aliases].forEach((t) => add(t, c.id)));
    catalog.questions.forEach((q) => add(q.title, q.id));
  }

  private addVocabulary(docs: readonly SearchDocument[]): void {
    for (const d of docs) {
      for (const field of Object.keys(HEAD_BOOST) as (keyof typeof HEAD_BOOST)[]) {
        for (const word of tokenize(d[field] ?? '')) {
          const p = processTerm(word);
          (Array.isArray(p) ? p : p ? [p] : []).forEach((t) => this.vocabulary.add(t));
        }
      }
    }
  }

  private pendingSections: SearchDocument[] = [];
  /** Parsed answer sections per entry, for snippets: parsed once, not on every keystroke. */
  private readonly sectionCache = new Map<string, Section[]>();

  private sectionsOfEntry(id: string): Section[] {
    let list = this.sectionCache.get(id);
    if (!list) {
      list = sectionsOf(this.catalog.body(id));
      this.sectionCache.set(id, list);
    }
    return list;
  }

  /** Whether answer sections are searched yet. */
  get hasSections(): boolean {
    return this.sections !== undefined;
  }

  /** Adds the build's (pruned) section index when it has loaded, with the sections of user entries. */
  attachSections(sections: MiniSearch<SearchDocument>): void {
    sections.addAll(this.pendingSections);
    this.pendingSections = [];
    this.sections = sections;
  }

  /** The indexes as plain objects, for the build to write. */
  serialize(): SerializedIndex {
    return { version: 1, heads: this.heads.toJSON(), sections: (this.sections ?? new MiniSearch(SECTION_OPTIONS)).toJSON() };
  }

  /** Ranked entries for the query; `kinds` narrows the scope (the cheat sheet: concepts). */
  search(query: string, limit = 30, kinds: readonly EntryKind[] = ['concept', 'question']): SearchHit[] {
    const q = query.trim().slice(0, 200);
    // Each query word and the terms it stands for (itself, its stem, its transpositions).
    const words: string[] = [];
    const wordOf = new Map<string, number>();
    const variants: string[] = [];
    for (const raw of tokenize(q)) {
      const processed = processTerm(raw);
      const terms = processed === null ? [] : Array.isArray(processed) ? processed : [processed];
      if (terms.length === 0 || words.includes(terms[0])) {
        continue;
      }
      const index = words.push(terms[0]) - 1;
      terms.forEach((t) => wordOf.set(t, index));
      if (terms[0].length >= 4 && /^\p{L}+$/u.test(terms[0]) && !terms.some((t) => this.vocabulary.has(t))) {
        for (const v of transpositions(terms[0])) {
          if (!wordOf.has(v)) {
            wordOf.set(v, index);
            variants.push(v);
          }
        }
      }
    }
    if (words.length === 0) {
      return [];
    }
    const exactIds = this.exactMatches(q);
    const typed = words.join(' ');
    const headResults = this.heads.search(
      {
        combineWith: 'OR',
        queries: [
          {
            queries: [typed],
            boost: HEAD_BOOST,
            prefix: (term: string, i: number, terms: string[]) => term.length >= 3 && (i === terms.length - 1 || term.length >= 6),
            // A word the index knows is not a typo: searching its neighbors would only cost time and add noise.
            fuzzy: (term: string) => (this.vocabulary.has(term) ? false : fuzziness(term)),
            weights: { fuzzy: 0.5, prefix: 0.6 },
          },
          // Swapped letters: exact only, and worth less than the word as typed.
          ...(variants.length > 0 ? [{ queries: [variants.join(' ')], boost: HEAD_BOOST, boostTerm: () => 0.7 }] : []),
        ],
      },
      {},
    );
    const sectionWords = words.map((w) => stemOnly(w) ?? w);
    const sectionResults = (this.sections ?? EMPTY_SECTIONS).search(sectionWords.join(' '), {
      boost: SECTION_BOOST,
      prefix: (term: string, i: number, terms: string[]) => term.length >= 4 && i === terms.length - 1,
      weights: { fuzzy: 0, prefix: 0.5 },
      combineWith: 'OR',
    });
    // Both lists come sorted by score; what lies past the first few hundred never reaches the screen.
    const results: SearchResult[] = [
      ...headResults.slice(0, CANDIDATES),
      ...sectionResults.slice(0, CANDIDATES).map((r): SearchResult => ({ ...r, score: r.score * SECTION_WEIGHT, inBody: true })),
    ].sort(
      (a, b) => b.score - a.score,
    );
    // Which query words each result matched, and how: as typed (or stemmed) counts fully, a
    // typo, prefix or swapped-letter match counts half.
    const exactTerms = new Map<string, number>();
    words.forEach((w, i) => {
      const p = processTerm(w);
      (Array.isArray(p) ? p : [p ?? w]).forEach((t) => exactTerms.set(t, i));
    });
    const byEntry = new Map<string, Aggregate>();
    for (const r of results) {
      const entryId = r.entryId as string;
      const agg = byEntry.get(entryId) ?? { score: 0, best: r, terms: new Set<string>(), quality: new Map<number, number>(), headWords: 0 };
      if (!byEntry.has(entryId)) {
        agg.score = r.score;
        byEntry.set(entryId, agg);
      } else {
        // Other sections that match add a little: an answer that discusses the term throughout ranks higher.
        agg.score += r.score * SECTION_SHARE;
      }
      for (const docTerm of r.terms) {
        const exactWord = exactTerms.get(docTerm);
        if (exactWord !== undefined) {
          agg.quality.set(exactWord, 1);
          agg.terms.add(String(exactWord));
        }
      }
      const matchedWords = new Set(r.queryTerms.map((t) => wordOf.get(t) ?? wordOf.get(processFirst(t)))).size;
      if (r.inBody === true) {
        if (!agg.section || matchedWords > agg.section.words) {
          agg.section = { result: r, words: matchedWords };
        }
      } else {
        agg.headWords = Math.max(agg.headWords, matchedWords);
      }
      // A loose match in a title or alias is likelier a typo than one deep in an answer.
      const loose = r.inBody === true ? 0.5 : 0.75;
      for (const queryTerm of r.queryTerms) {
        const i = wordOf.get(queryTerm) ?? wordOf.get(processFirst(queryTerm));
        if (i !== undefined) {
          agg.terms.add(String(i));
          agg.quality.set(i, Math.max(agg.quality.get(i) ?? 0, loose));
        }
      }
    }
    // Honest results: an entry must match every word of a two-word query and most of a longer
    // one, loose matches counting less; its score scales with how much of the query it covers.
    const n = words.length;
    const ranked = [...byEntry]
      .map(([id, a]) => {
        const covered = [...a.quality.values()].reduce((x, y) => x + y, 0);
        const exact = exactIds.includes(id);
        const exactWords = [...a.quality.values()].filter((q) => q === 1).length;
        // Two typos are fine in a title ("knowlege distilation"); in a longer query, half the words must be as typed.
        const enough =
          n === 1 ? covered >= 0.5 : n === 2 ? a.terms.size === 2 && (exactWords >= 1 || covered >= 1.5) : covered >= 0.75 * n && exactWords >= Math.ceil(n / 2);
        return { id, a, keep: exact || enough, score: a.score * (covered / n) ** 2 + (exact ? EXACT_BONUS : 0) };
      })
      .filter((x) => x.keep && kinds.includes(x.a.best.kind as EntryKind))
      .sort((x, y) => y.score - x.score)
      .slice(0, limit);
    return ranked.map(({ id, a, score }) => this.hit(id, a, words, score));
  }

  /**
   * Entries whose title or an alias equals the term, ignoring case and punctuation. A dotted code
   * symbol also matches by its shorter suffixes: `torch.nn.LayerNorm` finds `nn.LayerNorm`.
   */
  exactMatches(term: string): string[] {
    const parts = term.trim().split('.');
    for (let i = 0; i < parts.length; i++) {
      const hit = this.exact.get(normalizeTerm(parts.slice(i).join('.')));
      if (hit) {
        return hit;
      }
    }
    return [];
  }

  /** The single entry of those kinds that the term clearly names, for opening it without a picker. */
  unambiguousMatch(term: string, kinds: readonly EntryKind[] = ['concept', 'question']): string | undefined {
    const exact = this.exactMatches(term).filter((id) => kinds.includes(this.catalog.concept(id) ? 'concept' : 'question'));
    if (exact.length > 0) {
      return exact.length === 1 ? exact[0] : undefined;
    }
    const [first, second] = this.search(term, 2, kinds);
    if (!first) {
      return undefined;
    }
    return !second || first.score >= second.score * 2 ? first.id : undefined;
  }

  private hit(id: string, agg: Aggregate, words: readonly string[], score: number): SearchHit {
    // Point at the answer section when it holds more of the query than the entry's own fields.
    const a = agg.section && agg.section.words > agg.headWords ? { ...agg, best: agg.section.result } : agg;
    const entry = this.catalog.entry(id);
    const title = entry?.item.title ?? id;
    const kind = (a.best.kind as EntryKind | undefined) ?? 'question';
    const topic = entry ? this.catalog.topic(entry.item.topic) : undefined;
    const section = entry?.kind === 'question' ? entry.item.section : '';
    const place = [topic?.shortTitle ?? '', section].filter((p) => p !== '').join(' · ');
    const anchor = (a.best.anchor as string | undefined) ?? '';
    const summary = entry?.kind === 'question' ? entry.item.summary : entry?.kind === 'concept' ? entry.item.oneLiner : '';
    let snippet = summary;
    let heading = '';
    if (anchor !== '' || a.best.id !== id) {
      const s = this.sectionsOfEntry(id).find((x) => x.anchor === anchor);
      heading = (a.best.heading as string | undefined) ?? s?.heading ?? '';
      snippet = s ? snippetOf(s.text, [...a.best.terms, ...words]) : summary;
    }
    return { id, kind, title, place, anchor: a.best.id === id ? '' : anchor, heading, snippet, score };
  }
}

/** Letters and digits only, lower-cased: "KV cache", "kv-cache" and "KVCache" become equal. */
export const normalizeTerm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** About 120 characters around the first matched word, cut at word boundaries. */
export function snippetOf(text: string, terms: readonly string[], width = 120): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.search(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(t.toLowerCase())}`, 'u'));
    if (i !== -1 && (at === -1 || i < at)) {
      at = i;
    }
  }
  if (at === -1) {
    return text.length > width ? `${text.slice(0, width).replace(/\s+\S*$/, '')}…` : text;
  }
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const head = start > 0 ? `…${text.slice(start, end).replace(/^\S*\s+/, '')}` : text.slice(0, end);
  return end < text.length ? `${head.replace(/\s+\S*$/, '')}…` : head;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
