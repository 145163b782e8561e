import Fuse, { IFuseOptions } from 'fuse.js';
import type { Catalog } from '../catalog/catalog';
import { GramIndex } from './gramIndex';

export interface SearchDoc {
  readonly id: string;
  readonly kind: 'concept' | 'question';
  readonly title: string;
  readonly aliases: readonly string[];
  /** The concept's one-liner or the question's summary. */
  readonly text: string;
  readonly topicTitle: string;
}

export interface SearchHit {
  readonly doc: SearchDoc;
  /** 0 is a perfect match, 1 no match (fuse.js convention). */
  readonly score: number;
}

// Only short fields are indexed: searching answer bodies makes every query slow and noisy.
const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'aliases', weight: 3 },
    { name: 'text', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.45,
  ignoreFieldNorm: true,
  minMatchCharLength: 2,
};

/** Letters and digits only, lower-cased: "KV cache", "kv-cache" and "KVCache" become equal. */
export const normalizeTerm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** fuse.js ranks at most this many candidates per query, chosen by the trigram index. */
const FUZZY_CANDIDATES = 20;

export class SearchIndex {
  private readonly fuse: Fuse<SearchDoc> | undefined;
  private readonly grams: GramIndex | undefined;
  private readonly exact = new Map<string, SearchDoc[]>();

  constructor(readonly docs: readonly SearchDoc[]) {
    if (docs.length > FUZZY_CANDIDATES) {
      this.grams = new GramIndex(docs.map((d) => [d.title, ...d.aliases, d.text]));
    } else {
      this.fuse = new Fuse(docs, FUSE_OPTIONS);
    }
    for (const doc of docs) {
      for (const term of new Set([doc.title, ...doc.aliases].map(normalizeTerm))) {
        if (term) {
          const list = this.exact.get(term) ?? [];
          list.push(doc);
          this.exact.set(term, list);
        }
      }
    }
  }

  search(query: string, limit = 30): SearchHit[] {
    const q = query.trim();
    if (!q) {
      return this.docs.slice(0, limit).map((doc) => ({ doc, score: 1 }));
    }
    // Exact title or alias matches always lead, whatever fuse.js scores them.
    const exact = this.exactMatches(q);
    const seen = new Set(exact.map((d) => d.id));
    const fuzzy = this.fuzzy(q, limit + exact.length)
      .filter((r) => !seen.has(r.item.id))
      .map((r) => ({ doc: r.item, score: r.score ?? 1 }));
    return [...exact.map((doc) => ({ doc, score: 0 })), ...fuzzy].slice(0, limit);
  }

  /**
   * Entries whose title or an alias equals the term, ignoring case and punctuation. A dotted code
   * symbol also matches by its shorter suffixes: `torch.nn.LayerNorm` finds `nn.LayerNorm`.
   */
  exactMatches(term: string): SearchDoc[] {
    const parts = term.trim().split('.');
    for (let i = 0; i < parts.length; i++) {
      const hit = this.exact.get(normalizeTerm(parts.slice(i).join('.')));
      if (hit) {
        return hit;
      }
    }
    return [];
  }

  /** The single best entry when the term clearly names one, for opening it without a picker. */
  unambiguousMatch(term: string): SearchDoc | undefined {
    const exact = this.exactMatches(term);
    if (exact.length > 0) {
      return exact.length === 1 ? exact[0] : undefined;
    }
    const [first, second] = this.fuzzy(term.trim(), 2);
    if (!first) {
      return undefined;
    }
    const score = first.score ?? 1;
    // A lone close hit, or a near-perfect one well ahead of the runner-up.
    const clear = second ? score <= 0.1 && (second.score ?? 1) - score >= 0.15 : score <= 0.3;
    return clear ? first.item : undefined;
  }

  private fuzzy(query: string, limit: number): { item: SearchDoc; score?: number }[] {
    const fuse = this.fuse ?? new Fuse(this.grams!.candidates(query, FUZZY_CANDIDATES).map((i) => this.docs[i]), FUSE_OPTIONS);
    const whole = fuse.search(query, { limit: limit * 2 });
    const words = query.split(/\s+/).filter((w) => w.length >= 2);
    if (words.length < 2 || (whole[0]?.score ?? 1) <= 0.2) {
      return whole.slice(0, limit);
    }
    // fuse.js matches the query as one string, so "rotary scalng" misses "Rotary embeddings
    // scaling". Without a close whole-query match, also score each word on its own and keep
    // entries that match every word.
    const perWord = words.map((w) => new Map(fuse.search(w).map((r) => [r.item, r.score ?? 1])));
    const best = new Map(whole.map((r) => [r.item, r.score ?? 1]));
    for (const [item, first] of perWord[0]) {
      const scores = [first, ...perWord.slice(1).map((m) => m.get(item))];
      if (scores.every((x) => x !== undefined)) {
        const mean = (scores as number[]).reduce((a, b) => a + b, 0) / scores.length;
        best.set(item, Math.min(best.get(item) ?? 1, mean));
      }
    }
    return [...best]
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([item, score]) => ({ item, score }));
  }
}

export function conceptDocs(catalog: Catalog): SearchDoc[] {
  return catalog.concepts.map((c) => ({
    id: c.id,
    kind: 'concept',
    title: c.title,
    aliases: c.aliases,
    text: c.oneLiner,
    topicTitle: catalog.topic(c.topic)?.shortTitle ?? '',
  }));
}

export function questionDocs(catalog: Catalog): SearchDoc[] {
  return catalog.questions.map((q) => ({
    id: q.id,
    kind: 'question',
    title: q.title,
    aliases: q.tags,
    text: q.summary,
    topicTitle: [catalog.topic(q.topic)?.shortTitle ?? '', q.section].filter((part) => part !== '').join(' · '),
  }));
}
