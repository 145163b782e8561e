import type { CatalogData, Concept, Entry, Question, StudyPath, Topic } from './types';

/** Read-only view of the compiled catalog with the look-ups the UI needs. */
export class Catalog {
  private readonly topicsById = new Map<string, Topic>();
  private readonly questionsById = new Map<string, Question>();
  private readonly conceptsById = new Map<string, Concept>();
  private readonly questionsByTopic = new Map<string, Question[]>();
  private readonly questionsByConcept = new Map<string, Question[]>();

  private readonly loadedBodies = new Map<string, string>();

  /**
   * `loadBody` reads a question's or concept's body on first use, for catalogs that ship without
   * bodies (the built one keeps them in dist/bodies/, so loading the catalog stays fast).
   */
  constructor(
    private readonly catalogData: CatalogData,
    private readonly loadBody?: (id: string) => string | undefined,
  ) {
    for (const t of catalogData.topics) {
      this.topicsById.set(t.id, t);
      this.questionsByTopic.set(t.id, []);
    }
    for (const c of catalogData.concepts) {
      this.conceptsById.set(c.id, c);
    }
    for (const q of catalogData.questions) {
      this.questionsById.set(q.id, q);
      this.questionsByTopic.get(q.topic)?.push(q);
      for (const c of q.concepts) {
        const list = this.questionsByConcept.get(c) ?? [];
        list.push(q);
        this.questionsByConcept.set(c, list);
      }
    }
  }

  /** The plain data, e.g. to merge user content into. */
  get data(): CatalogData {
    return this.catalogData;
  }

  get topics(): readonly Topic[] {
    return this.catalogData.topics;
  }
  get questions(): readonly Question[] {
    return this.catalogData.questions;
  }
  get concepts(): readonly Concept[] {
    return this.catalogData.concepts;
  }
  get paths(): readonly StudyPath[] {
    return this.catalogData.paths;
  }

  topic(id: string): Topic | undefined {
    return this.topicsById.get(id);
  }
  question(id: string): Question | undefined {
    return this.questionsById.get(id);
  }
  concept(id: string): Concept | undefined {
    return this.conceptsById.get(id);
  }

  /** A path's questions in study order: its list, or every question of its topics when it lists none. */
  pathQuestionIds(path: StudyPath): string[] {
    const listed = path.firstQuestions.filter((id) => this.questionsById.has(id));
    return listed.length > 0 ? listed : path.topics.flatMap((t) => (this.questionsByTopic.get(t) ?? []).map((q) => q.id));
  }

  /** The Markdown answer or explanation of a question or concept; '' when there is none. */
  body(id: string): string {
    const item = this.questionsById.get(id) ?? this.conceptsById.get(id);
    if (!item) {
      return '';
    }
    if (item.body) {
      return item.body;
    }
    let body = this.loadedBodies.get(id);
    if (body === undefined) {
      body = this.loadBody?.(id) ?? '';
      this.loadedBodies.set(id, body);
    }
    return body;
  }

  /** The same body loader, for a catalog derived from this one (user content merged in). */
  derive(data: CatalogData): Catalog {
    return new Catalog(data, (id) => (this.questionsById.has(id) || this.conceptsById.has(id) ? this.body(id) : undefined));
  }

  entry(id: string): Entry | undefined {
    const q = this.questionsById.get(id);
    if (q) {
      return { kind: 'question', item: q };
    }
    const c = this.conceptsById.get(id);
    return c ? { kind: 'concept', item: c } : undefined;
  }

  questionsOf(topicId: string): readonly Question[] {
    return this.questionsByTopic.get(topicId) ?? [];
  }

  /** Questions whose `concepts` field names this concept: the back-links shown under a concept. */
  questionsUsing(conceptId: string): readonly Question[] {
    return this.questionsByConcept.get(conceptId) ?? [];
  }

  /** Previous and next question within the same topic, in tree order. */
  neighbours(questionId: string): { previous?: Question; next?: Question } {
    const q = this.questionsById.get(questionId);
    if (!q) {
      return {};
    }
    const list = this.questionsOf(q.topic);
    const i = list.indexOf(q);
    return { previous: list[i - 1], next: list[i + 1] };
  }
}
