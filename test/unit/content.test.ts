// The content bar from docs/content-format.md and the content issues, kept true by the suite.
import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import { formatProblem } from '../../src/catalog/compile/compileCatalog';
import { editorialChecks } from '../../src/catalog/compile/editorialChecks';
import { shippedCatalog, shippedContentFiles } from './helpers';

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

describe('shipped content', () => {
  let catalog: Catalog;
  before(() => {
    catalog = shippedCatalog();
  });

  // The rules any shipped content keeps live in editorialChecks (build:content runs them);
  // this file keeps what describes our particular bank: its seed scope and breadth.
  it('has no editorial problems', () => {
    assert.deepEqual(editorialChecks(catalog.data, shippedContentFiles()).map(formatProblem), []);
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
    });
  }

  it('has the four role tracks, each listing at least 12 questions', () => {
    for (const id of ROLE_TRACKS) {
      const path = catalog.paths.find((p) => p.id === id);
      assert.ok(path, `role track ${id}`);
      assert.ok(path.firstQuestions.length >= 12, `${id} lists ${path.firstQuestions.length} questions`);
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
