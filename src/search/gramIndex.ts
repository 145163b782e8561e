/**
 * A trigram index that picks the few documents worth handing to fuse.js. fuse.js scores every
 * document on every keystroke, which costs about a second per query at 10,000 entries; the
 * candidates it gets from here keep that under a frame while fuse.js still does the ranking.
 */
export class GramIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly idf = new Map<string, number>();
  private readonly scores: Float64Array;

  constructor(documents: readonly (readonly string[])[]) {
    const lists = new Map<string, number[]>();
    documents.forEach((fields, doc) => {
      const grams = new Set<string>();
      for (const field of fields) {
        for (const word of words(field)) {
          wordGrams(word, true).forEach((g) => grams.add(g));
        }
      }
      for (const g of grams) {
        const list = lists.get(g);
        if (list) {
          list.push(doc);
        } else {
          lists.set(g, [doc]);
        }
      }
    });
    for (const [g, list] of lists) {
      this.postings.set(g, Int32Array.from(list));
      this.idf.set(g, Math.log(1 + documents.length / list.length));
    }
    this.scores = new Float64Array(documents.length);
  }

  /** Indexes of the `limit` documents sharing the most (rarity-weighted) trigrams with the query. */
  candidates(query: string, limit: number): number[] {
    const queryWords = words(query);
    const grams = new Set<string>();
    // The last word may be half typed, so it gets no end-of-word trigram.
    queryWords.forEach((w, i) => wordGrams(w, i < queryWords.length - 1).forEach((g) => grams.add(g)));
    const touched: number[] = [];
    for (const g of grams) {
      const list = this.postings.get(g);
      if (!list) {
        continue;
      }
      const weight = this.idf.get(g) ?? 0;
      for (let i = 0; i < list.length; i++) {
        const doc = list[i];
        if (this.scores[doc] === 0) {
          touched.push(doc);
        }
        this.scores[doc] += weight;
      }
    }
    const ranked = touched.sort((a, b) => this.scores[b] - this.scores[a] || a - b).slice(0, limit);
    for (const doc of touched) {
      this.scores[doc] = 0;
    }
    return ranked;
  }
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Trigrams of " word ", plus the word-start bigram so one-letter queries find something. */
function wordGrams(word: string, complete: boolean): string[] {
  const padded = ` ${word}${complete ? ' ' : ''}`;
  const grams = [padded.slice(0, 2)];
  for (let i = 0; i + 3 <= padded.length; i++) {
    grams.push(padded.slice(i, i + 3));
  }
  return grams;
}
