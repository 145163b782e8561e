// Static index pruning (Carmel et al., SIGIR 2001): a term keeps only the documents where it
// weighs the most. MiniSearch scores every document of a term's posting list on each search, so
// a word found in thousands of answer sections would cost most of a keystroke, while only the
// best few hundred results per index are ranked further anyway.
import type { AsPlainObject } from 'minisearch';

/** Documents kept per term: above any count the shipped catalog reaches for a useful word. */
export const POSTINGS_CAP = 600;

// BM25's usual constants (MiniSearch's defaults), for choosing which documents a term keeps.
const K = 1.2;
const B = 0.7;

/**
 * The index with each term's postings cut to the `cap` documents where its BM25 term weight,
 * summed over fields with the given boosts, is highest. A pruned term's document frequency
 * becomes `cap`, so its IDF rises, but never above that of a term in fewer documents: the order of
 * terms by rarity is kept. O(postings) plus a sort of each pruned list.
 */
export function prunePostings(plain: AsPlainObject, cap: number, boosts: Readonly<Record<string, number>>): AsPlainObject {
  const boostOf = new Map<string, number>();
  for (const [field, id] of Object.entries(plain.fieldIds)) {
    boostOf.set(String(id), boosts[field] ?? 1);
  }
  const index: AsPlainObject['index'] = [];
  for (const [term, fields] of plain.index) {
    const weight = new Map<string, number>();
    for (const [fieldId, postings] of Object.entries(fields)) {
      const boost = boostOf.get(fieldId) ?? 1;
      const average = plain.averageFieldLength[Number(fieldId)] || 1;
      for (const [doc, tf] of Object.entries(postings)) {
        const length = plain.fieldLength[doc]?.[Number(fieldId)] ?? average;
        const w = (boost * tf * (K + 1)) / (tf + K * (1 - B + (B * length) / average));
        weight.set(doc, (weight.get(doc) ?? 0) + w);
      }
    }
    if (weight.size <= cap) {
      index.push([term, fields]);
      continue;
    }
    const kept = new Set([...weight].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0])).slice(0, cap).map(([doc]) => doc));
    const prunedFields: Record<string, Record<string, number>> = {};
    for (const [fieldId, postings] of Object.entries(fields)) {
      const entries = Object.entries(postings).filter(([doc]) => kept.has(doc));
      if (entries.length > 0) {
        prunedFields[fieldId] = Object.fromEntries(entries);
      }
    }
    index.push([term, prunedFields]);
  }
  return { ...plain, index };
}
