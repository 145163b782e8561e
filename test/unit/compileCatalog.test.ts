import * as assert from 'node:assert/strict';
import { compileCatalog, ContentFile, formatProblem } from '../../src/catalog/compile/compileCatalog';
import { file, publishedBody, validFiles } from './helpers';

function replace(files: ContentFile[], path: string, text: string | ((old: string) => string)): ContentFile[] {
  assert.ok(files.some((f) => f.path === path), `fixture has ${path}`);
  return files.map((f) => (f.path === path ? { path, text: typeof text === 'string' ? text : text(f.text) } : f));
}

function problemsOf(files: ContentFile[]): string[] {
  const result = compileCatalog(files);
  assert.equal(result.catalog, undefined, 'a catalog with problems must not be produced');
  return result.problems.map(formatProblem);
}

const Q = 'questions/basics/what-is-bias.md';

describe('compileCatalog', () => {
  it('compiles a valid tree, with computed order and bodies', () => {
    const { catalog, problems } = compileCatalog(validFiles());
    assert.deepEqual(problems, []);
    assert.ok(catalog);
    assert.deepEqual(
      catalog.topics.map((t) => t.id),
      ['basics', 'advanced'],
    );
    // Design questions come first within a topic.
    assert.deepEqual(
      catalog.questions.map((q) => q.id),
      ['draft-question', 'what-is-bias'],
    );
    const q = catalog.questions.find((x) => x.id === 'what-is-bias');
    assert.equal(q?.keyPoints.length, 4);
    assert.match(q?.body ?? '', /^## Short answer/);
    assert.equal(catalog.topics[0].shortTitle, 'Basics', 'shortTitle falls back to title');
  });

  it('reports a missing field with file and line', () => {
    const files = replace(validFiles(), Q, (t) => t.replace(/^summary: .*\n/m, ''));
    assert.deepEqual(problemsOf(files), [`${Q}:1: missing field "summary"`]);
  });

  it('reports an unknown field on its line, naming the allowed ones', () => {
    const files = replace(validFiles(), 'concepts/bias.md', (t) => t.replace('status:', 'keypoints: "x"\nstatus:'));
    const [problem] = problemsOf(files);
    assert.match(problem, /^concepts\/bias\.md:5: unknown field "keypoints" in a concept \(allowed: id, title, topic/);
  });

  it('reports bad values: enum, id shape, list items, word limits, integer', () => {
    let files = replace(validFiles(), Q, (t) => t.replace('difficulty: "beginner"', 'difficulty: "easy"'));
    files = replace(files, 'concepts/bias.md', (t) => t.replace('"Systematic error of a model."', JSON.stringify('word '.repeat(30))));
    files = replace(files, 'topics/basics.md', (t) => t.replace('order: 1', 'order: first'));
    files = replace(files, 'paths/start.md', (t) => t.replace('  - "advanced"', '  - "Advanced Topic"'));
    const problems = problemsOf(files);
    assert.ok(problems.includes(`${Q}:6: field "difficulty" must be one of beginner, intermediate, advanced, not "easy"`), problems.join('\n'));
    assert.ok(problems.includes('concepts/bias.md:6: field "oneLiner" has 30 words; at most 25 allowed'), problems.join('\n'));
    assert.ok(problems.includes('topics/basics.md:4: field "order" must be a whole number above 0, not "first"'), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('paths/start.md:5: field "topics" item 2 must be an id')), problems.join('\n'));
  });

  it('reports every problem at once, across files', () => {
    let files = replace(validFiles(), Q, (t) => t.replace(/^summary: .*\n/m, '').replace('format: "explain"', 'format: "essay"'));
    files = replace(files, 'concepts/bias.md', (t) => t.replace(/^oneLiner: .*\n/m, ''));
    assert.equal(problemsOf(files).length, 3);
  });

  it('reports duplicate ids naming both files', () => {
    const files = [...validFiles(), file('concepts/bias-2.md', { id: 'bias', title: 'Again', topic: 'basics', status: 'draft', oneLiner: 'x', aliases: [] }, 'x')];
    const problems = problemsOf(files);
    // Files are read in path order, so the second one met is reported.
    assert.ok(problems.includes('concepts/bias.md:2: duplicate id "bias": already used by concepts/bias-2.md'), problems.join('\n'));
    assert.ok(problems.includes('concepts/bias-2.md:2: id "bias" must match the file name "bias-2.md"'), problems.join('\n'));
  });

  it('reports links to unknown ids, in fields and in bodies, and links to the wrong kind', () => {
    let files = replace(validFiles(), Q, (t) => t.replace('  - "draft-question"', '  - "no-such-question"'));
    files = replace(files, 'concepts/bias.md', (t) => t.replace('mlprep:what-is-bias', 'mlprep:nowhere'));
    files = replace(files, 'paths/start.md', (t) => t.replace('topics:\n  - "basics"', 'topics:\n  - "bias"'));
    const problems = problemsOf(files);
    assert.ok(problems.includes(`${Q}:11: field "related" links to unknown id "no-such-question"`), problems.join('\n'));
    assert.ok(problems.includes('concepts/bias.md:10: link to unknown id "mlprep:nowhere"'), problems.join('\n'));
    assert.ok(problems.includes('paths/start.md:5: field "topics" must name a topic, but "bias" is a concept'), problems.join('\n'));
  });

  it('reports missing, empty, unexpected and out-of-order sections of a published question', () => {
    const body = '## Short answer\nShort.\n\n## Deep dive\n\n## Extra\nx\n\n## Follow-ups\n### Q\nA\n';
    const files = replace(validFiles(), Q, (t) => t.replace(publishedBody(), body));
    const problems = problemsOf(files);
    assert.ok(problems.includes(`${Q}:25: section "## Deep dive" is empty`), problems.join('\n'));
    assert.ok(problems.includes(`${Q}:27: unexpected section "## Extra" (a question has: ## Short answer, ## Deep dive, ## Trade-offs and pitfalls, ## Follow-ups)`), problems.join('\n'));
    assert.ok(problems.includes(`${Q}:22: missing section "## Trade-offs and pitfalls"`), problems.join('\n'));

    const swapped = '## Deep dive\nD\n## Short answer\nS\n## Trade-offs and pitfalls\nT\n## Follow-ups\nF\n';
    const order = problemsOf(replace(validFiles(), Q, (t) => t.replace(publishedBody(), swapped)));
    assert.deepEqual(order, [`${Q}:22: sections are out of order: expected ## Short answer, ## Deep dive, ## Trade-offs and pitfalls, ## Follow-ups`]);
  });

  it('checks a quick question against the quick sections', () => {
    const quick = '## Short answer\nS.\n\n## Details\nD.\n\n## Pitfalls\nP.\n\n## Follow-ups\n### Next?\nYes.\n';
    const ok = replace(validFiles(), Q, (t) => t.replace('format: "explain"', 'format: "quick"').replace(publishedBody(), quick));
    assert.deepEqual(compileCatalog(ok).problems, []);
    assert.equal(compileCatalog(ok).catalog?.questions.find((q) => q.id === 'what-is-bias')?.format, 'quick');
    const longShape = replace(validFiles(), Q, (t) => t.replace('format: "explain"', 'format: "quick"'));
    const problems = problemsOf(longShape);
    assert.ok(problems.includes(`${Q}:25: unexpected section "## Deep dive" (a question has: ## Short answer, ## Details, ## Pitfalls, ## Follow-ups)`), problems.join('\n'));
    assert.ok(problems.includes(`${Q}:22: missing section "## Pitfalls"`), problems.join('\n'));
  });

  it('files a question under a section its topic lists, and reports one it does not', () => {
    const withSections = (files: ContentFile[]) =>
      replace(files, 'topics/basics.md', (t) => t.replace('teaches:', 'sections:\n  - "Metrics"\n  - "Models"\nteaches:'));
    const filed = replace(withSections(validFiles()), Q, (t) => t.replace('format: "explain"', 'format: "explain"\nsection: "Models"'));
    const { catalog, problems } = compileCatalog(filed);
    assert.deepEqual(problems, []);
    assert.deepEqual(catalog?.topics[0].sections, ['Metrics', 'Models']);
    assert.equal(catalog?.questions.find((q) => q.id === 'what-is-bias')?.section, 'Models');
    assert.equal(catalog?.questions.find((q) => q.id === 'draft-question')?.section, '', 'no section: empty');

    const typo = replace(withSections(validFiles()), Q, (t) => t.replace('format: "explain"', 'format: "explain"\nsection: "Model"'));
    assert.deepEqual(problemsOf(typo), [`${Q}:6: field "section" is "Model"; it must be one of "Metrics", "Models"`]);
    const unlisted = replace(validFiles(), Q, (t) => t.replace('format: "explain"', 'format: "explain"\nsection: "Models"'));
    assert.deepEqual(problemsOf(unlisted), [`${Q}:6: field "section" is "Models"; it must be listed first under "sections" in topics/basics.md`]);
  });

  it('ignores headings inside fenced code when reading sections', () => {
    const body = publishedBody().replace('Deep.', '```python\n## not a section\n```');
    assert.deepEqual(compileCatalog(replace(validFiles(), Q, (t) => t.replace(publishedBody(), body))).problems, []);
  });

  it('requires a short tree label of a published question, at most 5 words and 28 characters, and falls back to the title for a draft', () => {
    const missing = replace(validFiles(), Q, (t) => t.replace(/^shortTitle: .*\n/m, ''));
    assert.deepEqual(problemsOf(missing), [`${Q}:1: missing field "shortTitle" (needed once status is published)`]);
    const wordy = replace(validFiles(), Q, (t) => t.replace(/^shortTitle: .*$/m, 'shortTitle: "one two three four five six"'));
    assert.match(problemsOf(wordy).join('\n'), /what-is-bias\.md:\d+: field "shortTitle" has 6 words; at most 5 allowed/);
    const wide = replace(validFiles(), Q, (t) => t.replace(/^shortTitle: .*$/m, 'shortTitle: "Extraordinarily longwinded labelling"'));
    assert.match(problemsOf(wide).join('\n'), /what-is-bias\.md:\d+: field "shortTitle" has 36 characters; at most 28 allowed/);
    const { catalog } = compileCatalog(validFiles());
    assert.equal(catalog?.questions.find((q) => q.id === 'what-is-bias')?.shortTitle, 'Bias');
    assert.equal(catalog?.questions.find((q) => q.id === 'draft-question')?.shortTitle, 'A draft?', 'a draft without one shows its title');
  });

  it('requires published-only fields once a question is published', () => {
    const files = replace(validFiles(), Q, (t) => t.replace(/keyPoints:\n( {2}- .*\n)+/, ''));
    assert.deepEqual(problemsOf(files), [`${Q}:1: missing field "keyPoints" (needed once status is published)`]);
  });

  it('reports YAML errors, missing front matter, misplaced files and a topic that does not match its folder', () => {
    let files = replace(validFiles(), 'topics/basics.md', '---\nid: basics\ntitle: [unclosed\n---\nx');
    files = replace(files, 'concepts/bias.md', 'No front matter here.');
    files = [...files, { path: 'notes/readme.md', text: 'x' }];
    files = replace(files, Q, (t) => t.replace('topic: "basics"', 'topic: "advanced"'));
    const problems = problemsOf(files);
    assert.ok(problems.some((p) => p.startsWith('topics/basics.md:') && p.includes('front matter is not valid YAML')), problems.join('\n'));
    assert.ok(problems.includes('concepts/bias.md:1: missing front matter: the file must start with a line "---"'), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('notes/readme.md:1: unexpected file')), problems.join('\n'));
    assert.ok(problems.includes(`${Q}:4: field "topic" is "advanced" but the file is in questions/basics/`), problems.join('\n'));
  });
});
