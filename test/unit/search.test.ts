import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import { sectionsOf } from '../../src/search/searchDocs';
import { SearchEngine, snippetOf } from '../../src/search/searchEngine';
import { itemsFor, unsortable } from '../../src/search/searchItems';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { shippedCatalog } from './helpers';

describe('search over the shipped catalog', function () {
  this.timeout(20_000);
  let catalog: Catalog;
  let engine: SearchEngine;
  before(() => {
    catalog = shippedCatalog();
    engine = new SearchEngine(catalog);
  });
  const top = (q: string, kinds?: ('concept' | 'question')[]) => engine.search(q, 5, kinds)[0]?.id;
  const concepts: ('concept' | 'question')[] = ['concept'];

  it('tolerates typos and spacing in cheat-sheet terms', () => {
    const cases: [string, string][] = [
      ['chinchila', 'scaling-laws'],
      ['calibraton', 'calibration'],
      ['kv cahce', 'kv-cache'],
      ['layer norm', 'batchnorm-vs-layernorm'],
      ['baging', 'bagging-vs-boosting'],
      ['nucleus samplng', 'top-p-sampling'],
      ['grouped query atention', 'gqa'],
      ['shapley', 'shap'],
      ['knn', 'knn'],
    ];
    for (const [query, expected] of cases) {
      assert.equal(top(query, concepts), expected, `"${query}" should find ${expected}; got ${engine.search(query, 3, concepts).map((h) => h.id).join(', ')}`);
    }
  });

  it('matches words that are apart or out of order in the entry', () => {
    assert.equal(top('gradient vanishng', concepts), 'vanishing-gradient');
    assert.equal(top('attention complexty self', concepts), 'self-attention-complexity');
    assert.equal(top('stripe fraudd'), 'design-stripe-fraud-detection');
  });

  it('finds concepts by code symbols, including longer dotted paths', () => {
    assert.equal(top('nn.LayerNorm', concepts), 'batchnorm-vs-layernorm');
    assert.equal(top('torch.nn.LayerNorm', concepts), 'batchnorm-vs-layernorm');
    assert.equal(top('past_key_values', concepts), 'kv-cache');
    assert.equal(top('LoraConfig', concepts), 'lora');
    assert.equal(top('CalibratedClassifierCV', concepts), 'calibration');
  });

  it('ranks exact alias matches first and returns nothing for gibberish or junk', () => {
    assert.equal(top('LoRA'), 'lora');
    assert.deepEqual(engine.search('qqzzxxvv'), []);
    assert.deepEqual(engine.search('pizza recipe'), []);
    assert.deepEqual(engine.search('git rebase conflict'), []);
  });

  it('finds a word that lives only in an answer body, at its section', () => {
    const hit = engine.search('dropout', 10).find((h) => h.id === 'dropout-explained' || h.anchor !== '');
    assert.ok(hit, 'dropout finds answers');
    const inBody = engine.search('constant error carousel', 5)[0];
    assert.equal(inBody?.id, 'lstm-gru-gates');
    assert.notEqual(inBody.anchor, '', 'the hit points at a section');
    assert.ok(sectionsOf(catalog.body(inBody.id)).some((s) => s.anchor === inBody.anchor));
    assert.match(inBody.snippet.toLowerCase(), /constant error carousel/);
    const sink = engine.search('attention sink', 5)[0];
    assert.notEqual(sink.anchor, '', 'a body phrase in an entry whose title matches one word still opens at its section');
    // The renderer gives that section the id the hit scrolls to.
    assert.ok(new MarkdownRenderer().render(catalog.body(inBody.id)).includes(`id="s-${inBody.anchor}"`));
  });

  it('shows the section and topic of a question, and the matched words in context', () => {
    const hit = engine.search('netflix recomender', 3)[0];
    assert.equal(hit.id, 'design-netflix-recommender');
    assert.match(hit.place, /^ML System Design|·/);
    assert.ok(snippetOf('a b c the dropout rate is p and more text', ['dropout']).includes('dropout rate'));
  });

  it('opens directly only when a term is unambiguous', () => {
    assert.equal(engine.unambiguousMatch('LayerNorm', concepts), 'batchnorm-vs-layernorm');
    assert.equal(engine.unambiguousMatch('torch.nn.LayerNorm', concepts), 'batchnorm-vs-layernorm');
    assert.equal(engine.unambiguousMatch('the', concepts), undefined);
  });

  it('offers an honest "No match" with a way to write a note, and keeps the ranker order in items', () => {
    const none = itemsFor([], 'pizza recipe');
    assert.equal(none.length, 2);
    assert.match(none[0].label.replace(/\u2060/g, ''), /No match for "pizza recipe"/);
    assert.deepEqual(none[1].choice, { kind: 'newNote', title: 'pizza recipe' });
    const hits = engine.search('norm', 10);
    const items = itemsFor(hits, 'norm', (id) => (id === hits[0].id ? 'practiced' : ''));
    assert.deepEqual(
      items.map((i) => (i.choice?.kind === 'entry' ? i.choice.id : '')),
      hits.map((h) => h.id),
    );
    assert.ok(items[0].description?.startsWith('practiced'));
    // Labels read the same but no longer contain the typed text, so VS Code cannot re-sort them.
    assert.equal(unsortable('BatchNorm').replace(/\u2060/g, ''), 'BatchNorm');
    assert.ok(!unsortable('BatchNorm').toLowerCase().includes('norm'));
  });

  it('keeps the cheat-sheet scope to concepts', () => {
    assert.ok(engine.search('attention', 20, concepts).every((h) => h.kind === 'concept'));
  });
});
