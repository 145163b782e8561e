// The Topics view's facet filter: pure, so it is unit-tested without VS Code.
import { DIFFICULTIES, FORMATS } from '../catalog/compile/fieldSpecs';
import type { Difficulty, Question, QuestionFormat } from '../catalog/types';

export const STATES = ['practiced', 'unpracticed', 'due'] as const;
export type PracticeState = (typeof STATES)[number];

/** Values picked per facet. Within a facet any value matches (or); across facets all must (and). */
export interface QuestionFilter {
  readonly difficulties: readonly Difficulty[];
  readonly formats: readonly QuestionFormat[];
  readonly tags: readonly string[];
  readonly states: readonly PracticeState[];
}

export const NO_FILTER: QuestionFilter = { difficulties: [], formats: [], tags: [], states: [] };

export const STATE_LABELS: Record<PracticeState, string> = { practiced: 'practiced', unpracticed: 'not yet practiced', due: 'due' };

/** What a question's state is, read from the study store. */
export interface QuestionState {
  readonly isPracticed: (id: string) => boolean;
  readonly isDue: (id: string) => boolean;
}

export function isFilterActive(filter: QuestionFilter): boolean {
  return filter.difficulties.length + filter.formats.length + filter.tags.length + filter.states.length > 0;
}

export function matchesFilter(question: Question, filter: QuestionFilter, state: QuestionState): boolean {
  const stateOf = (s: PracticeState): boolean =>
    s === 'practiced' ? state.isPracticed(question.id) : s === 'unpracticed' ? !state.isPracticed(question.id) : state.isDue(question.id);
  return (
    (filter.difficulties.length === 0 || filter.difficulties.includes(question.difficulty)) &&
    (filter.formats.length === 0 || filter.formats.includes(question.format)) &&
    (filter.tags.length === 0 || question.tags.some((t) => filter.tags.includes(t))) &&
    (filter.states.length === 0 || filter.states.some(stateOf))
  );
}

/** The picked values in facet order, as the view's description shows them ("advanced, design, #rag"). */
export function describeFilter(filter: QuestionFilter): string {
  return [...filter.difficulties, ...filter.formats, ...filter.states.map((s) => STATE_LABELS[s]), ...filter.tags.map((t) => `#${t}`)].join(', ');
}

/**
 * Reads a filter stored in workspace state by an earlier session. Anything unknown (a value from a
 * hand-edited or older store) is dropped rather than trusted; nothing valid gives NO_FILTER.
 */
export function parseStoredFilter(value: unknown): QuestionFilter {
  if (typeof value !== 'object' || value === null) {
    return NO_FILTER;
  }
  const record = value as Record<string, unknown>;
  const pick = <T extends string>(key: string, allowed?: readonly T[]): T[] => {
    const raw = record[key];
    if (!Array.isArray(raw)) {
      return [];
    }
    const strings = raw.filter((v): v is T => typeof v === 'string' && v !== '' && (allowed === undefined || (allowed as readonly string[]).includes(v)));
    return [...new Set(strings)];
  };
  return { difficulties: pick('difficulties', DIFFICULTIES), formats: pick('formats', FORMATS), tags: pick('tags'), states: pick('states', STATES) };
}

/** Every tag the questions use, sorted, for the picker. */
export function allTags(questions: readonly Question[]): string[] {
  return [...new Set(questions.flatMap((q) => q.tags))].sort((a, b) => a.localeCompare(b, 'en'));
}
