import * as assert from 'node:assert/strict';
import { parseExerciseData } from '../../src/exercises/loadExercises';
import { goodExercise } from '../support/exerciseFixtures';

const data = () => ({ schemaVersion: 1, exercises: [goodExercise()] });

function broken(change: (exercise: Record<string, unknown>) => void): string {
  const d = data();
  const exercise = { ...d.exercises[0] } as Record<string, unknown>;
  change(exercise);
  return JSON.stringify({ ...d, exercises: [exercise] });
}

describe('parseExerciseData', () => {
  it('reads what the build writes, unchanged', () => {
    assert.deepEqual(parseExerciseData(JSON.stringify(data())), data());
    assert.deepEqual(parseExerciseData('{"schemaVersion":1,"exercises":[]}'), { schemaVersion: 1, exercises: [] });
  });

  it('throws a clear message for text that is not JSON, another version or a wrong shape', () => {
    assert.throws(() => parseExerciseData('{"schemaVersion":1,'), /^Error: The exercises file is not valid JSON: /);
    assert.throws(() => parseExerciseData('[]'), /expected an object/);
    assert.throws(() => parseExerciseData('{"schemaVersion":2,"exercises":[]}'), /unsupported schemaVersion 2 \(expected 1\)/);
    assert.throws(() => parseExerciseData('{"schemaVersion":1}'), /field "exercises" is not a list/);
    assert.throws(() => parseExerciseData('{"schemaVersion":1,"exercises":[3]}'), /exercises\[0\] is not an object/);
  });

  it('names the exercise and the field that is wrong', () => {
    assert.throws(
      () =>
        parseExerciseData(
          broken((e) => {
            delete e.tests;
          }),
        ),
      /exercises\[0\] \("add-one"\) field "tests" must be a text/,
    );
    assert.throws(() => parseExerciseData(broken((e) => (e.difficulty = 'easy'))), /field "difficulty" must be one of beginner, intermediate, advanced/);
    assert.throws(() => parseExerciseData(broken((e) => (e.functions = ['f', 2]))), /field "functions" must be a list of texts/);
    assert.throws(() => parseExerciseData(broken((e) => (e.testCases = [{ name: 'test_a', label: 'A', line: 0 }]))), /field "testCases": item 1 must have a name, a label and a line/);
    assert.throws(() => parseExerciseData(broken((e) => (e.id = ''))), /field "id" is empty/);
  });

  it('refuses an id given twice', () => {
    const d = data();
    assert.throws(() => parseExerciseData(JSON.stringify({ ...d, exercises: [d.exercises[0], d.exercises[0]] })), /exercises\[1\] repeats the id "add-one"/);
  });
});
