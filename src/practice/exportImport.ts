// The export file (practiced marks, review log, cards and the notes index) and how an imported
// one is checked and merged with local state. Pure: no file system, no vscode.
import { PROGRESS_VERSION, ProgressState, QuestionProgress, readProgress } from '../progress/progressSchema';
import {
  checkCard,
  checkEntry,
  checkList,
  checkObject,
  checkTime,
  describe,
  importWindow,
  orderLog,
  readPractice,
  SchemaError,
  TimeWindow,
} from './practiceSchema';
import { CardState, MAX_LOG_ENTRIES, PRACTICE_VERSION, PracticeState, ReviewEntry } from './types';

export const EXPORT_FORMAT = 'ml-interview-prep-progress';
export const EXPORT_VERSION = 1;
/** Far above a full log (about 3 MB of JSON for 20,000 reviews); anything bigger is not ours. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;
/** Unknown ids named in the message; the rest are counted. */
const NAMED_UNKNOWN_IDS = 5;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  progress: ProgressState;
  practice: PracticeState;
  /** Question id -> note file name in the notes folder. Names only: the notes' text is not exported. */
  notes: Record<string, string>;
}

/**
 * The export of the current state. With `knownQuestionIds`, entries for questions the catalog no
 * longer has are left out (they stay in local storage), because parseImport refuses unknown ids.
 */
export function buildExport(
  progress: ProgressState,
  practice: PracticeState,
  notes: Record<string, string>,
  now: number,
  knownQuestionIds?: ReadonlySet<string>,
): ExportFile {
  const keep = (id: string) => knownQuestionIds === undefined || knownQuestionIds.has(id);
  const pick = <T>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).filter(([id]) => keep(id)));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    progress: { version: progress.version, questions: pick(progress.questions) },
    practice: { version: practice.version, cards: pick(practice.cards), log: practice.log.filter((e) => keep(e.questionId)) },
    notes: pick(notes),
  };
}

/**
 * Reads an export file strictly: any field of the wrong type or out of range, or any question id
 * not in `knownQuestionIds`, refuses the whole file with a message naming the field. Never throws.
 */
