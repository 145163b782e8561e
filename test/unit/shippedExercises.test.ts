// CI check for the shipped exercises (content/exercises/): each compiles, its reference solution
// passes every hidden test and its starter fails at least one, run the way the extension runs
// them. Needs a Python with NumPy (scripts/ensurePython.ts provides one); without it this fails.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from '../../src/catalog/compile/compileCatalog';
import { compileExercises, EXERCISES_DIR, knownIdsOf } from '../../src/catalog/compile/compileExercises';
import type { Exercise, RunOutcome } from '../../src/exercises/exerciseTypes';
import { runExercise } from '../../src/exercises/runner/runExercise';
import { readExerciseFolders } from '../../src/catalog/compile/exerciseFolders';
import { HARNESS_DIR } from '../support/exerciseFixtures';
import { pythonForTests } from '../support/pythonForTests';
import { CONTENT_ROOT, shippedCatalog } from './helpers';

function compileShipped() {
  const read = readExerciseFolders(join(CONTENT_ROOT, EXERCISES_DIR));
  const catalog = shippedCatalog();
  const compiled = compileExercises(read.folders, knownIdsOf(catalog));
  return { folders: read.folders.length, exercises: [...compiled.exercises, ...compiled.drafts], problems: [...read.problems, ...compiled.problems] };
}

const describeOutcome = (o: RunOutcome) => JSON.stringify(o, null, 1).slice(0, 3000);

describe('shipped exercises', function () {
  this.timeout(60_000);
  const shipped = compileShipped();
  let python: string;
  let dir: string;

  before(() => {
    python = pythonForTests();
    dir = mkdtempSync(join(tmpdir(), 'mlprep-shipped-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function runAs(exercise: Exercise, source: string): Promise<RunOutcome> {
    // Named as the extension names an attempt: <exercises folder>/<id>.py.
    const attemptPath = join(dir, `${exercise.id}.py`);
    writeFileSync(attemptPath, source);
    return runExercise({ python, exercise, attemptPath, harnessDir: HARNESS_DIR });
  }

  it('compile without problems, every folder', () => {
    assert.deepEqual(shipped.problems.map(formatProblem), []);
    assert.equal(shipped.exercises.length, shipped.folders);
  });

  for (const exercise of shipped.exercises) {
    it(`${exercise.id}: the reference solution passes every hidden test`, async () => {
      const outcome = await runAs(exercise, exercise.solution);
      assert.ok(outcome.kind === 'completed', describeOutcome(outcome));
      const failing = outcome.results.filter((r) => r.status !== 'passed');
      assert.deepEqual(failing, [], `${exercise.id}/solution.py fails`);
      assert.equal(outcome.passed, exercise.testCases.length);
      assert.deepEqual(
        outcome.results.map((r) => [r.name, r.label]),
        exercise.testCases.map((c) => [c.name, c.label]),
        'the compiled test cases are the ones the harness runs, with the same labels',
      );
    });

    it(`${exercise.id}: the starter loads and fails at least one hidden test`, async () => {
      const outcome = await runAs(exercise, exercise.starter);
      assert.ok(outcome.kind === 'completed', `the starter must load and run: ${describeOutcome(outcome)}`);
      assert.ok(outcome.failed >= 1, `${exercise.id}/starter.py passes every test`);
    });
  }
});
