import type { CatalogData, Concept, Question, StudyPath, Topic } from '../types';
import { EntryKind, FIELD_SPECS, FieldSpec, FieldType, sectionsFor } from './fieldSpecs';
import { parseReported, ParsedFile } from './frontMatter';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes (e.g. `concepts/kv-cache.md`). */
  readonly path: string;
  readonly text: string;
}

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface CompileResult {
  /** Undefined when there is any problem: a catalog is all-or-nothing. */
  readonly catalog: CatalogData | undefined;
  readonly problems: readonly Problem[];
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LINK_PATTERN = /\]\(mlprep:([^)\s]*)\)/g;

export type Report = (line: number, message: string) => void;

/** One content file that was read, with the position of each field for messages. */
export interface SourceEntry {
  readonly kind: EntryKind;
  readonly file: string;
  /** The file name without `.md`: the id the entry must have. */
  readonly fileId: string;
  readonly parsed: ParsedFile;
  readonly fields: Record<string, unknown>;
  /** Folder the file sits in, for questions (`questions/<topic>/`). */
  readonly folderTopic?: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Validates every file and compiles them into one catalog, collecting all problems at once. */
export function compileCatalog(files: readonly ContentFile[]): CompileResult {
  const problems: Problem[] = [];
  const entries: SourceEntry[] = [];

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const entry = readContentFile(file, (line, message) => problems.push({ file: file.path, line, message }));
    if (entry) {
      entries.push(entry);
    }
  }

  const byId = new Map<string, SourceEntry>();
  for (const entry of entries) {
    const entryId = entry.fields.id;
    if (typeof entryId !== 'string') {
      continue;
    }
    const first = byId.get(entryId);
    if (first) {
      problems.push({ file: entry.file, line: idLine(entry), message: `duplicate id "${entryId}": already used by ${first.file}` });
    } else {
      byId.set(entryId, entry);
    }
  }
  for (const entry of entries) {
    for (const p of linkProblems(entry, (ref) => byId.get(ref)?.kind)) {
      problems.push({ file: entry.file, line: p.line, message: p.message });
    }
    const section = sectionProblem(entry, byId);
    if (section) {
      problems.push({ file: entry.file, line: section.line, message: section.message });
    }
  }

  if (problems.length > 0) {
    return { catalog: undefined, problems };
  }
  return { catalog: orderCatalog(catalogParts(entries)), problems };
}

export interface ReadOptions {
  /**
   * The shipped content bar: word and character limits, and fields only shipped content must
   * have (`shippedOnly`, like a question's short label). User notes skip it and keep only the
   * structural checks.
   */
  readonly wordLimits: boolean;
}

/**
 * Every check that needs only the file itself: place, front matter, fields, id against the file
 * name, sections of a published question. Returns the entry whenever its front matter could be
 * read, even with problems, so duplicate ids and links can still be reported in the same run.
 */
export function readContentFile(file: ContentFile, report: Report, options: ReadOptions = { wordLimits: true }): SourceEntry | undefined {
  const place = classify(file.path);
  if (!place) {
    report(1, 'unexpected file: content files live in topics/, questions/<topic>/, concepts/ or paths/ and end in .md');
    return undefined;
  }
  const parsed = parseReported(file.text, report);
  if (!parsed) {
    return undefined;
  }
  const ok = checkFields(FIELD_SPECS[place.kind], `a ${place.kind}`, parsed, report, options);
  if (ok && parsed.fields.id !== place.fileId) {
    report(parsed.fieldLines.get('id') ?? 1, `id "${String(parsed.fields.id)}" must match the file name "${place.fileId}.md"`);
  }
  if (place.kind === 'question' && parsed.fields.status === 'published') {
    checkSections(parsed, sectionsFor(parsed.fields.format), report, 'a question');
  }
  return { kind: place.kind, file: file.path, fileId: place.fileId, parsed, fields: parsed.fields, folderTopic: place.folderTopic };
}

export const idLine = (entry: SourceEntry): number => entry.parsed.fieldLines.get('id') ?? 1;

