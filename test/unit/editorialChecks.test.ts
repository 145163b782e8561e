// Each editorial rule flags a bad sample, so a shipped bank with no problems means something.
import * as assert from 'node:assert/strict';
import type { CatalogData, Concept, Question, StudyPath, Topic } from '../../src/catalog/types';
import { Problem } from '../../src/catalog/compile/compileCatalog';
import { editorialChecks } from '../../src/catalog/compile/editorialChecks';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
const QUICK_BODY = `## Short answer\n\n${words(60)}\n\n## Full answer\n\n${words(150)}\n\n## Follow-ups\n\n### One?\n\nYes.\n`;
const IDS = Array.from({ length: 10 }, (_, i) => `q${i}`);
const SECTIONS = ['Alpha', 'Beta', 'Gamma'];

function question(id: string, i: number): Question {
  return {
    id,
    title: `Question number ${i}`,
    shortTitle: `Question ${i}`,
    topic: 'basics',
    format: 'quick',
    section: SECTIONS[i % SECTIONS.length],
    difficulty: 'beginner',
    status: 'published',
    summary: 'A summary.',
    tags: [],
    concepts: ['bias'],
    related: [IDS[(i + 1) % IDS.length], IDS[(i + 2) % IDS.length]],
    prerequisites: i === 1 ? ['q0'] : [],
    keyPoints: [],
    sources: [],
    body: QUICK_BODY,
  };
}

/** A small catalog that keeps every rule; each test breaks one. */
function sample(): {
  schemaVersion: 1;
  topics: Topic[];
  questions: Question[];
  concepts: Concept[];
  paths: StudyPath[];
} {
  return {
    schemaVersion: 1,
    topics: [{ id: 'basics', title: 'Basics', shortTitle: 'Basics', order: 1, difficulty: 'beginner', teaches: [], sections: [...SECTIONS], body: 'Overview.' }],
    questions: IDS.map(question),
    concepts: [
      { id: 'bias', title: 'Bias', topic: 'basics', status: 'published', oneLiner: 'Error.', aliases: ['underfitting'], tags: [], related: [], sources: ['A book.'], body: words(200) },
    ],
    paths: [{ id: 'start', title: 'Start', order: 1, topics: ['basics'], firstQuestions: [...IDS], body: words(50, 'purpose') }],
  };
}

function problemsOf(data: CatalogData): string[] {
  return editorialChecks(data).map((p) => `${p.file}: ${p.message}`);
}

function assertFlags(data: CatalogData, file: string, pattern: RegExp): void {
  const found = problemsOf(data);
  assert.ok(
    found.some((p) => p.startsWith(`${file}: `) && pattern.test(p)),
    `expected a problem in ${file} matching ${pattern}, got ${JSON.stringify(found)}`,
  );
}

const Q0 = 'questions/basics/q0.md';

