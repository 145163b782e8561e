import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { prunePostings } from '../../src/search/prunePostings';
import { SECTION_OPTIONS } from '../../src/search/searchEngine';
import type { SearchDocument } from '../../src/search/searchDocs';

const doc = (id: string, body: string, keyPoints = 'some point words'): SearchDocument => ({ id, entryId: id, kind: 'question', anchor: '', heading: '', keyPoints, summary: '', body });
const plainOf = (docs: SearchDocument[]): AsPlainObject => {
  const index = new MiniSearch<SearchDocument>(SECTION_OPTIONS);
  index.addAll(docs);
  return index.toJSON();
};
const docsOf = (plain: AsPlainObject, term: string): string[] => {
  const fields = plain.index.find(([t]) => t === term)?.[1] ?? {};
  const shortIds = new Set(Object.values(fields).flatMap((postings) => Object.keys(postings)));
  return [...shortIds].map((s) => plain.documentIds[s] as string).sort();
};

describe('posting-list pruning of the answer-sections index', () => {
  it('keeps, for a term in more documents than the cap, those where it weighs most', () => {
    const plain = plainOf([
      doc('once-long', 'dropout regularizes a network that is long enough to dilute one mention of the word'),
      doc('twice', 'dropout dropout'),
      doc('key-point', 'other words', 'dropout point words'),
      doc('once-short', 'dropout helps'),
      doc('rare', 'carousel dropout'),
    ]);
    const pruned = prunePostings(plain, 3, { keyPoints: 3, body: 1 });
    // Ties (same weight) go to the document indexed first.
    assert.deepEqual(docsOf(pruned, 'dropout'), ['key-point', 'once-short', 'twice']);
    // A term under the cap is untouched, and so is everything but the index.
    assert.deepEqual(docsOf(pruned, 'carousel'), ['rare']);
    assert.equal(pruned.documentCount, plain.documentCount);
    assert.deepEqual(pruned.fieldLength, plain.fieldLength);
  });

  it('loads into MiniSearch, which then finds the kept documents and no others', () => {
    const docs = Array.from({ length: 50 }, (_, i) => doc(`d${i}`, `${'filler '.repeat(i)}attention`));
    const search = MiniSearch.loadJS<SearchDocument>(prunePostings(plainOf(docs), 10, {}), SECTION_OPTIONS);
    const ids = search.search('attention').map((r) => r.id);
    // The shortest sections weigh the term most.
    assert.deepEqual(ids.sort(), Array.from({ length: 10 }, (_, i) => `d${i}`).sort());
  });

  it('never keeps more than the cap, never adds a posting, and changes nothing under the cap (property)', () => {
    const word = fc.constantFrom('model', 'loss', 'tree', 'cache', 'norm', 'token');
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 12 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 45 }), (bodies, cap) => {
        const plain = plainOf(bodies.map((b, i) => doc(`d${i}`, b.join(' '))));
        const pruned = prunePostings(plain, cap, { body: 1 });
        for (const [term] of plain.index) {
          const before = docsOf(plain, term);
          const after = docsOf(pruned, term);
          assert.ok(after.length === Math.min(cap, before.length), `${term}: ${after.length} of ${before.length}, cap ${cap}`);
          assert.ok(after.every((d) => before.includes(d)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