function classify(path: string): { kind: EntryKind; fileId: string; folderTopic?: string } | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  if (!name.endsWith('.md')) {
    return undefined;
  }
  const fileId = name.slice(0, -3);
  if (parts.length === 2 && parts[0] === 'topics') {
    return { kind: 'topic', fileId };
  }
  if (parts.length === 2 && parts[0] === 'concepts') {
    return { kind: 'concept', fileId };
  }
  if (parts.length === 2 && parts[0] === 'paths') {
    return { kind: 'path', fileId };
  }
  if (parts.length === 3 && parts[0] === 'questions') {
    return { kind: 'question', fileId, folderTopic: parts[1] };
  }
  return undefined;
}

/** Checks front-matter fields against their specs; `what` names the kind in messages ("a concept"). */
export function checkFields(specs: Record<string, FieldSpec>, what: string, parsed: ParsedFile, report: Report, options: ReadOptions): boolean {
  const fields = parsed.fields ?? {};
  const lineOf = (name: string) => parsed.fieldLines.get(name) ?? 1;
  const published = fields.status === 'published';
  let ok = true;
  for (const name of Object.keys(fields)) {
    // Own keys only: `name in specs` would accept "constructor" or "toString" as known fields.
    if (!Object.hasOwn(specs, name)) {
      report(lineOf(name), `unknown field "${name}" in ${what} (allowed: ${Object.keys(specs).join(', ')})`);
      ok = false;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const present = Object.hasOwn(fields, name) && fields[name] !== null && fields[name] !== undefined;
    if (!present) {
      const needed = (spec.requirement === 'required' || (spec.requirement === 'published' && published)) && (options.wordLimits || !spec.shippedOnly);
      if (needed) {
        const why = spec.requirement === 'published' ? ` (needed once status is published)` : '';
        report(1, `missing field "${name}"${why}`);
        ok = false;
      }
      continue;
    }
    const problem = checkValue(fields[name], spec.field, options);
    if (problem) {
      report(lineOf(name), `field "${name}" ${problem}`);
      ok = false;
    }
  }
  return ok;
}

function checkValue(value: unknown, type: FieldType, options: ReadOptions): string | undefined {
  switch (type.type) {
    case 'string': {
      if (typeof value !== 'string' || value.trim() === '') {
        return 'must be a non-empty text';
      }
      if (options.wordLimits && type.maxWords !== undefined) {
        const words = countWords(value);
        if (words > type.maxWords) {
          return `has ${words} words; at most ${type.maxWords} allowed`;
        }
      }
      if (options.wordLimits && type.maxChars !== undefined && value.trim().length > type.maxChars) {
        return `has ${value.trim().length} characters; at most ${type.maxChars} allowed`;
      }
      return undefined;
    }
    case 'id':
      return typeof value === 'string' && ID_PATTERN.test(value)
        ? undefined
        : `must be an id in lower-case kebab-case (like "kv-cache"), not ${JSON.stringify(value)}`;
    case 'integer':
      return Number.isInteger(value) && (value as number) > 0 ? undefined : `must be a whole number above 0, not ${JSON.stringify(value)}`;
    case 'enum':
      return typeof value === 'string' && type.values.includes(value)
        ? undefined
        : `must be one of ${type.values.join(', ')}, not ${JSON.stringify(value)}`;
    case 'list':
    case 'idList': {
      if (!Array.isArray(value)) {
        return 'must be a list ("- item" lines)';
      }
      const isId = type.type === 'idList';
      const bad = value.findIndex((v) => typeof v !== 'string' || v.trim() === '' || (isId && !ID_PATTERN.test(v)));
      if (bad !== -1) {
        return `item ${bad + 1} must be ${isId ? 'an id in lower-case kebab-case' : 'a non-empty text'}, not ${JSON.stringify(value[bad])}`;
      }
      if ('minItems' in type && type.minItems !== undefined && value.length < type.minItems) {
        return `has ${value.length} items; at least ${type.minItems} needed`;
      }
      if (type.maxItems !== undefined && value.length > type.maxItems) {
        return `has ${value.length} items; at most ${type.maxItems} allowed`;
      }
      if (new Set(value).size !== value.length) {
        return 'lists an item twice';
      }
      return undefined;
    }
  }
}

/** The body's `## ` sections must be exactly `expected`, in order, none empty; `what` names the kind. */
export function checkSections(parsed: ParsedFile, expected: readonly string[], report: Report, what: string): void {
  const lines = parsed.body.split('\n');
  const found: { name: string; line: number; hasText: boolean }[] = [];
  let inFence = false;
  lines.forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      inFence = !inFence;
    }
    const heading = !inFence && /^## +(.+?)\s*#*\s*$/.exec(text);
    if (heading) {
      found.push({ name: heading[1], line: parsed.bodyLine + i, hasText: false });
    } else if (found.length > 0 && text.trim() !== '') {
      found[found.length - 1].hasText = true;
    }
  });
  for (const section of found) {
    if (!expected.includes(section.name)) {
      report(section.line, `unexpected section "## ${section.name}" (${what} has: ${expected.map((s) => `## ${s}`).join(', ')})`);
    } else if (!section.hasText) {
      report(section.line, `section "## ${section.name}" is empty`);
    }
  }
  const names = found.map((s) => s.name).filter((n) => expected.includes(n));
  for (const name of expected) {
    if (!names.includes(name)) {
      report(parsed.bodyLine, `missing section "## ${name}"`);
    }
  }
  const present = expected.filter((n) => names.includes(n));
  if (names.length === present.length && names.some((n, i) => n !== present[i])) {
    report(parsed.bodyLine, `sections are out of order: expected ${present.map((s) => `## ${s}`).join(', ')}`);
  }
}

export interface LinkProblem {
  readonly line: number;
  readonly message: string;
  /** Set when the problem is a link to an id that does not exist, so a caller can say more about it. */
  readonly unknownId?: string;
  /** The field holding the link; undefined for a `mlprep:` link in the body. */
  readonly field?: string;
  /** The id the field names, so a caller can leave just that link out. */
  readonly ref?: string;
}

/**
 * Checks every id an entry names (fields and `mlprep:` links in the body) against `kindOf`,
 * which says what kind of entry an id is, or undefined when there is none.
 */
export function linkProblems(entry: SourceEntry, kindOf: (id: string) => EntryKind | undefined): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const expect = (field: string, kinds: readonly EntryKind[]) => {
    const raw = entry.fields[field];
    const ids = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
    const line = entry.parsed.fieldLines.get(field) ?? 1;
    for (const ref of ids) {
      if (typeof ref !== 'string') {
        continue;
      }
      const kind = kindOf(ref);
      if (!kind) {
        problems.push({ line, message: `field "${field}" links to unknown id "${ref}"`, unknownId: ref, field, ref });
      } else if (!kinds.includes(kind)) {
        problems.push({ line, message: `field "${field}" must name a ${kinds.join(' or ')}, but "${ref}" is a ${kind}`, field, ref });
      } else if (ref === entry.fields.id) {
        problems.push({ line, message: `field "${field}" links the entry to itself`, field, ref });
      }
    }
  };
  switch (entry.kind) {
    case 'question':
      expect('topic', ['topic']);
      expect('concepts', ['concept']);
      expect('related', ['question']);
      expect('prerequisites', ['question']);
      if (typeof entry.fields.topic === 'string' && entry.fields.topic !== entry.folderTopic) {
        problems.push({
          line: entry.parsed.fieldLines.get('topic') ?? 1,
          message: `field "topic" is "${entry.fields.topic}" but the file is in questions/${entry.folderTopic}/`,
          field: 'topic',
        });
      }
      break;
    case 'concept':
      expect('topic', ['topic']);
      expect('related', ['concept', 'question']);
      break;
    case 'path':
      expect('topics', ['topic']);
      expect('firstQuestions', ['question']);
      break;
    case 'topic':
      break;
  }
  problems.push(...bodyLinkProblems(entry.parsed, (ref) => kindOf(ref) !== undefined));
  return problems;
}

