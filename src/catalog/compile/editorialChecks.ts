// Editorial rules for the shipped bank, beyond what makes a file valid: answer lengths, follow-ups,
// sections, links between entries and study-path order. The build runs them on content/ only;
// user folders are held to the format alone, so a personal note of any length still loads.
import type { CatalogData, Concept, Question, QuestionFormat, StudyPath, Topic } from '../types';
import { ContentFile, countWords, Problem } from './compileCatalog';
import { parseFrontMatter } from './frontMatter';

export const WORD_RANGES: Record<QuestionFormat, readonly [number, number]> = { design: [900, 1600], explain: [350, 900], quick: [150, 400] };
export const FOLLOW_UPS: Record<QuestionFormat, readonly [number, number]> = { design: [2, 4], explain: [2, 4], quick: [1, 2] };
export const CONCEPT_WORDS: readonly [number, number] = [150, 400];
export const SHORT_ANSWER_MAX_WORDS = 100;
export const RELATED_RANGE: readonly [number, number] = [2, 3];
export const MIN_SECTIONS = 3;
export const PATH_QUESTIONS: readonly [number, number] = [10, 20];
export const PATH_PURPOSE_MIN_WORDS = 40;

/** Where an entry's file is and where its fields start, for messages. */
interface Located {
  readonly file: string;
  readonly fieldLines: ReadonlyMap<string, number>;
  readonly bodyLine: number;
}

/**
 * Every editorial problem of a compiled catalog, each naming the file and, when the source files
 * are given, the line of the field or body it is about. Drafts are exempt from the writing rules
 * (lengths, follow-ups, sections), not from the link rules.
 */
export function editorialChecks(data: CatalogData, files: readonly ContentFile[] = []): Problem[] {
  const where = locator(files);
  const problems: Problem[] = [];
  const at = (file: string, field: string | 'body') => {
    const located = where.get(file);
    return field === 'body' ? (located?.bodyLine ?? 1) : (located?.fieldLines.get(field) ?? 1);
  };
  const report = (file: string, field: string | 'body', message: string) => problems.push({ file, line: at(file, field), message });

  checkShortTitles(data.questions, report);
  for (const q of data.questions) {
    checkQuestion(q, report);
  }
  for (const c of data.concepts) {
    checkConcept(c, data.questions, report);
  }
  for (const t of data.topics) {
    checkSections(t, data.questions, report);
  }
  checkPrerequisiteCycles(data.questions, report);
  for (const p of data.paths) {
    checkPath(p, data.questions, report);
  }
  return problems;
}

type Report = (file: string, field: string | 'body', message: string) => void;

export const questionFile = (q: Question) => `questions/${q.topic}/${q.id}.md`;
export const conceptFile = (c: Concept) => `concepts/${c.id}.md`;
export const topicFile = (t: Topic) => `topics/${t.id}.md`;
export const pathFile = (p: StudyPath) => `paths/${p.id}.md`;

function locator(files: readonly ContentFile[]): Map<string, Located> {
  const map = new Map<string, Located>();
  for (const f of files) {
    const parsed = parseFrontMatter(f.text);
    map.set(f.path, { file: f.path, fieldLines: parsed.fieldLines, bodyLine: parsed.bodyLine });
  }
  return map;
}

function checkShortTitles(questions: readonly Question[], report: Report): void {
  const seen = new Map<string, string>();
  for (const q of questions) {
    const key = q.shortTitle.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      report(questionFile(q), 'shortTitle', `shortTitle "${q.shortTitle}" is already the label of ${first}; tree labels must be distinct`);
    } else {
      seen.set(key, q.id);
    }
    if (q.shortTitle.length > q.title.length) {
      report(questionFile(q), 'shortTitle', `shortTitle "${q.shortTitle}" is longer than the title`);
    }
  }
}

