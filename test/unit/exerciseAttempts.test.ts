import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  attemptPath,
  DEFAULT_EXERCISES_FOLDER,
  exerciseIdOfAttempt,
  exercisesFolderPath,
  findFunctions,
  functionUnderTest,
  startAttempt,
} from '../../src/exercises/attemptFiles';
import { sampleExercise } from './exerciseFixture';

describe('exercise attempts', () => {
  const home = path.join(path.sep, 'home', 'ada');

  describe('exercisesFolderPath', () => {
    it('defaults to a visible folder in the home folder, not the workspace', () => {
      assert.equal(exercisesFolderPath('', home, '/work/project'), path.join(home, DEFAULT_EXERCISES_FOLDER));
      assert.equal(exercisesFolderPath('   ', home, undefined), path.join(home, 'ml-interview-prep', 'exercises'));
    });

    it('expands ~, keeps absolute paths, resolves relative ones against the workspace folder', () => {
      assert.equal(exercisesFolderPath('~', home, undefined), home);
      assert.equal(exercisesFolderPath('~/practice', home, undefined), path.join(home, 'practice'));
      assert.equal(exercisesFolderPath('/data/ex/', home, '/work/project'), path.normalize('/data/ex/'));
      assert.equal(exercisesFolderPath('exercises', home, '/work/project'), path.resolve('/work/project', 'exercises'));
      assert.equal(exercisesFolderPath('exercises', home, undefined), path.resolve(home, 'exercises'));
    });
  });

  it('maps only <folder>/<known id>.py back to an exercise', () => {
    const folder = path.join(home, 'ex');
    const known = (id: string) => id === 'stable-softmax';
    assert.equal(exerciseIdOfAttempt(attemptPath(folder, 'stable-softmax'), folder, known), 'stable-softmax');
    assert.equal(exerciseIdOfAttempt(path.join(folder, 'stable-softmax.py'), folder + path.sep, known), 'stable-softmax');
    assert.equal(exerciseIdOfAttempt(path.join(folder, 'other.py'), folder, known), undefined);
    assert.equal(exerciseIdOfAttempt(path.join(folder, 'sub', 'stable-softmax.py'), folder, known), undefined);
    assert.equal(exerciseIdOfAttempt(path.join(folder, 'stable-softmax.txt'), folder, known), undefined);
  });

  describe('startAttempt', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlprep-attempt-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('creates the folder and copies the starter', async () => {
      const folder = path.join(dir, 'a', 'b');
      const result = await startAttempt(folder, 'stable-softmax', 'def softmax(x):\n    raise NotImplementedError\n');
      assert.deepEqual(result, { created: true, path: path.join(folder, 'stable-softmax.py') });
      assert.equal(fs.readFileSync(result.path, 'utf8'), 'def softmax(x):\n    raise NotImplementedError\n');
    });

    it('never overwrites an existing attempt', async () => {
      fs.writeFileSync(path.join(dir, 'stable-softmax.py'), 'my work');
      const result = await startAttempt(dir, 'stable-softmax', 'starter');
      assert.equal(result.created, false);
      assert.equal(fs.readFileSync(result.path, 'utf8'), 'my work');
    });
  });

  it('finds each top-level def of the listed functions, in file order, once', () => {
    const text = 'import numpy as np\n\ndef helper():\n    def softmax(x):\n        pass\n\nasync def logsumexp(x):\n    pass\r\ndef softmax (x):\n    pass\ndef softmax(x):\n    pass\n';
    assert.deepEqual(findFunctions(text, ['softmax', 'logsumexp']), [
      { name: 'logsumexp', line: 6, column: 10 },
      { name: 'softmax', line: 8, column: 4 },
    ]);
    assert.deepEqual(findFunctions('', ['softmax']), []);
  });

  it('places each test on the function it calls', () => {
    const e = sampleExercise();
    assert.equal(functionUnderTest(e.tests, 5, e.functions), 'softmax');
    assert.equal(functionUnderTest(e.tests, 10, e.functions), 'logsumexp');
    // A test calling nothing known falls back to the first function.
    assert.equal(functionUnderTest('def test_x(m):\n    assert True\n', 1, ['f', 'g']), 'f');
    // The body ends at the next top-level statement: the next test's call does not count.
    assert.equal(functionUnderTest('def test_a(m):\n    pass\ndef test_b(m):\n    m.g(1)\n', 1, ['f', 'g']), 'f');
  });
});
