// Validates content/exercises/<id>/ folders and compiles them into Exercise entries.
// Pure: the build passes in the files and the ids of the catalog it compiled first.

import type { Exercise, ExerciseTestCase } from '../../exercises/exerciseTypes';
import type { CatalogData, Difficulty } from '../types';
import { bodyLinkProblems, checkFields, checkSections, ID_PATTERN, Problem, Report } from './compileCatalog';
import { EXERCISE_FIELDS, EXERCISE_SECTIONS } from './fieldSpecs';
import { parseReported, ParsedFile } from './frontMatter';
import { derivedLabel, importsModule, PythonDef, sourceLines, topLevelDefs } from './pythonSource';

export interface ExerciseFolder {
  /** The folder's name under content/exercises/: the exercise's id. */
  readonly folder: string;
  /** File name (relative to the folder, forward slashes) to its text. */
  readonly files: Readonly<Record<string, string>>;
}

export interface KnownIds {
  readonly topics: ReadonlySet<string>;
  readonly concepts: ReadonlySet<string>;
  readonly questions: ReadonlySet<string>;
}

export interface ExerciseCompileResult {
  /** Published exercises without problems, by id. */
  readonly exercises: readonly Exercise[];
  /** Exercises with `status: draft` and no problems: checked like the rest, not shipped. */
  readonly drafts: readonly Exercise[];
  /** Every problem, with the file (relative to content/) and line. */
  readonly problems: readonly Problem[];
}

/** The ids exercises may link to, from a compiled catalog. */
export function knownIdsOf(catalog: Pick<CatalogData, 'topics' | 'concepts' | 'questions'>): KnownIds {
  return {
    topics: new Set(catalog.topics.map((t) => t.id)),
    concepts: new Set(catalog.concepts.map((c) => c.id)),
    questions: new Set(catalog.questions.map((q) => q.id)),
  };
}

/**
 * The same from content file paths (`topics/<id>.md`...), for when the catalog has problems of
 * its own: the build then still reports the exercises' problems in the same run.
 */
export function knownIdsFromPaths(paths: readonly string[]): KnownIds {
  const ids = (pattern: RegExp) => new Set(paths.flatMap((p) => pattern.exec(p)?.[1] ?? []));
  return {
    topics: ids(/^topics\/([^/]+)\.md$/),
    concepts: ids(/^concepts\/([^/]+)\.md$/),
    questions: ids(/^questions\/[^/]+\/([^/]+)\.md$/),
  };
}

export const EXERCISE_FILES = ['exercise.md', 'starter.py', 'solution.py', 'tests.py'] as const;
/** Python files are small; the cap keeps a stray data file from reaching the extension. */
export const PY_FILE_LIMIT_CHARS = 200_000;
export const EXERCISES_DIR = 'exercises';
const PY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TEST_PARAMS = /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*(?::[^,]*)?$/;

export function compileExercises(folders: readonly ExerciseFolder[], known: KnownIds): ExerciseCompileResult {
  const problems: Problem[] = [];
  const exercises: Exercise[] = [];
  const drafts: Exercise[] = [];
  for (const folder of [...folders].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0))) {
    const found: Problem[] = [];
    const compiled = compileFolder(folder, known, found);
    problems.push(...found);
    if (compiled && found.length === 0) {
      (compiled.draft ? drafts : exercises).push(compiled.exercise);
    }
  }
  return { exercises, drafts, problems };
}