/** `[text](mlprep:<id>)` links in a body whose id `exists` does not know. */
export function bodyLinkProblems(parsed: ParsedFile, exists: (id: string) => boolean): LinkProblem[] {
  const problems: LinkProblem[] = [];
  parsed.body.split('\n').forEach((text, i) => {
    for (const match of text.matchAll(LINK_PATTERN)) {
      if (!exists(match[1])) {
        problems.push({ line: parsed.bodyLine + i, message: `link to unknown id "mlprep:${match[1]}"`, unknownId: match[1] });
      }
    }
  });
  return problems;
}

/** In the shipped catalog a question's section must be one its topic lists, so folders stay few and ordered. */
function sectionProblem(entry: SourceEntry, byId: ReadonlyMap<string, SourceEntry>): LinkProblem | undefined {
  const section = entry.fields.section;
  if (entry.kind !== 'question' || typeof section !== 'string' || typeof entry.fields.topic !== 'string') {
    return undefined;
  }
  const topic = byId.get(entry.fields.topic);
  if (topic?.kind !== 'topic') {
    return undefined;
  }
  const listed = Array.isArray(topic.fields.sections) ? (topic.fields.sections as unknown[]) : [];
  if (listed.includes(section.trim())) {
    return undefined;
  }
  const allowed = listed.length > 0 ? `one of ${listed.map((s) => JSON.stringify(s)).join(', ')}` : `listed first under "sections" in ${topic.file}`;
  return { line: entry.parsed.fieldLines.get('section') ?? 1, message: `field "section" is "${section}"; it must be ${allowed}` };
}

