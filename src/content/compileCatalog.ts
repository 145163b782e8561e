import type { CatalogData, Concept, Question, StudyPath, Topic } from '../catalog/types';
import { EntryKind, FIELD_SPECS, FieldType, QUESTION_SECTIONS } from './fieldSpecs';
import { parseFrontMatter, ParsedFile } from './frontMatter';

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

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LINK_PATTERN = /\]\(mlprep:([^)\s]*)\)/g;

interface Located {
  readonly kind: EntryKind;
  readonly file: string;
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
  const entries: Located[] = [];

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const report = (line: number, message: string) => problems.push({ file: file.path, line, message });
    const place = classify(file.path);
    if (!place) {
      report(1, 'unexpected file: content files live in topics/, questions/<topic>/, concepts/ or paths/ and end in .md');
      continue;
    }
    const parsed = parseFrontMatter(file.text);
    parsed.errors.forEach((e) => report(e.line, e.message));
    if (!parsed.fields) {
      continue;
    }
    const ok = checkFields(place.kind, parsed, report);
    if (ok && parsed.fields.id !== place.fileId) {
      report(parsed.fieldLines.get('id') ?? 1, `id "${String(parsed.fields.id)}" must match the file name "${place.fileId}.md"`);
    }
    if (place.kind === 'question' && parsed.fields.status === 'published') {
      checkSections(parsed, report);
    }
    entries.push({ kind: place.kind, file: file.path, parsed, fields: parsed.fields, folderTopic: place.folderTopic });
  }

  checkReferences(entries, problems);

  if (problems.length > 0) {
    return { catalog: undefined, problems };
  }
  return { catalog: assemble(entries), problems };
}

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

function checkFields(kind: EntryKind, parsed: ParsedFile, report: (line: number, message: string) => void): boolean {
  const specs = FIELD_SPECS[kind];
  const fields = parsed.fields ?? {};
  const lineOf = (name: string) => parsed.fieldLines.get(name) ?? 1;
  const published = fields.status === 'published';
  let ok = true;
  for (const name of Object.keys(fields)) {
    if (!(name in specs)) {
      report(lineOf(name), `unknown field "${name}" in a ${kind} (allowed: ${Object.keys(specs).join(', ')})`);
      ok = false;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const present = name in fields && fields[name] !== null && fields[name] !== undefined;
    if (!present) {
      const needed = spec.requirement === 'required' || (spec.requirement === 'published' && published);
      if (needed) {
        const why = spec.requirement === 'published' ? ` (needed once status is published)` : '';
        report(1, `missing field "${name}"${why}`);
        ok = false;
      }
      continue;
    }
    const problem = checkValue(fields[name], spec.field);
    if (problem) {
      report(lineOf(name), `field "${name}" ${problem}`);
      ok = false;
    }
  }
  return ok;
}

function checkValue(value: unknown, type: FieldType): string | undefined {
  switch (type.type) {
    case 'string': {
      if (typeof value !== 'string' || value.trim() === '') {
        return 'must be a non-empty text';
      }
      const words = countWords(value);
      if (type.maxWords !== undefined && words > type.maxWords) {
        return `has ${words} words; at most ${type.maxWords} allowed`;
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

function checkSections(parsed: ParsedFile, report: (line: number, message: string) => void): void {
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
  const expected: readonly string[] = QUESTION_SECTIONS;
  for (const section of found) {
    if (!expected.includes(section.name)) {
      report(section.line, `unexpected section "## ${section.name}" (a question has: ${expected.map((s) => `## ${s}`).join(', ')})`);
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

function checkReferences(entries: readonly Located[], problems: Problem[]): void {
  const byId = new Map<string, Located>();
  for (const entry of entries) {
    const entryId = entry.fields.id;
    if (typeof entryId !== 'string') {
      continue;
    }
    const first = byId.get(entryId);
    if (first) {
      const line = entry.parsed.fieldLines.get('id') ?? 1;
      problems.push({ file: entry.file, line, message: `duplicate id "${entryId}": already used by ${first.file}` });
    } else {
      byId.set(entryId, entry);
    }
  }
  const expect = (entry: Located, field: string, kinds: readonly EntryKind[]) => {
    const raw = entry.fields[field];
    const ids = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
    for (const ref of ids) {
      if (typeof ref !== 'string') {
        continue;
      }
      const target = byId.get(ref);
      const line = entry.parsed.fieldLines.get(field) ?? 1;
      if (!target) {
        problems.push({ file: entry.file, line, message: `field "${field}" links to unknown id "${ref}"` });
      } else if (!kinds.includes(target.kind)) {
        problems.push({ file: entry.file, line, message: `field "${field}" must name a ${kinds.join(' or ')}, but "${ref}" is a ${target.kind}` });
      } else if (ref === entry.fields.id) {
        problems.push({ file: entry.file, line, message: `field "${field}" links the entry to itself` });
      }
    }
  };
  for (const entry of entries) {
    switch (entry.kind) {
      case 'question':
        expect(entry, 'topic', ['topic']);
        expect(entry, 'concepts', ['concept']);
        expect(entry, 'related', ['question']);
        expect(entry, 'prerequisites', ['question']);
        if (typeof entry.fields.topic === 'string' && entry.fields.topic !== entry.folderTopic) {
          problems.push({
            file: entry.file,
            line: entry.parsed.fieldLines.get('topic') ?? 1,
            message: `field "topic" is "${entry.fields.topic}" but the file is in questions/${entry.folderTopic}/`,
          });
        }
        break;
      case 'concept':
        expect(entry, 'topic', ['topic']);
        expect(entry, 'related', ['concept', 'question']);
        break;
      case 'path':
        expect(entry, 'topics', ['topic']);
        expect(entry, 'firstQuestions', ['question']);
        break;
      case 'topic':
        break;
    }
    checkBodyLinks(entry, byId, problems);
  }
}

function checkBodyLinks(entry: Located, byId: ReadonlyMap<string, Located>, problems: Problem[]): void {
  entry.parsed.body.split('\n').forEach((text, i) => {
    for (const match of text.matchAll(LINK_PATTERN)) {
      if (!byId.has(match[1])) {
        problems.push({ file: entry.file, line: entry.parsed.bodyLine + i, message: `link to unknown id "mlprep:${match[1]}"` });
      }
    }
  });
}

function assemble(entries: readonly Located[]): CatalogData {
  const of = <T>(kind: EntryKind) => entries.filter((e) => e.kind === kind).map((e) => toEntry<T>(e));
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });

  const topics = of<Topic>('topic')
    .map((t) => ({ ...t, shortTitle: t.shortTitle || t.title }))
    .sort((a, b) => a.order - b.order);
  const topicOrder = new Map(topics.map((t, i) => [t.id, i]));
  // Within a topic: design questions first, then alphabetical, so the order is predictable.
  const questions = of<Question>('question').sort(
    (a, b) =>
      (topicOrder.get(a.topic) ?? 0) - (topicOrder.get(b.topic) ?? 0) ||
      Number(b.format === 'design') - Number(a.format === 'design') ||
      byTitle(a, b),
  );
  const concepts = of<Concept>('concept').sort(byTitle);
  const paths = of<StudyPath>('path').sort((a, b) => a.order - b.order);
  return { schemaVersion: 1, topics, questions, concepts, paths };
}

/** Every field of the kind's spec, with absent lists as [] and absent texts as '' (validated already). */
function toEntry<T>(e: Located): T {
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
