import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import { conceptDocs, questionDocs, SearchIndex } from '../../src/search/searchIndex';
import { shippedCatalog } from './helpers';

describe('search over the shipped catalog', () => {
  let catalog: Catalog;
  let concepts: SearchIndex;
  let everything: SearchIndex;
  before(() => {
    catalog = shippedCatalog();
    concepts = new SearchIndex(conceptDocs(catalog));
    everything = new SearchIndex([...conceptDocs(catalog), ...questionDocs(catalog)]);
  });
  const top = (index: SearchIndex, q: string) => index.search(q, 5)[0]?.doc.id;

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
      assert.equal(top(concepts, query), expected, `"${query}" should find ${expected}; got ${concepts.search(query, 3).map((h) => h.doc.id).join(', ')}`);
    }
  });

  it('matches words that are apart or out of order in the entry', () => {
    assert.equal(top(concepts, 'gradient vanishng'), 'vanishing-gradient');
    assert.equal(top(concepts, 'attention complexty self'), 'self-attention-complexity');
    assert.equal(top(everything, 'stripe frud'), 'design-stripe-fraud-detection');
  });

  it('finds concepts by code symbols, including longer dotted paths', () => {
    assert.equal(top(concepts, 'nn.LayerNorm'), 'batchnorm-vs-layernorm');
    assert.equal(top(concepts, 'torch.nn.LayerNorm'), 'batchnorm-vs-layernorm');
    assert.equal(top(concepts, 'past_key_values'), 'kv-cache');
    assert.equal(top(concepts, 'LoraConfig'), 'lora');
    assert.equal(top(concepts, 'CalibratedClassifierCV'), 'calibration');
  });

  it('ranks exact alias matches first and returns nothing for gibberish', () => {
    assert.equal(concepts.search('LoRA')[0]?.score, 0);
    assert.deepEqual(concepts.search('qqzzxxvv'), []);
  });

  it('finds questions as well as concepts in Search Everything', () => {
    assert.equal(top(everything, 'fraud detection stripe'), 'design-stripe-fraud-detection');
    assert.equal(top(everything, 'netflix recomender'), 'design-netflix-recommender');
    assert.equal(top(everything, 'lost in the midle'), 'lost-in-the-middle');
  });

  it('opens directly only when a term is unambiguous', () => {
    assert.equal(concepts.unambiguousMatch('LayerNorm')?.id, 'batchnorm-vs-layernorm');
    assert.equal(concepts.unambiguousMatch('torch.nn.LayerNorm')?.id, 'batchnorm-vs-layernorm');
    assert.equal(concepts.unambiguousMatch('the'), undefined);
    assert.equal(concepts.unambiguousMatch('model'), undefined);
  });

  it('lists entries when the query is empty', () => {
    assert.equal(concepts.search('', 100).length, catalog.concepts.length);
  });
});