describe('editorialChecks', () => {
  it('finds nothing wrong with a sample that keeps every rule', () => {
    assert.deepEqual(problemsOf(sample()), []);
  });

  it('flags an answer outside its format\'s word range', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], body: QUICK_BODY + words(300) };
    assertFlags(data, Q0, /\d+ words, expected 150-400 for the quick format/);
    data.questions[0] = { ...data.questions[0], format: 'explain', body: QUICK_BODY };
    assertFlags(data, Q0, /expected 350-900 for the explain format/);
  });

  it('flags a short answer over 100 words', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], body: QUICK_BODY.replace(words(60), words(120)) };
    assertFlags(data, Q0, /short answer has 120 words/);
  });

  it('flags too few and too many follow-ups', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], body: QUICK_BODY.replace('### One?', 'One?') };
    assertFlags(data, Q0, /0 follow-ups .* expected 1-2/);
    data.questions[0] = { ...data.questions[0], body: `${QUICK_BODY}\n### Two?\n\n### Three?\n` };
    assertFlags(data, Q0, /3 follow-ups/);
  });

  it('flags a design answer without a text diagram', () => {
    const data = sample();
    const body = QUICK_BODY.replace(words(150), words(1000)).replace('### One?', '### One?\n\n### Two?');
    data.questions[0] = { ...data.questions[0], format: 'design', body };
    assertFlags(data, Q0, /needs a diagram/);
    data.questions[0] = { ...data.questions[0], body: `${body}\n\`\`\`text\nA -> B\n\`\`\`\n` };
    assert.deepEqual(problemsOf(data), []);
  });

  it('exempts drafts from the writing rules but not from the link rules', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], status: 'draft', body: 'Later.' };
    assert.deepEqual(problemsOf(data), []);
    data.questions[0] = { ...data.questions[0], concepts: [] };
    assertFlags(data, Q0, /no concepts/);
  });

  it('flags a concept card outside 150-400 words, or without sources or aliases', () => {
    const data = sample();
    data.concepts[0] = { ...data.concepts[0], body: words(100), sources: [], aliases: [] };
    assertFlags(data, 'concepts/bias.md', /100 words, expected 150-400/);
    assertFlags(data, 'concepts/bias.md', /at least one source/);
    assertFlags(data, 'concepts/bias.md', /at least one alias/);
  });

  it('flags a question outside its topic\'s sections, an empty section and a topic with too few sections', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], section: 'Elsewhere' };
    assertFlags(data, Q0, /section "Elsewhere" is not one of topic basics's sections/);
    data.topics[0] = { ...data.topics[0], sections: [...SECTIONS, 'Empty'] };
    assertFlags(data, 'topics/basics.md', /section "Empty" holds no question/);
    data.topics[0] = { ...data.topics[0], sections: ['Alpha'] };
    assertFlags(data, 'topics/basics.md', /1 sections listed, at least 3/);
  });

  it('flags a concept no question of its topic references', () => {
    const data = sample();
    data.concepts.push({ ...data.concepts[0], id: 'orphan' });
    assertFlags(data, 'concepts/orphan.md', /no question of topic basics references concept orphan/);
  });

  it('flags a question with fewer than 2 or more than 3 related questions, or no concept', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], related: ['q1'] };
    assertFlags(data, Q0, /1 related questions, expected 2-3/);
    data.questions[0] = { ...data.questions[0], related: ['q1', 'q2', 'q3', 'q4'], concepts: [] };
    assertFlags(data, Q0, /4 related questions/);
    assertFlags(data, Q0, /no concepts/);
  });

  it('flags a prerequisite cycle with its trail', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], prerequisites: ['q2'] };
    data.questions[2] = { ...data.questions[2], prerequisites: ['q1'] };
    const found = problemsOf(data).filter((p) => p.includes('prerequisite cycle'));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /q0 -> q2 -> q1 -> q0/);
  });

  it('flags a study path with no written purpose, a wrong length, a question off its topics or a prerequisite after its question', () => {
    const data = sample();
    data.paths[0] = { ...data.paths[0], body: 'Draft.' };
    assertFlags(data, 'paths/start.md', /written purpose/);
    data.paths[0] = { ...sample().paths[0], firstQuestions: IDS.slice(0, 5) };
    assertFlags(data, 'paths/start.md', /5 questions listed, expected 10-20/);
    data.paths[0] = { ...sample().paths[0], topics: ['other'] };
    assertFlags(data, 'paths/start.md', /q0 is in topic basics, not one of the path's topics/);
    data.paths[0] = { ...sample().paths[0], firstQuestions: ['q1', 'q0', ...IDS.slice(2)] };
    assertFlags(data, 'paths/start.md', /q0 is a prerequisite of q1, so it must come before it/);
  });

  it('flags shared short titles, ignoring case, and a short title longer than the title', () => {
    const data = sample();
    data.questions[1] = { ...data.questions[1], shortTitle: 'QUESTION 0' };
    assertFlags(data, 'questions/basics/q1.md', /already the label of q0/);
    data.questions[0] = { ...data.questions[0], shortTitle: 'A label far longer than the title is' };
    assertFlags(data, Q0, /longer than the title/);
  });

  it('names the line of the field or body when given the source files', () => {
    const data = sample();
    data.questions[0] = { ...data.questions[0], related: [], body: words(10) };
    const text = `---\nid: q0\ntitle: Question number 0\nrelated: []\n---\n${words(10)}\n`;
    const found: Problem[] = editorialChecks(data, [{ path: Q0, text }]);
    const related = found.find((p) => p.message.includes('related questions'));
    const length = found.find((p) => p.message.includes('for the quick format'));
    assert.deepEqual([related?.file, related?.line, length?.line], [Q0, 4, 6]);
  });
});
