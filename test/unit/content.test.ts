// The content bar from docs/content-format.md and the content issues, kept true by the suite.
import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import type { Question } from '../../src/catalog/types';
import { countWords } from '../../src/catalog/compile/compileCatalog';
import { shippedCatalog } from './helpers';

const SEED_QUESTIONS: Record<string, string[]> = {
  'ml-system-design': ['design-netflix-recommender', 'home-feed-vs-search-ranking', 'ranking-metrics-offline-online', 'design-stripe-fraud-detection', 'feature-store-role'],
  'agent-system-design': ['design-coding-assistant', 'react-pattern', 'agent-memory-components', 'function-calling-internals', 'agent-evaluation', 'agent-cost-control-routing'],
  'classic-ml': [
    'overfitting-train-test-gap', 'class-imbalance-1-percent', 'xgboost-vs-random-forest', 'data-leakage-detection',
    'feature-selection-50k', 'naive-bayes-vs-logistic-regression', 'explaining-predictions-shap-lime', 'auc-vs-calibration',
  ],
  'deep-learning': [
    'resnet-degradation', 'why-he-init-for-relu', 'explain-batchnorm-vs-layernorm', 'transformer-from-scratch',
    'attention-quadratic-long-context', 'gan-failure-modes', 'knowledge-distillation-when', 'gqa-llm-inference',
  ],
  llm: [
    'rag-how-it-works', 'lora-why-it-works', 'kv-cache-inference', 'cot-failure-modes', 'lost-in-the-middle',
    'rlhf-vs-dpo', 'how-tokenization-works', 'mixture-of-experts', 'scaling-laws-chinchilla', 'multimodal-image-text',
  ],
};

const SEED_CONCEPTS: Record<string, string[]> = {
  'ml-system-design': ['feature-store', 'ndcg-at-k', 'explore-exploit'],
  'agent-system-design': ['react-agent', 'function-calling', 'agent-observability', 'model-routing'],
  'classic-ml': ['bias-variance', 'l1-vs-l2', 'bagging-vs-boosting', 'data-leakage', 'naive-bayes', 'knn', 'shap', 'calibration'],
  'deep-learning': ['vanishing-gradient', 'xavier-vs-he-init', 'batchnorm-vs-layernorm', 'self-attention-complexity', 'gan', 'knowledge-distillation', 'gqa'],
  llm: ['rag-vs-fine-tuning', 'lora', 'kv-cache', 'top-p-sampling', 'cot-failure', 'tokenization-bpe', 'moe', 'scaling-laws', 'multimodal'],
};

const WORD_RANGES: Record<Question['format'], [number, number]> = { design: [900, 1600], explain: [350, 900], quick: [150, 400] };
const FOLLOW_UPS: Record<Question['format'], [number, number]> = { design: [2, 4], explain: [2, 4], quick: [1, 2] };

/** The breadth the content issues ask for: at least this many questions per topic, and these concept cards. */
const MIN_QUESTIONS: Record<string, number> = { 'ml-system-design': 20, 'agent-system-design': 13, 'classic-ml': 34, 'deep-learning': 35, llm: 23 };
const BREADTH_CONCEPTS: Record<string, string[]> = {
  'classic-ml': [
    'precision-recall-f1', 'roc-auc', 'cross-entropy', 'decision-tree', 'k-means', 'cross-validation', 'logistic-regression',
    'linear-regression', 'target-encoding', 'mle-vs-map', 'kl-divergence', 'hyperparameter-search',
  ],
  'deep-learning': ['adam-adamw', 'lr-warmup', 'dropout', 'backpropagation', 'activation-functions', 'mixed-precision', 'zero-fsdp', 'word2vec', 'infonce', 'rope', 'vit', 'iou-nms', 'q-learning', 'ppo'],
  'ml-system-design': ['normalized-entropy', 'two-tower-retrieval', 'ann-index', 'cuped', 'learning-to-rank'],
  llm: ['ttft-tpot', 'continuous-batching', 'grpo-rlvr', 'prompt-injection', 'llm-as-judge'],
  'agent-system-design': ['mcp'],
};
const SEED_PATHS = ['new-to-ml-interviews', 'system-design-focus', 'theory-modeling-focus'];
const ROLE_TRACKS = ['ml-engineer-production', 'llm-genai-engineer', 'research-scientist-modeling', 'data-scientist-product-analytics'];

