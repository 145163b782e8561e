// The labelled query set (test/unit/fixtures/search-queries.json), written as users type, run
// against the shipped catalog: hit@1, hit@5 and MRR per group, and junk must show nothing.
import * as assert from 'node:assert/strict';
import { SearchEngine } from '../../src/search/searchEngine';
import { shippedCatalog } from './helpers';
import { evaluate, loadQueries } from './searchEval';

describe('search quality on the labelled query set', function () {
  this.timeout(30_000);
  it('finds the answer: hit@5 ≥ 95% and hit@1 ≥ 80% over answerable queries; junk shows nothing', () => {
    const queries = loadQueries();
    assert.ok(queries.length >= 150, `${queries.length} queries`);
    const quality = evaluate(new SearchEngine(shippedCatalog()), queries);
    const answerable = quality.filter((g) => g.group !== 'junk');
    const total = answerable.reduce((n, g) => n + g.queries, 0);
    const hit1 = answerable.reduce((n, g) => n + g.hit1 * g.queries, 0) / total;
    const hit5 = answerable.reduce((n, g) => n + g.hit5 * g.queries, 0) / total;
    const junk = quality.find((g) => g.group === 'junk');
    const report = quality.map((g) => `${g.group}: hit@1 ${(g.hit1 * 100).toFixed(0)}% hit@5 ${(g.hit5 * 100).toFixed(0)}% MRR ${g.mrr.toFixed(2)} (${g.queries})`).join('\n');
    const misses = quality.flatMap((g) => g.misses.map((m) => `[${g.group}] ${m}`)).join('\n');
    assert.ok(hit5 >= 0.95 && hit1 >= 0.8 && junk?.hit1 === 1, `hit@1 ${(hit1 * 100).toFixed(1)}%, hit@5 ${(hit5 * 100).toFixed(1)}%\n${report}\n${misses}`);
  });
});
