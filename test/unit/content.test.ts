// The content bar from docs/content-format.md and the content issues, kept true by the suite.
import * as assert from 'node:assert/strict';
import type { Catalog } from '../../src/catalog/catalog';
import type { Question } from '../../src/catalog/types';
import { countWords } from '../../src/content/compileCatalog';
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
    assert.equal(Object.values(SEED_QUESTIONS).flat().length, 37);
    for (const [topic, ids] of Object.entries(SEED_CONCEPTS)) {
      for (const id of ids) {
        assert.equal(catalog.concept(id)?.topic, topic, `concept ${id} belongs to ${topic}`);
      }
    }
    assert.equal(Object.values(SEED_CONCEPTS).flat().length, 31);
    assert.deepEqual(
      catalog.paths.map((p) => p.id),
      ['new-to-ml-interviews', 'system-design-focus', 'theory-modeling-focus'],
    );
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

      it('files every question under one of the topic\'s sections', () => {
        const listed = catalog.topic(topic)?.sections ?? [];
        assert.ok(listed.length >= 3, `${topic} lists ${listed.length} sections`);
        const unfiled = questions().filter((q) => !listed.includes(q.section)).map((q) => `${q.id}: "${q.section}"`);
        assert.deepEqual(unfiled, []);
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

  it('gives every study path a purpose and ten suggested first questions from its topics', () => {
    for (const path of catalog.paths) {
      assert.ok(countWords(path.body) >= 40 && !/draft/i.test(path.body), `${path.id} has a written purpose`);
      assert.equal(path.firstQuestions.length, 10, `${path.id} suggests ten questions`);
      for (const id of path.firstQuestions) {
        assert.ok(path.topics.includes(catalog.question(id)?.topic ?? ''), `${path.id}: ${id} is in one of its topics`);
      }
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