function compileFolder(folder: ExerciseFolder, known: KnownIds, problems: Problem[]): { exercise: Exercise; draft: boolean } | undefined {
  const base = `${EXERCISES_DIR}/${folder.folder}`;
  const reporter =
    (name: string): Report =>
    (line, message) =>
      problems.push({ file: `${base}/${name}`, line, message });
  if (!ID_PATTERN.test(folder.folder)) {
    problems.push({ file: base, line: 1, message: `folder name "${folder.folder}" must be an id in lower-case kebab-case (like "stable-softmax")` });
  }
  const allowed: readonly string[] = EXERCISE_FILES;
  for (const name of Object.keys(folder.files).sort()) {
    if (!allowed.includes(name)) {
      reporter(name)(1, `unexpected file: an exercise folder holds only ${EXERCISE_FILES.join(', ')}`);
    }
  }
  const text = (name: (typeof EXERCISE_FILES)[number]): string | undefined => {
    const value = Object.hasOwn(folder.files, name) ? folder.files[name] : undefined;
    if (value === undefined) {
      reporter(name)(1, `missing file: every exercise needs ${EXERCISE_FILES.join(', ')}`);
      return undefined;
    }
    if (name.endsWith('.py') && value.length > PY_FILE_LIMIT_CHARS) {
      reporter(name)(1, `file is too large: ${value.length.toLocaleString('en-US')} characters, at most ${PY_FILE_LIMIT_CHARS.toLocaleString('en-US')}`);
      return undefined;
    }
    return value;
  };
  const md = text('exercise.md');
  const starter = text('starter.py');
  const solution = text('solution.py');
  const tests = text('tests.py');

  const statement = md === undefined ? undefined : readStatement(md, folder.folder, known, reporter('exercise.md'));
  const functions = statement ? (statement.fields.functions as string[]).map((f) => f.trim()) : [];
  const listedAt = statement?.parsed.fieldLines.get('functions');
  for (const [name, source] of [['starter.py', starter], ['solution.py', solution]] as const) {
    if (source !== undefined) {
      const defs = topLevelDefs(source);
      const allDefined = checkDefined(functions, defs, reporter(name), listedAt);
      if (name === 'starter.py' && allDefined) {
        checkOrder(functions, defs, reporter('exercise.md'), listedAt ?? 1);
      }
    }
  }
  const testCases = tests === undefined ? [] : readTestCases(tests, reporter('tests.py'));
  if (!statement || starter === undefined || solution === undefined || tests === undefined) {
    return undefined;
  }
  const f = statement.fields;
  const list = (name: string) => (Array.isArray(f[name]) ? (f[name] as unknown[]).map((v) => String(v).trim()) : []);
  const exercise: Exercise = {
    id: folder.folder,
    title: String(f.title).trim(),
    shortTitle: String(f.shortTitle).trim(),
    topic: String(f.topic),
    difficulty: f.difficulty as Difficulty,
    summary: String(f.summary).trim(),
    functions,
    concepts: list('concepts'),
    questions: list('questions'),
    keyPoints: list('keyPoints'),
    sources: list('sources'),
    statement: statement.parsed.body.trim(),
    starter,
    solution,
    tests,
    testCases,
  };
  return { exercise, draft: f.status === 'draft' };
}

interface Statement {
  readonly parsed: ParsedFile;
  readonly fields: Record<string, unknown>;
}

/** exercise.md: front matter, fields, id, links to the catalog, sections. Undefined when its fields are unusable. */
function readStatement(text: string, folder: string, known: KnownIds, report: Report): Statement | undefined {
  const parsed = parseReported(text, report);
  if (!parsed) {
    return undefined;
  }
  const fields = parsed.fields;
  const lineOf = (name: string) => parsed.fieldLines.get(name) ?? 1;
  if (!checkFields(EXERCISE_FIELDS, 'an exercise', parsed, report, { wordLimits: true })) {
    return undefined;
  }
  if (fields.id !== folder) {
    report(lineOf('id'), `id "${String(fields.id)}" must match the folder name "${folder}"`);
  }
  // Practice records are kept by id, so an exercise must not share one with a catalog entry.
  const clash = kindOf(String(fields.id), known);
  if (clash) {
    report(lineOf('id'), `id "${String(fields.id)}" is already used by a ${clash}; exercise ids must be unique in the catalog`);
  }
  if (!known.topics.has(String(fields.topic))) {
    report(lineOf('topic'), `field "topic" links to unknown topic "${String(fields.topic)}"`);
  }
  checkIds(fields.concepts, 'concepts', 'concept', known, lineOf('concepts'), report);
  checkIds(fields.questions, 'questions', 'question', known, lineOf('questions'), report);
  const functions = fields.functions as unknown[];
  const bad = functions.findIndex((name) => typeof name !== 'string' || !PY_NAME.test(name.trim()));
  if (bad !== -1) {
    report(lineOf('functions'), `field "functions" item ${bad + 1} must be a Python function name, not ${JSON.stringify(functions[bad])}`);
    return undefined;
  }
  for (const p of bodyLinkProblems(parsed, (ref) => kindOf(ref, known) !== undefined)) {
    report(p.line, p.message);
  }
  if (fields.status === 'published') {
    checkSections(parsed, EXERCISE_SECTIONS, report, 'an exercise');
  }
  return { parsed, fields };
}

