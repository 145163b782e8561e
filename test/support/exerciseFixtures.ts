// The exercise fixtures under test/fixtures/exercises/, compiled, for the compiler and runner tests.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { compileExercises, ExerciseFolder, KnownIds } from '../../src/catalog/compile/compileExercises';
import type { Exercise } from '../../src/exercises/exerciseTypes';
import { readExerciseFolders } from '../../src/catalog/compile/exerciseFolders';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'exercises');
export const ATTEMPTS = join(FIXTURES, 'attempts');
export const HARNESS_DIR = join(__dirname, '..', '..', 'media', 'python');

/** The ids the good fixture links to. */
export const FIXTURE_IDS: KnownIds = {
  topics: new Set(['basics']),
  concepts: new Set(['bias']),
  questions: new Set(['what-is-bias']),
};

/** test/fixtures/exercises/good/add-one, as the build reads it. */
export function goodFolder(): ExerciseFolder {
  const { folders, problems } = readExerciseFolders(join(FIXTURES, 'good'));
  assert.deepEqual(problems, []);
  const folder = folders.find((f) => f.folder === 'add-one');
  assert.ok(folder, 'the add-one fixture exists');
  return folder;
}

export function goodExercise(): Exercise {
  const { exercises, problems } = compileExercises([goodFolder()], FIXTURE_IDS);
  assert.deepEqual(problems, []);
  return exercises[0];
}