function checkQuestion(q: Question, report: Report): void {
  const file = questionFile(q);
  const [fewestRelated, mostRelated] = RELATED_RANGE;
  if (q.related.length < fewestRelated || q.related.length > mostRelated) {
    report(file, 'related', `${q.related.length} related questions, expected ${fewestRelated}-${mostRelated}`);
  }
  if (q.concepts.length === 0) {
    report(file, 'concepts', 'no concepts: link at least one concept card');
  }
  if (q.status === 'draft') {
    return;
  }
  const words = countWords(q.body);
  const [min, max] = WORD_RANGES[q.format];
  if (words < min || words > max) {
    report(file, 'body', `${words} words, expected ${min}-${max} for the ${q.format} format`);
  }
  const s = bodySections(q.body);
  const short = countWords(s.get('Short answer') ?? '');
  if (short > SHORT_ANSWER_MAX_WORDS) {
    report(file, 'body', `the short answer has ${short} words, at most ${SHORT_ANSWER_MAX_WORDS} (aim for about 80)`);
  }
  const followUps = (s.get('Follow-ups') ?? '').match(/^### /gm)?.length ?? 0;
  const [fewest, most] = FOLLOW_UPS[q.format];
  if (followUps < fewest || followUps > most) {
    report(file, 'body', `${followUps} follow-ups (### headings under "## Follow-ups"), expected ${fewest}-${most}`);
  }
  if (q.format === 'design' && !/```text/.test(q.body)) {
    report(file, 'body', 'a design answer needs a diagram in a ```text block');
  }
}

function checkConcept(c: Concept, questions: readonly Question[], report: Report): void {
  const file = conceptFile(c);
  if (!questions.some((q) => q.topic === c.topic && q.concepts.includes(c.id))) {
    report(file, 'id', `no question of topic ${c.topic} references concept ${c.id}`);
  }
  if (c.status === 'draft') {
    return;
  }
  const words = countWords(c.body);
  const [min, max] = CONCEPT_WORDS;
  if (words < min || words > max) {
    report(file, 'body', `${words} words, expected ${min}-${max} for a concept card`);
  }
  if (c.sources.length === 0) {
    report(file, 'sources', 'a published concept needs at least one source');
  }
  if (c.aliases.length === 0) {
    report(file, 'aliases', 'a published concept needs at least one alias');
  }
}

function checkSections(t: Topic, questions: readonly Question[], report: Report): void {
  const file = topicFile(t);
  const own = questions.filter((q) => q.topic === t.id);
  if (t.sections.length < MIN_SECTIONS) {
    report(file, 'sections', `${t.sections.length} sections listed, at least ${MIN_SECTIONS}`);
  }
  for (const q of own) {
    if (!t.sections.includes(q.section)) {
      report(questionFile(q), 'section', `section "${q.section}" is not one of topic ${t.id}'s sections`);
    }
  }
  for (const name of t.sections) {
    if (!own.some((q) => q.section === name)) {
      report(file, 'sections', `section "${name}" holds no question`);
    }
  }
}

function checkPrerequisiteCycles(questions: readonly Question[], report: Report): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const state = new Map<string, 'visiting' | 'done'>();
  // Iterative depth-first search, so a long chain cannot overflow the stack.
  for (const start of questions) {
    if (state.has(start.id)) {
      continue;
    }
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const prerequisites = byId.get(top.id)?.prerequisites ?? [];
      if (top.next >= prerequisites.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const next = prerequisites[top.next++];
      if (state.get(next) === 'visiting') {
        const trail = [...stack.slice(stack.findIndex((f) => f.id === next)).map((f) => f.id), next];
        const q = byId.get(top.id)!;
        report(questionFile(q), 'prerequisites', `prerequisite cycle: ${trail.join(' -> ')}`);
      } else if (!state.has(next) && byId.has(next)) {
        state.set(next, 'visiting');
        stack.push({ id: next, next: 0 });
      }
    }
  }
}

function checkPath(p: StudyPath, questions: readonly Question[], report: Report): void {
  const file = pathFile(p);
  if (countWords(p.body) < PATH_PURPOSE_MIN_WORDS || /draft/i.test(p.body)) {
    report(file, 'body', `the path needs a written purpose of at least ${PATH_PURPOSE_MIN_WORDS} words, with no "draft" left`);
  }
  const [min, max] = PATH_QUESTIONS;
  if (p.firstQuestions.length < min || p.firstQuestions.length > max) {
    report(file, 'firstQuestions', `${p.firstQuestions.length} questions listed, expected ${min}-${max}`);
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  p.firstQuestions.forEach((id, i) => {
    const q = byId.get(id);
    if (!q) {
      return;
    }
    if (!p.topics.includes(q.topic)) {
      report(file, 'firstQuestions', `${id} is in topic ${q.topic}, not one of the path's topics`);
    }
    for (const before of q.prerequisites) {
      const pos = p.firstQuestions.indexOf(before);
      if (pos > i) {
        report(file, 'firstQuestions', `${before} is a prerequisite of ${id}, so it must come before it`);
      }
    }
  });
}

/** Level-2 sections of a body, by name. */
function bodySections(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of body.split(/^## +/m).slice(1)) {
    const newline = part.indexOf('\n');
    const end = newline === -1 ? part.length : newline;
    map.set(part.slice(0, end).trim(), part.slice(end + 1));
  }
  return map;
}