/** Level-2 sections of a body, by name. */
function sections(body: string): Map<string, string> {
  const map = new Map<string, string>();
  const parts = body.split(/^## +/m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    map.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return map;
}

describe('shipped content', () => {
  it('gives every question a distinct short tree label no longer than its full title', () => {
    const catalog = shippedCatalog();
    const labels = new Map<string, string>();
    for (const q of catalog.questions) {
      const key = q.shortTitle.toLowerCase();
      assert.ok(!labels.has(key), `${q.id} and ${labels.get(key)} share the label "${q.shortTitle}"`);
      labels.set(key, q.id);
      assert.ok(q.shortTitle.length <= q.title.length, `${q.id}: the label is longer than the title`);
    }
  });

  let catalog: Catalog;
  before(() => {
    catalog = shippedCatalog();
  });

  it('covers the seed scope: five topics, 37 seed questions under their topics, 31 concepts, 3 study paths', () => {
    assert.deepEqual(
      catalog.topics.map((t) => t.id),
      Object.keys(SEED_QUESTIONS),
    );
    for (const [topic, ids] of Object.entries(SEED_QUESTIONS)) {
      for (const id of ids) {
        assert.equal(catalog.question(id)?.topic, topic, `${id} is under ${topic}`);
      }
    }
    for (const [topic, ids] of Object.entries(SEED_CONCEPTS)) {
      for (const id of ids) {
        assert.equal(catalog.concept(id)?.topic, topic, `concept ${id} belongs to ${topic}`);
      }
    }
    for (const id of SEED_PATHS) {
      assert.ok(catalog.paths.some((p) => p.id === id), `seed path ${id}`);
    }
  });

  it('has the breadth of a standard interview bank: questions per topic and the named concept cards', () => {
    for (const [topic, min] of Object.entries(MIN_QUESTIONS)) {
      const n = catalog.questionsOf(topic).filter((q) => q.status === 'published').length;
      assert.ok(n >= min, `${topic}: ${n} published questions, at least ${min}`);
    }
    for (const [topic, ids] of Object.entries(BREADTH_CONCEPTS)) {
      for (const id of ids) {
        assert.equal(catalog.concept(id)?.topic, topic, `concept ${id} in ${topic}`);
        assert.equal(catalog.concept(id)?.status, 'published', `concept ${id} published`);
      }
    }
  });

  for (const topic of Object.keys(SEED_QUESTIONS)) {
    describe(`topic ${topic}`, () => {
      const questions = () => catalog.questionsOf(topic);

      it('has no drafts left and adds at least four questions to the seed', () => {
        const drafts = [...questions().filter((q) => q.status === 'draft'), ...catalog.concepts.filter((c) => c.topic === topic && c.status === 'draft')];
        assert.deepEqual(drafts.map((d) => d.id), []);
        assert.ok(questions().length >= SEED_QUESTIONS[topic].length + 4, `${questions().length} questions`);
      });

      it('keeps every answer within its word range, with a short short answer and 2-4 follow-ups', () => {
        const problems: string[] = [];
        for (const q of questions()) {
          const words = countWords(q.body);
          const [min, max] = WORD_RANGES[q.format];
          if (words < min || words > max) {
            problems.push(`${q.id}: ${words} words, expected ${min}-${max}`);
          }
          problems.push(...checkSections(q));
        }
        for (const c of catalog.concepts.filter((x) => x.topic === topic)) {
          const words = countWords(c.body);
          if (words < 150 || words > 400) {
            problems.push(`concept ${c.id}: ${words} words, expected 150-400`);
          }
          if (c.sources.length === 0 || c.aliases.length === 0) {
            problems.push(`concept ${c.id}: needs sources and aliases`);
          }
        }
        assert.deepEqual(problems, []);
      });

      it('files every question under one of the topic\'s sections, and every section holds one', () => {
        const listed = catalog.topic(topic)?.sections ?? [];
        assert.ok(listed.length >= 3, `${topic} lists ${listed.length} sections`);
        const unfiled = questions().filter((q) => !listed.includes(q.section)).map((q) => `${q.id}: "${q.section}"`);
        assert.deepEqual(unfiled, []);
        const empty = listed.filter((name) => !questions().some((q) => q.section === name));
        assert.deepEqual(empty, [], 'every section holds a question');
      });

      it('references every concept of the topic from at least one of its questions', () => {
        const used = new Set(questions().flatMap((q) => q.concepts));
        const unused = catalog.concepts.filter((c) => c.topic === topic && !used.has(c.id)).map((c) => c.id);
        assert.deepEqual(unused, []);
      });
    });
  }

  it('links every question to 2-3 related questions and at least one concept, and every concept back', () => {
    const problems: string[] = [];
    for (const q of catalog.questions) {
      if (q.related.length < 2 || q.related.length > 3) {
        problems.push(`${q.id}: ${q.related.length} related questions`);
      }
      if (q.concepts.length === 0) {
        problems.push(`${q.id}: no concepts`);
      }
    }
    for (const c of catalog.concepts) {
      if (catalog.questionsUsing(c.id).length === 0) {
        problems.push(`concept ${c.id}: no question uses it`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has no prerequisite cycles, so every question can be studied after its prerequisites', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, trail: string[]): void => {
      if (state.get(id) === 'done') {
        return;
      }
      assert.notEqual(state.get(id), 'visiting', `prerequisite cycle: ${[...trail, id].join(' -> ')}`);
      state.set(id, 'visiting');
      for (const next of catalog.question(id)?.prerequisites ?? []) {
        visit(next, [...trail, id]);
      }
      state.set(id, 'done');
    };
    catalog.questions.forEach((q) => visit(q.id, []));
  });

  it('gives every study path a purpose and an ordered list from its topics that respects prerequisites', () => {
    for (const id of ROLE_TRACKS) {
      assert.ok(catalog.paths.some((p) => p.id === id), `role track ${id}`);
    }
    for (const path of catalog.paths) {
      assert.ok(countWords(path.body) >= 40 && !/draft/i.test(path.body), `${path.id} has a written purpose`);
      const [min, max] = ROLE_TRACKS.includes(path.id) ? [12, 20] : [10, 20];
      assert.ok(path.firstQuestions.length >= min && path.firstQuestions.length <= max, `${path.id} lists ${path.firstQuestions.length} questions`);
      path.firstQuestions.forEach((id, i) => {
        const q = catalog.question(id);
        assert.ok(q && path.topics.includes(q.topic), `${path.id}: ${id} is in one of its topics`);
        for (const before of q.prerequisites) {
          const at = path.firstQuestions.indexOf(before);
          assert.ok(at === -1 || at < i, `${path.id}: ${before} (a prerequisite) comes before ${id}`);
        }
      });
    }
  });

  it('keeps each seed path\'s promise', () => {
    const path = (id: string) => catalog.paths.find((p) => p.id === id)!;
    const advanced = path('new-to-ml-interviews').firstQuestions.filter((id) => catalog.question(id)?.difficulty === 'advanced');
    assert.deepEqual(advanced, [], 'New to ML interviews stays at beginner and intermediate depth');
    assert.notDeepEqual(path('theory-modeling-focus').firstQuestions, path('new-to-ml-interviews').firstQuestions);
    const theory = path('theory-modeling-focus').firstQuestions;
    if (theory.includes('kv-cache-inference') && theory.includes('gqa-llm-inference')) {
      assert.ok(theory.indexOf('kv-cache-inference') < theory.indexOf('gqa-llm-inference'), 'the KV cache before GQA');
    }
  });
});

function checkSections(q: Question): string[] {
  const problems: string[] = [];
  const s = sections(q.body);
  const short = countWords(s.get('Short answer') ?? '');
  if (short > 100) {
    problems.push(`${q.id}: short answer has ${short} words (about 80 at most)`);
  }
  const followUps = (s.get('Follow-ups') ?? '').match(/^### /gm)?.length ?? 0;
  const [fewest, most] = FOLLOW_UPS[q.format];
  if (followUps < fewest || followUps > most) {
    problems.push(`${q.id}: ${followUps} follow-ups, expected ${fewest}-${most}`);
  }
  if (q.format === 'design' && !/```text/.test(q.body)) {
    problems.push(`${q.id}: a design answer needs a diagram in a text block`);
  }
  return problems;
}
