// Reads dist/exercises.json, compiled at build time. No vscode import.

import * as l10n from '@vscode/l10n';
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
    throw new Error(l10n.t('The exercises file is not valid JSON: {0}', (e as Error).message), { cause: e });
  }
  if (!isRecord(data)) {
    throw new Error(l10n.t('The exercises file is damaged: expected an object'));
  }
  if (data.schemaVersion !== 1) {
    throw new Error(l10n.t('The exercises file has an unsupported schemaVersion {0} (expected 1)', String(JSON.stringify(data.schemaVersion))));
  }
  if (!Array.isArray(data.exercises)) {
    throw new Error(l10n.t('The exercises file is damaged: field "exercises" is not a list'));
  }
  const ids = new Set<string>();
  const exercises = data.exercises.map((value, i) => {
    const exercise = checkExercise(value, i);
    if (ids.has(exercise.id)) {
      throw new Error(l10n.t('The exercises file is damaged: exercises[{0}] repeats the id "{1}"', i, exercise.id));
    }
    ids.add(exercise.id);
    return exercise;
  });
  return { schemaVersion: 1, exercises };
}

function checkExercise(value: unknown, index: number): Exercise {
  // Where in the file, "exercises[3] ("softmax") field "title"": the subject of each message below.
  const where = (field?: string) => {
    const entry = `exercises[${index}]${isRecord(value) && typeof value.id === 'string' ? ` ("${value.id}")` : ''}`;
    return field ? l10n.t({ message: '{0} field "{1}"', args: [entry, field], comment: ['A place in the exercises file: exercises[3] ("softmax") field "title"'] }) : entry;
  };
  if (!isRecord(value)) {
    throw new Error(l10n.t('The exercises file is damaged: {0} is not an object', where()));
  }
  for (const field of TEXT_FIELDS) {
    if (typeof value[field] !== 'string') {
      throw new Error(l10n.t('The exercises file is damaged: {0} must be a text', where(field)));
    }
  }
  if (value.id === '') {
    throw new Error(l10n.t('The exercises file is damaged: {0} is empty', where('id')));
  }
  if (typeof value.difficulty !== 'string' || !DIFFICULTIES.includes(value.difficulty)) {
    throw new Error(l10n.t('The exercises file is damaged: {0} must be one of {1}', where('difficulty'), DIFFICULTIES.join(', ')));
  }
  for (const field of LIST_FIELDS) {
    const list = value[field];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      throw new Error(l10n.t('The exercises file is damaged: {0} must be a list of texts', where(field)));
    }
  }
  const cases = value.testCases;
  if (!Array.isArray(cases)) {
    throw new Error(l10n.t('The exercises file is damaged: {0} must be a list', where('testCases')));
  }
  const bad = cases.findIndex((c) => !isTestCase(c));
  if (bad !== -1) {
    throw new Error(l10n.t('The exercises file is damaged: {0}: item {1} must have a name, a label and a line', where('testCases'), bad + 1));
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
