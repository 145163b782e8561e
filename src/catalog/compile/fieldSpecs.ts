// What each kind of content file may and must carry in its front matter.
// docs/content-format.md documents the same rules for writers; keep the two in step.

export type EntryKind = 'topic' | 'question' | 'concept' | 'path';

export type FieldType =
  | { readonly type: 'string'; readonly maxWords?: number; readonly maxChars?: number }
  | { readonly type: 'id' }
  | { readonly type: 'integer' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list'; readonly minItems?: number; readonly maxItems?: number }
  | { readonly type: 'idList'; readonly maxItems?: number };

/** `published`: required only when `status: published`. */
export type Requirement = 'required' | 'optional' | 'published';

export interface FieldSpec {
  readonly requirement: Requirement;
  readonly field: FieldType;
  /** The requirement holds for shipped content only: a user's own file may leave it out. */
  readonly shippedOnly?: boolean;
}

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export const STATUSES = ['draft', 'published'] as const;
export const FORMATS = ['design', 'explain', 'quick'] as const;

export const QUESTION_SECTIONS = ['Short answer', 'Deep dive', 'Trade-offs and pitfalls', 'Follow-ups'] as const;
/** The shorter shape of a fundamentals question (`format: quick`). */
export const QUICK_SECTIONS = ['Short answer', 'Details', 'Pitfalls', 'Follow-ups'] as const;

export function sectionsFor(format: unknown): readonly string[] {
  return format === 'quick' ? QUICK_SECTIONS : QUESTION_SECTIONS;
}

/** Longest question label that fits the Topics view at its default width, two levels deep. */
export const QUESTION_SHORT_TITLE_MAX_CHARS = 28;

const id: FieldSpec = { requirement: 'required', field: { type: 'id' } };
const title: FieldSpec = { requirement: 'required', field: { type: 'string', maxWords: 40 } };
const difficulty: FieldSpec = { requirement: 'required', field: { type: 'enum', values: DIFFICULTIES } };
const status: FieldSpec = { requirement: 'required', field: { type: 'enum', values: STATUSES } };
const tags: FieldSpec = { requirement: 'optional', field: { type: 'list' } };
const sources: FieldSpec = { requirement: 'published', field: { type: 'list', minItems: 1 } };

export const FIELD_SPECS: Record<EntryKind, Record<string, FieldSpec>> = {
  topic: {
    id,
    title,
    shortTitle: { requirement: 'optional', field: { type: 'string', maxWords: 4 } },
    order: { requirement: 'required', field: { type: 'integer' } },
    difficulty,
    teaches: { requirement: 'required', field: { type: 'list', minItems: 1 } },
    sections: { requirement: 'optional', field: { type: 'list' } },
  },
  question: {
    id,
    title,
    // The tree's label: it has to fit the default sidebar width beside the difficulty.
    shortTitle: { requirement: 'published', shippedOnly: true, field: { type: 'string', maxWords: 5, maxChars: QUESTION_SHORT_TITLE_MAX_CHARS } },
    topic: { requirement: 'required', field: { type: 'id' } },
    format: { requirement: 'required', field: { type: 'enum', values: FORMATS } },
    section: { requirement: 'optional', field: { type: 'string', maxWords: 5 } },
    difficulty,
    status,
    summary: { requirement: 'required', field: { type: 'string', maxWords: 40 } },
    tags,
    concepts: { requirement: 'published', field: { type: 'idList' } },
    related: { requirement: 'published', field: { type: 'idList' } },
    prerequisites: { requirement: 'optional', field: { type: 'idList' } },
    keyPoints: { requirement: 'published', field: { type: 'list', minItems: 4, maxItems: 8 } },
    sources,
  },
  concept: {
    id,
    title,
    topic: { requirement: 'required', field: { type: 'id' } },
    status,
    oneLiner: { requirement: 'required', field: { type: 'string', maxWords: 25 } },
    aliases: { requirement: 'required', field: { type: 'list' } },
    tags,
    related: { requirement: 'optional', field: { type: 'idList' } },
    sources,
  },
  path: {
    id,
    title,
    order: { requirement: 'required', field: { type: 'integer' } },
    topics: { requirement: 'required', field: { type: 'idList' } },
    firstQuestions: { requirement: 'optional', field: { type: 'idList', maxItems: 20 } },
  },
};

/** An implement-it exercise's exercise.md (content/exercises/<id>/); see docs/content-format.md. */
export const EXERCISE_FIELDS: Record<string, FieldSpec> = {
  id,
  title,
  // The tree shows it beside a status; longer titles get cut.
  shortTitle: { requirement: 'required', field: { type: 'string', maxChars: 24 } },
  topic: { requirement: 'required', field: { type: 'id' } },
  difficulty,
  status,
  summary: { requirement: 'required', field: { type: 'string', maxWords: 40 } },
  functions: { requirement: 'required', field: { type: 'list', minItems: 1 } },
  concepts: { requirement: 'published', field: { type: 'idList' } },
  questions: { requirement: 'optional', field: { type: 'idList' } },
  keyPoints: { requirement: 'published', field: { type: 'list', minItems: 3, maxItems: 6 } },
  sources,
};

export const EXERCISE_SECTIONS = ['Task', 'Signature and shapes', 'Constraints', 'Hints', 'Follow-ups'] as const;
