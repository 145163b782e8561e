import * as assert from 'node:assert/strict';
import { COMMON_WORDS } from '../../src/lookup/commonWords';
import { AliasClash, buildLookupTable, LookupConcept, LookupTable, parseLookupTable } from '../../src/lookup/lookupTable';
import { termAt, TermMatch } from '../../src/lookup/termAtPosition';
import { shippedFirst } from '../../src/catalog/aliasPrecedence';
import { shippedCatalog } from './helpers';

/** The match with the cursor on the first character of `word` (its `occurrence`-th copy) in `line`. */
function at(table: LookupTable, line: string, word: string, occurrence = 0): TermMatch | undefined {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = line.indexOf(word, index + 1);
  }
  assert.notEqual(index, -1, `"${word}" is not in "${line}"`);
  return termAt(table, line, index);
}

/** Every match at every cursor position, as "start-end:text=id" strings without repeats. */
function allMatches(table: LookupTable, line: string): string[] {
  const found = new Set<string>();
  for (let c = 0; c <= line.length; c++) {
    const m = termAt(table, line, c);
    if (m) {
      found.add(`${m.start}-${m.end}:${m.text}=${m.conceptId}`);
    }
  }
  return [...found];
}

const concept = (id: string, title: string, aliases: string[] = []): LookupConcept => ({ id, title, aliases });