export interface CatalogParts {
  readonly topics: readonly Topic[];
  readonly questions: readonly Question[];
  readonly concepts: readonly Concept[];
  readonly paths: readonly StudyPath[];
}

/** The catalog entries of validated files, in no particular order. */
export function catalogParts(entries: readonly SourceEntry[]): CatalogParts {
  const of = <T>(kind: EntryKind) => entries.filter((e) => e.kind === kind).map((e) => toEntry<T>(e));
  return {
    topics: of<Topic>('topic').map((t) => ({ ...t, shortTitle: t.shortTitle || t.title })),
    questions: of<Question>('question').map((q) => ({ ...q, shortTitle: q.shortTitle || q.title })),
    concepts: of<Concept>('concept'),
    paths: of<StudyPath>('path'),
  };
}

// One collator instead of `localeCompare(b, 'en', options)`, which builds one per call: the same
// order, many times faster on a thousand entries.
const TITLE_COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

/** The catalog's fixed order, shared by the build and by merging user content. */
export function orderCatalog(parts: CatalogParts): CatalogData {
  const byTitle = (a: { title: string }, b: { title: string }) => TITLE_COLLATOR.compare(a.title, b.title);
  const topics = [...parts.topics].sort((a, b) => a.order - b.order);
  const topicOrder = new Map(topics.map((t, i) => [t.id, i]));
  const sectionOrder = new Map(topics.flatMap((t) => t.sections.map((name, i) => [`${t.id}/${name}`, i] as const)));
  // Unlisted sections (user files) and unfiled questions come after the listed sections.
  const sectionRank = (q: Question) => sectionOrder.get(`${q.topic}/${q.section}`) ?? (q.section === '' ? Infinity : Number.MAX_SAFE_INTEGER);
  // Within a topic: by section, then design questions first, then alphabetical, so the order is predictable
  // and previous/next walk the tree's order.
  const questions = [...parts.questions].sort(
    (a, b) =>
      (topicOrder.get(a.topic) ?? 0) - (topicOrder.get(b.topic) ?? 0) ||
      compareNumbers(sectionRank(a), sectionRank(b)) ||
      (sectionRank(a) === Number.MAX_SAFE_INTEGER ? TITLE_COLLATOR.compare(a.section, b.section) : 0) ||
      Number(b.format === 'design') - Number(a.format === 'design') ||
      byTitle(a, b),
  );
  const concepts = [...parts.concepts].sort(byTitle);
  const paths = [...parts.paths].sort((a, b) => a.order - b.order);
  return { schemaVersion: 1, topics, questions, concepts, paths };
}

const compareNumbers = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);

/** Every field of the kind's spec, with absent lists as [] and absent texts as '' (validated already). */
function toEntry<T>(e: SourceEntry): T {
  const out: Record<string, unknown> = { body: e.parsed.body.trim() };
  for (const [name, spec] of Object.entries(FIELD_SPECS[e.kind])) {
    const value = e.fields[name];
    switch (spec.field.type) {
      case 'list':
      case 'idList':
        out[name] = Array.isArray(value) ? value.map((v) => String(v).trim()) : [];
        break;
      case 'string':
      case 'id':
        out[name] = typeof value === 'string' ? value.trim() : '';
        break;
      default:
        out[name] = value;
    }
  }
  return out as T;
}

export function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words.length === 1 && words[0] === '' ? 0 : words.length;
}
