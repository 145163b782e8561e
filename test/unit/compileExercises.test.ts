import * as assert from 'node:assert/strict';
import { formatProblem } from '../../src/catalog/compile/compileCatalog';
import { compileExercises, ExerciseFolder, KnownIds, PY_FILE_LIMIT_CHARS } from '../../src/catalog/compile/compileExercises';
import { FIXTURE_IDS, goodFolder } from '../support/exerciseFixtures';

type FileName = 'exercise.md' | 'starter.py' | 'solution.py' | 'tests.py';

function edit(folder: ExerciseFolder, name: FileName, change: (text: string) => string): ExerciseFolder {
  const old = folder.files[name];
  assert.ok(old !== undefined, `fixture has ${name}`);
  const text = change(old);
  assert.notEqual(text, old, `the edit of ${name} changed something`);
  return { ...folder, files: { ...folder.files, [name]: text } };
}

function problemsOf(folder: ExerciseFolder, known: KnownIds = FIXTURE_IDS): string[] {
  const result = compileExercises([folder], known);
  assert.deepEqual(result.exercises, [], 'an exercise with problems is not compiled');
  assert.ok(result.problems.length > 0);
  return result.problems.map(formatProblem);
}

const MD = 'exercises/add-one/exercise.md';

describe('compileExercises', () => {
  it('compiles the good fixture: fields, statement, files verbatim, test cases with labels and lines', () => {
    const folder = goodFolder();
    const { exercises, drafts, problems } = compileExercises([folder], FIXTURE_IDS);
    assert.deepEqual(problems, []);
    assert.deepEqual(drafts, []);
    assert.equal(exercises.length, 1);
    const [e] = exercises;
    assert.equal(e.id, 'add-one');
    assert.equal(e.title, 'Add one to every element');
    assert.equal(e.shortTitle, 'Add one');
    assert.equal(e.topic, 'basics');
    assert.equal(e.difficulty, 'beginner');
    assert.deepEqual(e.functions, ['add_one', 'add_two']);
    assert.deepEqual(e.concepts, ['bias']);
    assert.deepEqual(e.questions, ['what-is-bias']);
    assert.equal(e.keyPoints.length, 3);
    assert.equal(e.sources.length, 1);
    assert.match(e.statement, /^## Task\nReturn \$x \+ 1\$/);
    assert.equal(e.starter, folder.files['starter.py']);
    assert.equal(e.solution, folder.files['solution.py']);
    assert.equal(e.tests, folder.files['tests.py']);
    assert.deepEqual(e.testCases, [
      { name: 'test_scalar', label: 'Adds one to a number', line: 5 },
      { name: 'test_array', label: 'Keeps the shape of an array', line: 10 },
      { name: 'test_add_two', label: 'add two', line: 21 },
    ]);
  });

  it('zero folders is valid', () => {
    assert.deepEqual(compileExercises([], FIXTURE_IDS), { exercises: [], drafts: [], problems: [] });
  });

  it('reads CRLF files and a byte-order mark with the same lines', () => {
    let folder = edit(goodFolder(), 'tests.py', (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    folder = edit(folder, 'exercise.md', (t) => t.replace(/\n/g, '\r\n'));
    const { exercises, problems } = compileExercises([folder], FIXTURE_IDS);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      exercises[0].testCases.map((c) => [c.label, c.line]),
      [
        ['Adds one to a number', 5],
        ['Keeps the shape of an array', 10],
        ['add two', 21],
      ],
    );
  });

  it('puts a draft in drafts, not in exercises, and asks fewer fields of it', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) => t.replace('status: published', 'status: draft').replace(/^keyPoints:\n( {2}- .*\n)+/m, ''));
    const { exercises, drafts, problems } = compileExercises([folder], FIXTURE_IDS);
    assert.deepEqual(problems, []);
    assert.deepEqual(exercises, []);
    assert.deepEqual(
      drafts.map((d) => d.id),
      ['add-one'],
    );
  });

  it('reports a missing field, and an unknown one on its line', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) => t.replace(/^summary: .*\n/m, '').replace('status:', 'hint: "x"\nstatus:'));
    const problems = problemsOf(folder);
    assert.ok(problems.includes(`${MD}:1: missing field "summary"`), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith(`${MD}:7: unknown field "hint" in an exercise (allowed: id, title, shortTitle,`)), problems.join('\n'));
  });

  it('reports bad types and values on their lines: enum, list, shortTitle length, key point count', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) =>
      t
        .replace('difficulty: beginner', 'difficulty: easy')
        .replace('shortTitle: "Add one"', 'shortTitle: "Add one to every single element"')
        .replace(/^functions:\n {2}- add_one\n {2}- add_two/m, 'functions: add_one')
        .replace('  - "Floats stay floats"\n', ''),
    );
    const problems = problemsOf(folder);
    for (const expected of [
      `${MD}:4: field "shortTitle" has 31 characters; at most 24 allowed`,
      `${MD}:6: field "difficulty" must be one of beginner, intermediate, advanced, not "easy"`,
      `${MD}:9: field "functions" must be a list ("- item" lines)`,
      `${MD}:14: field "keyPoints" has 2 items; at least 3 needed`,
    ]) {
      assert.ok(problems.includes(expected), `${expected}\nin\n${problems.join('\n')}`);
    }
  });

  it('reports a function name that is not a Python name', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) => t.replace('  - add_two', '  - add-two'));
    assert.deepEqual(problemsOf(folder), [`${MD}:9: field "functions" item 2 must be a Python function name, not "add-two"`]);
  });

  it('reports an id that is not the folder name, and one a catalog entry already has', () => {
    const renamed = edit(goodFolder(), 'exercise.md', (t) => t.replace('id: add-one', 'id: add-two'));
    assert.deepEqual(problemsOf(renamed), [`${MD}:2: id "add-two" must match the folder name "add-one"`]);
    const clash = problemsOf(goodFolder(), { ...FIXTURE_IDS, questions: new Set(['what-is-bias', 'add-one']) });
    assert.deepEqual(clash, [`${MD}:2: id "add-one" is already used by a question; exercise ids must be unique in the catalog`]);
  });

  it('reports links to a topic, concepts and questions that do not exist, or of the wrong kind', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) =>
      t.replace('topic: basics', 'topic: advanced').replace('  - bias\n', '  - bias\n  - no-such-concept\n').replace('  - what-is-bias', '  - bias').replace('(mlprep:bias)', '(mlprep:nowhere)'),
    );
    assert.deepEqual(problemsOf(folder), [
      `${MD}:5: field "topic" links to unknown topic "advanced"`,
      `${MD}:12: field "concepts" links to unknown id "no-such-concept"`,
      `${MD}:15: field "questions" must name a question, but "bias" is a concept`,
      `${MD}:25: link to unknown id "mlprep:nowhere"`,
    ]);
  });

  it('reports a missing, an empty and an unexpected section of a published statement', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) => t.replace('## Hints\nBroadcasting.\n', '').replace('NumPy only.\n', '## Examples\nx\n'));
    assert.deepEqual(problemsOf(folder), [
      `${MD}:29: section "## Constraints" is empty`,
      `${MD}:30: unexpected section "## Examples" (an exercise has: ## Task, ## Signature and shapes, ## Constraints, ## Hints, ## Follow-ups)`,
      `${MD}:23: missing section "## Hints"`,
    ]);
  });

  it('reports front matter that is not YAML on its line', () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) => t.replace('title: "Add one to every element"', 'title: [unclosed'));
    const problems = problemsOf(folder);
    assert.ok(problems.every((p) => p.startsWith(`${MD}:`)), problems.join('\n'));
    assert.ok(problems.some((p) => /front matter is not valid YAML/.test(p)), problems.join('\n'));
  });

  it('reports a listed function that starter.py or solution.py does not define at the top level', () => {
    let folder = edit(goodFolder(), 'starter.py', (t) => t.replace('def add_two(', 'def add_three('));
    folder = edit(folder, 'solution.py', (t) => t.replace('def add_one(x', 'class X:\n    def add_one(self, x'));
    assert.deepEqual(problemsOf(folder), [
      'exercises/add-one/starter.py:1: function "add_two" (listed in exercise.md line 9) is not defined at the top level: add "def add_two(" at column 0',
      'exercises/add-one/solution.py:1: function "add_one" (listed in exercise.md line 9) is not defined at the top level: add "def add_one(" at column 0',
    ]);
  });

  it("reports functions listed in another order than starter.py's", () => {
    const folder = edit(goodFolder(), 'exercise.md', (t) => t.replace('  - add_one\n  - add_two', '  - add_two\n  - add_one'));
    assert.deepEqual(problemsOf(folder), [`${MD}:9: field "functions" must list the functions in starter.py's order: add_one, add_two`]);
  });

  it('reports tests.py without tests, with a test of the wrong signature, a test defined twice, and an import of the solution', () => {
    const none = edit(goodFolder(), 'tests.py', () => 'import numpy as np\n\n\ndef helper(m):\n    pass\n');
    assert.deepEqual(problemsOf(none), ['exercises/add-one/tests.py:1: no tests: add at least one top-level "def test_<name>(m):"']);
    const bad = edit(goodFolder(), 'tests.py', (t) =>
      t.replace('def test_scalar(m):', 'def test_scalar(m, n):').replace('def test_add_two(m):', 'def test_array(m):').replace('import numpy as np', 'import numpy as np\nfrom solution import add_one'),
    );
    assert.deepEqual(problemsOf(bad), [
      'exercises/add-one/tests.py:6: test "test_scalar" must take exactly one parameter, the user\'s module: "def test_scalar(m):"',
      'exercises/add-one/tests.py:22: test "test_array" is defined twice (first on line 11); Python keeps only the last one',
      'exercises/add-one/tests.py:2: the hidden tests must not import solution.py: compute expected values inside the test',
    ]);
  });

  it('reports an async test, which the harness would count as passed', () => {
    const folder = edit(goodFolder(), 'tests.py', (t) => `${t}\n\nasync def test_later(m):\n    pass\n`);
    assert.deepEqual(problemsOf(folder), ['exercises/add-one/tests.py:25: test "test_later" must be a plain function, not async: the tests run synchronously']);
  });

  it('reports missing files, unexpected files, a bad folder name and a file over the size cap', () => {
    const good = goodFolder();
    const rest = Object.fromEntries(Object.entries(good.files).filter(([name]) => name !== 'tests.py' && name !== 'solution.py'));
    const folder: ExerciseFolder = { folder: 'Add_One', files: { ...rest, 'notes.txt': 'x', 'data/big.npy': 'x', 'starter.py': 'x'.repeat(PY_FILE_LIMIT_CHARS + 1) } };
    const problems = compileExercises([folder], FIXTURE_IDS).problems.map(formatProblem);
    assert.deepEqual(problems, [
      'exercises/Add_One:1: folder name "Add_One" must be an id in lower-case kebab-case (like "stable-softmax")',
      'exercises/Add_One/data/big.npy:1: unexpected file: an exercise folder holds only exercise.md, starter.py, solution.py, tests.py',
      'exercises/Add_One/notes.txt:1: unexpected file: an exercise folder holds only exercise.md, starter.py, solution.py, tests.py',
      'exercises/Add_One/starter.py:1: file is too large: 200,001 characters, at most 200,000',
      'exercises/Add_One/solution.py:1: missing file: every exercise needs exercise.md, starter.py, solution.py, tests.py',
      'exercises/Add_One/tests.py:1: missing file: every exercise needs exercise.md, starter.py, solution.py, tests.py',
      'exercises/Add_One/exercise.md:2: id "add-one" must match the folder name "Add_One"',
    ]);
  });

  it('keeps a valid exercise when another one has problems, and sorts by folder', () => {
    const good = goodFolder();
    const other: ExerciseFolder = { folder: 'aaa-broken', files: {} };
    const { exercises, problems } = compileExercises([good, other], FIXTURE_IDS);
    assert.deepEqual(
      exercises.map((e) => e.id),
      ['add-one'],
    );
    assert.equal(problems.length, 4);
    assert.ok(problems.every((p) => p.file.startsWith('exercises/aaa-broken/')));
  });
});