describe('term look-up in the shipped catalog', () => {
  let table: LookupTable;
  before(() => {
    table = buildLookupTable(shippedCatalog().concepts);
  });

  it('resolves library symbols in code to their concepts', () => {
    // [line, word hovered, concept, range text]: the range is the dotted name matched.
    const cases: [string, string, string, string?][] = [
      ['        self.ln1 = nn.LayerNorm(cfg.d_model)', 'LayerNorm', 'batchnorm-vs-layernorm', 'nn.LayerNorm'],
      ['norm = LayerNorm(512)', 'LayerNorm', 'batchnorm-vs-layernorm'],
      ['        start = 0 if past_key_values is None else past_key_values[0][0].size(2)', 'past_key_values', 'kv-cache'],
      ['from peft import LoraConfig, get_peft_model', 'LoraConfig', 'lora'],
      ['from sklearn.calibration import CalibratedClassifierCV', 'CalibratedClassifierCV', 'calibration'],
      ['nb = CalibratedClassifierCV(GaussianNB(), method="isotonic", cv=5)', 'GaussianNB', 'naive-bayes'],
      ['knn = KNeighborsClassifier(n_neighbors=7).fit(X_train, y_train)', 'KNeighborsClassifier', 'knn'],
      ['def top_p_sample(logits, top_p: float = 0.9):', 'top_p', 'top-p-sampling'],
      ['out = model.generate(**inputs, do_sample=True, top_p=0.9)', 'top_p', 'top-p-sampling'],
    ];
    for (const [line, word, id, text = word] of cases) {
      // In `def top_p_sample(logits, top_p` the second top_p is the parameter.
      const m = at(table, line, word, line.startsWith('def top_p_sample') ? 1 : 0);
      assert.equal(m?.conceptId, id, `${word} in "${line}"`);
      assert.equal(m?.text, text, `${word} in "${line}": range`);
      assert.equal(m && line.slice(m.start, m.end), text);
    }
    // top_p_sample is a different name from top_p.
    assert.equal(at(table, 'def top_p_sample(logits, top_p: float = 0.9):', 'top_p'), undefined);
  });

  it('matches the longest dotted suffix that ends at the hovered part, and returns that range', () => {
    const line = 'ln = torch.nn.LayerNorm(d)  # or nn.LayerNorm, or LayerNorm';
    assert.deepEqual(at(table, line, 'LayerNorm'), { conceptId: 'batchnorm-vs-layernorm', start: 5, end: 23, text: 'torch.nn.LayerNorm' });
    assert.equal(at(table, line, 'LayerNorm', 1)?.text, 'nn.LayerNorm');
    assert.equal(at(table, line, 'LayerNorm', 2)?.text, 'LayerNorm');
    // An unknown prefix is left out of the range: x.nn.LayerNorm is read as nn.LayerNorm.
    assert.deepEqual(at(table, 'y = x.nn.LayerNorm(d)', 'LayerNorm'), { conceptId: 'batchnorm-vs-layernorm', start: 6, end: 18, text: 'nn.LayerNorm' });
    // The parts before the hovered one name modules, not the concept.
    assert.equal(at(table, line, 'torch'), undefined);
    assert.equal(at(table, line, 'nn'), undefined);
    assert.equal(at(table, line, 'nn', 1), undefined);
    assert.equal(termAt(table, line, line.indexOf('.nn')), undefined, 'on the dot');
    // A symbol ending in another name is not that name: LayerNormalizer is not LayerNorm.
    assert.equal(at(table, 'm = LayerNormalizer()', 'LayerNorm'), undefined);
  });

  it('matches multi-word terms in comments and prose, ignoring case, spaces and hyphens', () => {
    const cases: [string, string, string][] = [
      ['            # KV cache: keys and values of earlier positions are reused, not recomputed.', 'KV cache', 'kv-cache'],
      ['# a kv-cache grows with the sequence', 'kv-cache', 'kv-cache'],
      ['// The key-value cache holds past keys', 'key-value cache', 'kv-cache'],
      ['the key value cache holds past keys', 'key value cache', 'kv-cache'],
      ['# Layer norm normalises each token over its features', 'Layer norm', 'batchnorm-vs-layernorm'],
      ['Pre-LN uses layer-norm before attention.', 'layer-norm', 'batchnorm-vs-layernorm'],
      ['    """Nucleus sampling: sample from the smallest set of tokens."""', 'Nucleus sampling', 'top-p-sampling'],
      ['Use **nucleus  sampling** here.', 'nucleus  sampling', 'top-p-sampling'],
      ['    # Naive Bayes probabilities are often overconfident: calibrate them with isotonic regression.', 'isotonic regression', 'calibration'],
      ['GPT-2 uses byte-level BPE.', 'byte-level BPE', 'tokenization-bpe'],
    ];
    for (const [line, phrase, id] of cases) {
      const start = line.indexOf(phrase);
      const expected = { conceptId: id, start, end: start + phrase.length, text: phrase };
      // Any position in the phrase, the space or hyphen in the middle included.
      for (let c = start; c < start + phrase.length; c++) {
        assert.deepEqual(termAt(table, line, c), expected, `"${phrase}" at ${c}`);
      }
    }
  });

  it('finds terms in Markdown and notebook prose', () => {
    const line = '`nn.LayerNorm(d)` normalizes each token; **KV cache** and **LoRA** and BPE too.';
    assert.deepEqual(allMatches(table, line), [
      '1-13:nn.LayerNorm=batchnorm-vs-layernorm',
      '43-51:KV cache=kv-cache',
      '60-64:LoRA=lora',
      '71-74:BPE=tokenization-bpe',
    ]);
  });

  it('never matches inside a longer word', () => {
    const lines = [
      'the organ and the organization in ORGANIZE',
      'exploration of EXPLORATION and Explorations',
      'knnx = KNNx + kNNx',
      'a multilayer normalisation step and layer normalizer and layer norms',
      'past_key_values_len = my_top_p + top_p2 + LoraConfigs',
      'BPEs and subBPE and GANGAN and MoEs',
    ];
    for (const line of lines) {
      assert.deepEqual(allMatches(table, line), [], line);
    }
  });

  it('matches acronyms and symbols case-sensitively: the word "gan" and the variable "moe" are not terms', () => {
    assert.deepEqual(allMatches(table, 'gan, moe, lora, bpe, knn, shap, Gan, Moe, Lora, Bpe'), []);
    assert.equal(at(table, 'Train a GAN', 'GAN')?.conceptId, 'gan');
    assert.equal(at(table, 'route = MoE(experts)', 'MoE')?.conceptId, 'moe');
    assert.equal(at(table, 'print("kNN accuracy:", score)', 'kNN')?.conceptId, 'knn');
  });

  it('never triggers on ordinary English or everyday code, at any position', () => {
    const sentences = [
      'The model reads the data, and each layer keeps a cache of features for later.',
      'Attention to detail matters: the router sends tools to the store before the agent can react.',
      'We changed the temperature, but the bias in the tree made the loss worse on the test score.',
      'Memory is cheap now; train the team, then store the results and sample a few more.',
      'He said the key to a good plan is to keep it simple and to look at the value of each step.',
      'The organ player started an exploration of the old church before the concert.',
      'Model, Data, Layer, Attention, Router, Tools, Feature, Cache, Sampling, Temperature, React.',
      'for i, batch in enumerate(loader): loss = model(batch).mean(); loss.backward()',
      'self.cache = {}  # key -> value, cleared when the store is reset',
    ];
    // Also with a careless author's aliases added: common words in any case are filtered out.
    const careless = buildLookupTable([
      ...shippedCatalog().concepts,
      concept('careless', 'Careless', ['Model', 'DATA', 'Attention', 'React', 'Tools', 'cache', 'the model', 'tool use', 'the data', 'Key Value']),
    ]);
    for (const sentence of sentences) {
      assert.deepEqual(allMatches(table, sentence), [], sentence);
      assert.deepEqual(allMatches(careless, sentence), [], sentence);
    }
  });

  it('resolves every symbol and phrase of the built table back to its concept', () => {
    const catalog = shippedCatalog();
    for (const [symbol, id] of Object.entries(table.symbols)) {
      assert.ok(catalog.concept(id), `${symbol} -> ${id}`);
      const line = `x = ${symbol}(y)`;
      assert.deepEqual(termAt(table, line, 4 + symbol.length - 1), { conceptId: id, start: 4, end: 4 + symbol.length, text: symbol });
    }
    for (const list of Object.values(table.phrases)) {
      for (const { conceptId, tokens } of list) {
        const text = tokens.join(' ');
        assert.equal(termAt(table, `# see ${text} here`, 6)?.conceptId, conceptId, text);
      }
    }
  });
});