function kindOf(id: string, known: KnownIds): 'topic' | 'concept' | 'question' | undefined {
  return known.topics.has(id) ? 'topic' : known.concepts.has(id) ? 'concept' : known.questions.has(id) ? 'question' : undefined;
}

function checkIds(value: unknown, field: string, kind: 'concept' | 'question', known: KnownIds, line: number, report: Report): void {
  for (const ref of Array.isArray(value) ? value : []) {
    const actual = kindOf(String(ref), known);
    if (actual === undefined) {
      report(line, `field "${field}" links to unknown id "${String(ref)}"`);
    } else if (actual !== kind) {
      report(line, `field "${field}" must name a ${kind}, but "${String(ref)}" is a ${actual}`);
    }
  }
}

/** Every listed function must be a top-level `def name(` in the file; true when all are. */
function checkDefined(functions: readonly string[], defs: readonly PythonDef[], report: Report, listedAt: number | undefined): boolean {
  const defined = new Set(defs.map((d) => d.name));
  const missing = functions.filter((name) => !defined.has(name));
  for (const name of missing) {
    const where = listedAt ? ` (listed in exercise.md line ${listedAt})` : '';
    report(1, `function "${name}"${where} is not defined at the top level: add "def ${name}(" at column 0`);
  }
  return missing.length === 0;
}

/** The list follows starter.py, so the tree, the statement and the user's file agree. */
function checkOrder(functions: readonly string[], defs: readonly PythonDef[], report: Report, line: number): void {
  const listed = new Set(functions);
  const inFile = new Set<string>();
  for (const def of defs) {
    if (listed.has(def.name)) {
      inFile.add(def.name);
    }
  }
  const order = [...inFile];
  if (order.some((name, i) => name !== functions[i])) {
    report(line, `field "functions" must list the functions in starter.py's order: ${order.join(', ')}`);
  }
}

/** The `def test_<name>(m):` functions, each with its label and line; problems for the rest. */
function readTestCases(text: string, report: Report): ExerciseTestCase[] {
  const cases: ExerciseTestCase[] = [];
  const seen = new Map<string, number>();
  for (const def of topLevelDefs(text)) {
    if (!def.name.startsWith('test_')) {
      continue;
    }
    const first = seen.get(def.name);
    if (first !== undefined) {
      report(def.line, `test "${def.name}" is defined twice (first on line ${first}); Python keeps only the last one`);
      continue;
    }
    seen.set(def.name, def.line);
    if (def.params === undefined || !TEST_PARAMS.test(def.params)) {
      report(def.line, `test "${def.name}" must take exactly one parameter, the user's module: "def ${def.name}(m):"`);
      continue;
    }
    cases.push({ name: def.name, label: def.docLabel ?? derivedLabel(def.name), line: def.line });
  }
  // The harness would call an async test, get a coroutine back and count it as passed.
  sourceLines(text).forEach((line, i) => {
    const match = /^async[ \t]+def[ \t]+(test_[A-Za-z0-9_]*)/.exec(line);
    if (match) {
      report(i + 1, `test "${match[1]}" must be a plain function, not async: the tests run synchronously`);
    }
  });
  if (cases.length === 0 && seen.size === 0) {
    report(1, 'no tests: add at least one top-level "def test_<name>(m):"');
  }
  const importLine = importsModule(text, 'solution');
  if (importLine !== undefined) {
    report(importLine, 'the hidden tests must not import solution.py: compute expected values inside the test');
  }
  return cases;
}
