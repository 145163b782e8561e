// Reads dist/exercises.json, compiled at build time. No vscode import.

import { isRecord } from '../util/isRecord';
import type { Exercise, ExerciseData, ExerciseTestCase } from './exerciseTypes';

const TEXT_FIELDS = ['id', 'title', 'shortTitle', 'topic', 'summary', 'statement', 'starter', 'solution', 'tests'] as const;
const LIST_FIELDS = ['functions', 'concepts', 'questions', 'keyPoints', 'sources'] as const;
const DIFFICULTIES: readonly string[] = ['beginner', 'intermediate', 'advanced'];

/**
 * Parses and checks the compiled exercises. The build validated every field; this guards against
 * a truncated or foreign file. Throws an Error whose message names the bad entry and field.
 */
export function parseExerciseData(json: string): ExerciseData {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`The exercises file is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!isRecord(data)) {
    throw new Error('The exercises file is damaged: expected an object');
  }
  if (data.schemaVersion !== 1) {
    throw new Error(`The exercises file has an unsupported schemaVersion ${JSON.stringify(data.schemaVersion)} (expected 1)`);
  }
  if (!Array.isArray(data.exercises)) {
    throw new Error('The exercises file is damaged: field "exercises" is not a list');
  }
  const ids = new Set<string>();
  const exercises = data.exercises.map((value, i) => {
    const exercise = checkExercise(value, i);
    if (ids.has(exercise.id)) {
      throw new Error(`The exercises file is damaged: exercises[${i}] repeats the id "${exercise.id}"`);
    }
    ids.add(exercise.id);
    return exercise;
  });
  return { schemaVersion: 1, exercises };
}

function checkExercise(value: unknown, index: number): Exercise {
  const where = (field?: string) => {
    const id = isRecord(value) && typeof value.id === 'string' ? ` ("${value.id}")` : '';
    return `The exercises file is damaged: exercises[${index}]${id}${field ? ` field "${field}"` : ''}`;
  };
  if (!isRecord(value)) {
    throw new Error(`${where()} is not an object`);
  }
  for (const field of TEXT_FIELDS) {
    if (typeof value[field] !== 'string') {
      throw new Error(`${where(field)} must be a text`);
    }
  }
  if (value.id === '') {
    throw new Error(`${where('id')} is empty`);
  }
  if (typeof value.difficulty !== 'string' || !DIFFICULTIES.includes(value.difficulty)) {
    throw new Error(`${where('difficulty')} must be one of ${DIFFICULTIES.join(', ')}`);
  }
  for (const field of LIST_FIELDS) {
    const list = value[field];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      throw new Error(`${where(field)} must be a list of texts`);
    }
  }
  const cases = value.testCases;
  if (!Array.isArray(cases)) {
    throw new Error(`${where('testCases')} must be a list`);
  }
  const bad = cases.findIndex((c) => !isTestCase(c));
  if (bad !== -1) {
    throw new Error(`${where('testCases')}: item ${bad + 1} must have a name, a label and a line`);
  }
  return value as unknown as Exercise;
}

function isTestCase(value: unknown): value is ExerciseTestCase {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    value.name !== '' &&
    typeof value.label === 'string' &&
    typeof value.line === 'number' &&
    Number.isInteger(value.line) &&
    value.line >= 1
  );
}