describe('lookup table rules', () => {
  it('admits single words only when they look like terms and are not common words', () => {
    const table = buildLookupTable([
      concept('a', 'Alpha', ['GAN', 'BPE', 'LoRA', 'top_p', 'nn.LayerNorm', '6ND', 'K', 'model', 'Model', 'DATA', 'Attention', 'overfitting', 'react']),
    ]);
    assert.deepEqual(Object.keys(table.symbols).sort(), ['6ND', 'Alpha', 'BPE', 'GAN', 'LoRA', 'nn.LayerNorm', 'top_p']);
    assert.deepEqual(table.phrases, {});
  });

  it('admits phrases of common words only as titles or when three words long', () => {
    const table = buildLookupTable([
      concept('routing', 'Model Routing', ['the model', 'tool use', 'layer norm', 'KV cache', 'key value cache']),
      concept('other', 'Other', ['model routing']),
    ]);
    const phraseOf = (text: string) => termAt(table, text, 0)?.conceptId;
    assert.equal(phraseOf('model routing'), 'routing', 'a title');
    assert.equal(phraseOf('the model'), undefined);
    assert.equal(phraseOf('tool use'), undefined);
    assert.equal(phraseOf('layer norm'), 'routing', '"norm" is not a common word');
    assert.equal(phraseOf('kv cache'), 'routing');
    assert.equal(phraseOf('key-value cache'), 'routing');
  });

  it('keeps the common-word list lower case, sizeable, and free of words that make up terms', () => {
    assert.ok(COMMON_WORDS.size >= 300, `${COMMON_WORDS.size} words`);
    for (const w of COMMON_WORDS) {
      assert.equal(w, w.toLowerCase());
    }
    for (const w of ['model', 'data', 'layer', 'attention', 'router', 'tools', 'feature', 'cache', 'sampling', 'temperature', 'bias', 'tree', 'loss', 'train', 'test', 'score', 'store', 'agent', 'memory', 'react']) {
      assert.ok(COMMON_WORDS.has(w), w);
    }
    for (const w of ['norm', 'kv', 'nucleus', 'p', 'k']) {
      assert.ok(!COMMON_WORDS.has(w), w);
    }
  });

  it('keeps whole words in phrases: "gan loss" is not in "organ loss"', () => {
    const table = buildLookupTable([
      concept('gan', 'GAN', ['gan loss']),
      concept('lora', 'LoRA', ['lora adapters']),
      concept('knn', 'KNN', ['knn search']),
    ]);
    assert.equal(termAt(table, 'gan loss', 0)?.conceptId, 'gan');
    assert.equal(termAt(table, 'LoRA adapters', 0)?.conceptId, 'lora');
    assert.equal(termAt(table, 'KNN search', 0)?.conceptId, 'knn');
    for (const line of ['organ loss', 'exploration adapters', 'knnx search', 'gan losses', 'gan_loss', 'gan.loss']) {
      assert.deepEqual(allMatches(table, line), [], line);
    }
  });

  it('prefers the longer of overlapping terms, and a symbol over a phrase of the same length', () => {
    const table = buildLookupTable([concept('moe', 'MoE', ['sparse MoE']), concept('sparse', 'Sparse', ['sparse'])]);
    assert.deepEqual(termAt(table, 'a sparse MoE layer', 10), { conceptId: 'moe', start: 2, end: 12, text: 'sparse MoE' });
    const tie = buildLookupTable([concept('sym', 'Sym', ['A.B']), concept('phrase', 'Phrase', ['a . b'])]);
    assert.equal(termAt(tie, 'A.B', 2)?.conceptId, 'sym');
  });

  it('reports shared aliases and picks the concept whose title it is, else the first by id', () => {
    const clashes: AliasClash[] = [];
    const table = buildLookupTable(
      [
        concept('a-first', 'First', ['RMSNorm', 'KV cache', 'Shared']),
        concept('rms-norm', 'RMSNorm', ['root mean square norm']),
        concept('beta', 'Beta', ['KV-cache', 'Shared']),
        concept('alpha', 'Alpha', ['kv cache']),
        concept('solo', 'Solo', ['Solo', 'SOLO']),
      ],
      (c) => clashes.push(c),
    );
    assert.equal(table.symbols.RMSNorm, 'rms-norm');
    assert.equal(termAt(table, 'kv cache', 0)?.conceptId, 'a-first');
    assert.equal(table.symbols.Shared, 'a-first');
    assert.deepEqual(
      clashes.sort((a, b) => a.term.localeCompare(b.term)),
      [
        { term: 'kv cache', conceptIds: ['a-first', 'alpha', 'beta'], chosen: 'a-first' },
        { term: 'RMSNorm', conceptIds: ['a-first', 'rms-norm'], chosen: 'rms-norm' },
        { term: 'Shared', conceptIds: ['a-first', 'beta'], chosen: 'a-first' },
      ],
    );
  });

  it('finds a term with the cursor just after it, and not one character further', () => {
    const table = buildLookupTable([concept('gan', 'GAN')]);
    const line = 'a GAN  b';
    assert.deepEqual(
      Array.from({ length: line.length + 1 }, (_, c) => termAt(table, line, c)?.conceptId ?? '-'),
      ['-', '-', 'gan', 'gan', 'gan', 'gan', '-', '-', '-'],
    );
    assert.equal(termAt(table, 'GAN', 3)?.text, 'GAN', 'at the end of the line');
    assert.equal(termAt(table, line, -1), undefined);
    assert.equal(termAt(table, line, line.length + 1), undefined);
    assert.equal(termAt(table, '', 0), undefined);
  });

  it('treats Object.prototype names as ordinary words', () => {
    const table = buildLookupTable([concept('proto', 'Proto', ['__proto__', 'has_own'])]);
    assert.equal(termAt(table, 'x.constructor.toString()', 3), undefined);
    assert.equal(termAt(table, 'hasOwnProperty valueOf', 2), undefined);
    assert.equal(termAt(table, 'obj.__proto__', 6)?.conceptId, 'proto');
    assert.equal(Object.getPrototypeOf(table.symbols), Object.prototype, 'the alias did not replace the prototype');
  });

  it('survives a JSON round trip and parses back only a well-formed table', () => {
    const table = buildLookupTable(shippedCatalog().concepts);
    const text = JSON.stringify(table);
    const parsed = parseLookupTable(text);
    assert.deepEqual(parsed, table);
    const line = '    use_cache=True,  # reuse past_key_values: a KV cache, not nucleus sampling';
    for (let c = 0; c <= line.length; c++) {
      assert.deepEqual(termAt(parsed!, line, c), termAt(table, line, c), `at ${c}`);
    }
    assert.equal(parseLookupTable('{"version":2,"symbols":{},"phrases":{}}'), undefined);
    assert.equal(parseLookupTable('{"version":1,"symbols":[],"phrases":{}}'), undefined);
    assert.equal(parseLookupTable('{"version":1,"symbols":{"A":1},"phrases":{}}'), undefined);
    assert.equal(parseLookupTable('{"version":1,"symbols":{},"phrases":{"kv":[{"conceptId":"x","tokens":[]}]}}'), undefined);
    assert.equal(parseLookupTable('not json'), undefined);
    assert.deepEqual(parseLookupTable('{"version":1,"symbols":{"A":"a"},"phrases":{}}'), { version: 1, symbols: { A: 'a' }, phrases: {} });
  });
});

describe('shipped terms come first', () => {
  it('drops a user concept alias that a shipped concept has, in any case, and keeps its own', () => {
    const shipped = shippedCatalog();
    const kv = shipped.concept('kv-cache');
    assert.ok(kv && kv.aliases.length > 0, 'a shipped concept with aliases');
    const mine = { ...kv, id: 'my-cache', title: 'My cache', aliases: [kv.aliases[0].toUpperCase(), kv.title, 'my special cache'] };
    const merged = shipped.derive({ ...shipped.data, concepts: [...shipped.data.concepts, mine] });
    const concepts = shippedFirst(shipped, merged);
    assert.deepEqual(concepts.find((c) => c.id === 'my-cache')?.aliases, ['my special cache']);
    assert.deepEqual(concepts.find((c) => c.id === 'kv-cache'), kv, 'a shipped concept keeps everything');
    const table = buildLookupTable(concepts);
    assert.equal(termAt(table, kv.aliases[0], 0)?.conceptId, 'kv-cache', 'the shipped alias still finds the shipped concept');
    assert.equal(termAt(table, 'my special cache', 0)?.conceptId, 'my-cache');
  });
});