export function parseImport(text: string, knownQuestionIds: ReadonlySet<string>, now: number): { file: ExportFile } | { error: string } {
  try {
    if (typeof text !== 'string') {
      return { error: `the import must be text (found ${describe(text)})` };
    }
    if (text.length > MAX_IMPORT_CHARS) {
      return { error: `the file is too large (${megabytes(text.length)} MB; the limit is ${megabytes(MAX_IMPORT_CHARS)} MB)` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { error: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
    }
    const file = readFile(raw, importWindow(now));
    const unknown = unknownIds(file, knownQuestionIds);
    if (unknown.length > 0) {
      const named = unknown.slice(0, NAMED_UNKNOWN_IDS).map(({ id, path }) => `${JSON.stringify(id.length > 60 ? id.slice(0, 60) + '...' : id)} (${path})`);
      const more = unknown.length - named.length;
      return {
        error: `the file names ${unknown.length} question id${unknown.length === 1 ? '' : 's'} this version does not have: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
      };
    }
    return { file };
  } catch (e) {
    // SchemaError carries the field path; anything else would be a bug, still reported rather than thrown.
    return { error: e instanceof SchemaError ? e.message : `the file could not be read (${String(e)})` };
  }
}

function readFile(raw: unknown, window: TimeWindow): ExportFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SchemaError(`the file must hold a JSON object (found ${describe(raw)})`);
  }
  const root = raw as Record<string, unknown>;
  if (root.format !== EXPORT_FORMAT) {
    throw new SchemaError(`format must be ${JSON.stringify(EXPORT_FORMAT)} (found ${describe(root.format)}); this is not an ML Interview Prep progress export`);
  }
  if (root.version !== EXPORT_VERSION) {
    throw new SchemaError(`version must be ${EXPORT_VERSION} (found ${describe(root.version)}); the file may come from a newer version of the extension`);
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: checkTime(root.exportedAt, 'exportedAt', window),
    progress: readProgressPart(root.progress, window),
    practice: readPracticePart(root.practice, window),
    notes: readNotes(root.notes),
  };
}

function readProgressPart(value: unknown, window: TimeWindow): ProgressState {
  const p = checkObject(value, 'progress');
  if (p.version !== PROGRESS_VERSION) {
    throw new SchemaError(`progress.version must be ${PROGRESS_VERSION} (found ${describe(p.version)})`);
  }
  const questions = Object.entries(checkObject(p.questions, 'progress.questions')).map(([id, entry]): [string, QuestionProgress] => {
    const path = `progress.questions[${JSON.stringify(id)}]`;
    const q = checkObject(entry, path);
    if (typeof q.practiced !== 'boolean') {
      throw new SchemaError(`${path}.practiced must be true or false (found ${describe(q.practiced)})`);
    }
    return [
      id,
      {
        practiced: q.practiced,
        ...(q.firstPracticedAt !== undefined && { firstPracticedAt: checkTime(q.firstPracticedAt, `${path}.firstPracticedAt`, window) }),
        ...(q.lastPracticedAt !== undefined && { lastPracticedAt: checkTime(q.lastPracticedAt, `${path}.lastPracticedAt`, window) }),
      },
    ];
  });
  return { version: PROGRESS_VERSION, questions: Object.fromEntries(questions) };
}

function readPracticePart(value: unknown, window: TimeWindow): PracticeState {
  const p = checkObject(value, 'practice');
  if (p.version !== PRACTICE_VERSION) {
    throw new SchemaError(`practice.version must be ${PRACTICE_VERSION} (found ${describe(p.version)})`);
  }
  const cards = Object.entries(checkObject(p.cards, 'practice.cards')).map(([id, card]): [string, CardState] => [
    id,
    checkCard(card, `practice.cards[${JSON.stringify(id)}]`, window),
  ]);
  const log = checkList(p.log, 'practice.log', MAX_LOG_ENTRIES).map((entry, i) => checkEntry(entry, `practice.log[${i}]`, window));
  return { version: PRACTICE_VERSION, cards: Object.fromEntries(cards), log: orderLog(log) };
}

function readNotes(value: unknown): Record<string, string> {
  const entries = Object.entries(checkObject(value, 'notes')).map(([id, name]): [string, string] => {
    const path = `notes[${JSON.stringify(id)}]`;
    const problem = fileNameProblem(name);
    if (problem) {
      throw new SchemaError(`${path} must be a plain file name (${problem}; found ${describe(name)})`);
    }
    return [id, name as string];
  });
  return Object.fromEntries(entries);
}

/** Why `name` could not safely be joined to the notes folder, or undefined when it can. */
function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') {
    return 'it must be non-empty text';
  }
  if (name.length > 255) {
    return 'at most 255 characters';
  }
  if (/[/\\]/.test(name)) {
    return 'no folder separators';
  }
  if (name.includes('..')) {
    return 'no ".."';
  }
  // Control characters and the characters Windows forbids (":" would also name an NTFS stream).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name)) {
    return 'no control characters or any of < > : " | ? *';
  }
  if (name === '.' || name.trim() !== name || name.endsWith('.')) {
    return 'no leading or trailing spaces or trailing dot';
  }
  return undefined;
}

/** Every id not in the catalog with where it first appears, in file order. */
function unknownIds(file: ExportFile, known: ReadonlySet<string>): { id: string; path: string }[] {
  const found = new Map<string, string>();
  const note = (id: string, path: string) => {
    if (!known.has(id) && !found.has(id)) {
      found.set(id, path);
    }
  };
  for (const id of Object.keys(file.progress.questions)) {
    note(id, `progress.questions`);
  }
  for (const id of Object.keys(file.practice.cards)) {
    note(id, `practice.cards`);
  }
  file.practice.log.forEach((e) => note(e.questionId, 'practice.log'));
  for (const id of Object.keys(file.notes)) {
    note(id, 'notes');
  }
  return [...found].map(([id, path]) => ({ id, path }));
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/**
 * The states an import would write: both merged, and both checked with the same readers the stores
 * use, before anything is written. Either both can be written or the import is refused whole.
 */
export function planImport(
  local: { readonly progress: ProgressState; readonly practice: PracticeState },
  file: ExportFile,
): { readonly progress: ProgressState; readonly practice: PracticeState } | { readonly error: string } {
  const progress = mergeProgress(local.progress, file.progress);
  const practice = mergePractice(local.practice, file.practice);
  const progressProblems = readProgress(progress).problems;
  const practiceProblems = readPractice(practice).problems;
  const problems = [...progressProblems, ...practiceProblems];
  if (problems.length > 0) {
    return { error: `the merged result would not be valid (${problems[0]}${problems.length > 1 ? `, and ${problems.length - 1} more` : ''})` };
  }
  return { progress, practice };
}

/**
 * Per question, the record with the later lastPracticedAt (or, without one, firstPracticedAt)
 * wins, local on a tie; firstPracticedAt becomes the earlier of the two. Ids on one side are kept.
 */
export function mergeProgress(local: ProgressState, incoming: ProgressState): ProgressState {
  const merged = mergeRecords(local.questions, incoming.questions, (mine, theirs) => {
    const winner = time(theirs) > time(mine) ? theirs : mine;
    const firsts = [mine.firstPracticedAt, theirs.firstPracticedAt].filter((t): t is number => t !== undefined);
    return firsts.length === 0 ? winner : { ...winner, firstPracticedAt: Math.min(...firsts) };
  });
  return { version: PROGRESS_VERSION, questions: merged };
}

function time(q: QuestionProgress): number {
  return q.lastPracticedAt ?? q.firstPracticedAt ?? -Infinity;
}

/**
 * Cards: the one reviewed later wins (local on a tie). Log: the union, one entry per question and
 * time (local's on a tie), oldest first, at most MAX_LOG_ENTRIES (the oldest dropped).
 */
export function mergePractice(local: PracticeState, incoming: PracticeState): PracticeState {
  const cards = mergeRecords(local.cards, incoming.cards, (mine, theirs) =>
    (theirs.lastReview ?? -Infinity) > (mine.lastReview ?? -Infinity) ? theirs : mine,
  );
  const seen = new Set<string>();
  const log: ReviewEntry[] = [];
  for (const entry of [...local.log, ...incoming.log]) {
    const key = JSON.stringify([entry.questionId, entry.at]);
    if (!seen.has(key)) {
      seen.add(key);
      log.push(entry);
    }
  }
  return { version: PRACTICE_VERSION, cards, log: orderLog(log) };
}

/** The union of both notes indexes; on the same question the local file name wins, as that file exists here. */
export function mergeNotes(local: Record<string, string>, incoming: Record<string, string>): Record<string, string> {
  return mergeRecords(local, incoming, (mine) => mine);
}

function mergeRecords<T>(local: Readonly<Record<string, T>>, incoming: Readonly<Record<string, T>>, pick: (mine: T, theirs: T) => T): Record<string, T> {
  const out = new Map<string, T>(Object.entries(local));
  for (const [id, theirs] of Object.entries(incoming)) {
    const mine = out.get(id);
    out.set(id, mine === undefined ? theirs : pick(mine, theirs));
  }
  // fromEntries defines own properties, so an id such as "__proto__" stays data.
  return Object.fromEntries(out);
}
