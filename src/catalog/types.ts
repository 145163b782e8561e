// The compiled catalog: what build-content writes to dist/catalog.json and the extension reads.

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';
export type Status = 'draft' | 'published';
export type QuestionFormat = 'design' | 'explain' | 'quick';

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly order: number;
  readonly difficulty: Difficulty;
  readonly teaches: readonly string[];
  /** Ordered names of the folders its questions are grouped into; may be empty. */
  readonly sections: readonly string[];
  readonly body: string;
}

export interface Question {
  readonly id: string;
  readonly title: string;
  /** The tree's label, a few words; the title when a draft or user file has none. */
  readonly shortTitle: string;
  readonly topic: string;
  readonly format: QuestionFormat;
  /** One of its topic's sections, or '' when the question has none. */
  readonly section: string;
  readonly difficulty: Difficulty;
  readonly status: Status;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly concepts: readonly string[];
  readonly related: readonly string[];
  readonly prerequisites: readonly string[];
  readonly keyPoints: readonly string[];
  readonly sources: readonly string[];
  readonly body: string;
}

export interface Concept {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly status: Status;
  readonly oneLiner: string;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly related: readonly string[];
  readonly sources: readonly string[];
  readonly body: string;
}

export interface StudyPath {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  readonly topics: readonly string[];
  readonly firstQuestions: readonly string[];
  readonly body: string;
}

export interface CatalogData {
  readonly schemaVersion: 1;
  readonly topics: readonly Topic[];
  readonly questions: readonly Question[];
  readonly concepts: readonly Concept[];
  readonly paths: readonly StudyPath[];
}

export type Entry =
  | { readonly kind: 'question'; readonly item: Question }
  | { readonly kind: 'concept'; readonly item: Concept };
