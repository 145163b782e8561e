// The export file: marks, cards, the full review log and the text of "My answer" notes, and how a
// file is read back. Pure: no file system, no vscode. A file is read with the same checks, time
// window and id length as the store's writes, so every export can be imported again; files of
// version 1 (marks and practice as two parts, note names only) are still read.
import { readLegacy } from '../study/legacy';
import { normalize } from '../study/merge';
import {
  checkEntry,
  checkList,
  checkObject,
  checkQuestionId,
  checkRecord,
  checkTime,
  clampTime,
  describe,
  SchemaError,
  validateState,
  type LoggedReview,
  type QuestionRecord,
  type StudyState,
} from '../study/schema';
import { MAX_LOG_ENTRIES } from '../study/types';

export const EXPORT_FORMAT = 'ml-interview-prep-progress';
export const EXPORT_VERSION = 2;
/** Far above a full log (about 3 MB of JSON for 20,000 reviews) and a few hundred notes; anything bigger is not ours. */
export const MAX_IMPORT_CHARS = 40 * 1024 * 1024;
/** A note longer than this is not a note. */
export const MAX_NOTE_CHARS = 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  questions: Record<string, QuestionRecord>;
  log: LoggedReview[];
  /** Question id -> the text of its "My answer" note. */
  notes: Record<string, string>;
}

export interface ParsedImport {
  readonly state: StudyState;
  readonly notes: Readonly<Record<string, string>>;
  /** Version-1 files list note file names without their text: these are the names. */
  readonly noteNamesOnly: readonly string[];
  readonly version: 1 | 2;
}

/**
 * Why a note for this question id cannot be moved between machines (its file name would not be a
 * plain file name everywhere), or undefined when it can. Export and import use this one check.
 */
export function noteIdProblem(id: string): string | undefined {
  try {
    checkQuestionId(id, 'the id');
  } catch (e) {
    return (e as Error).message;
  }
  return fileNameProblem(`${id}.md`);
}

/**
 * The export of a state. The state must pass the store's validation (it always does, as every
 * write is checked); notes whose ids cannot be file names everywhere are left out and counted.
 */
export function buildExport(state: StudyState, notes: Readonly<Record<string, string>>, now: number): { file: ExportFile; notesLeftOut: string[] } {
  const problems = validateState(state, 1);
  if (problems.length > 0) {
    throw new RangeError(`buildExport: the state is not valid (${problems[0]})`);
  }
  const kept: [string, string][] = [];
  const notesLeftOut: string[] = [];
  for (const [id, text] of Object.entries(notes)) {
    if (noteIdProblem(id) === undefined && typeof text === 'string' && text.length <= MAX_NOTE_CHARS) {
      kept.push([id, text]);
    } else {
      notesLeftOut.push(id);
    }
  }
  return {
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: clampTime(now),
      questions: { ...state.questions },
      log: [...state.log],
      notes: Object.fromEntries(kept),
    },
    notesLeftOut,
  };
}

/** Reads an export file strictly: the first field that does not fit refuses the whole file, naming it. Never throws. */
export function parseImport(text: string): { readonly file: ParsedImport } | { readonly error: string } {
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
    return { file: readFile(raw) };
  } catch (e) {
    // SchemaError carries the field path; anything else would be a bug, still reported rather than thrown.
    return { error: e instanceof SchemaError ? e.message : `the file could not be read (${String(e)})` };
  }
}

function readFile(raw: unknown): ParsedImport {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SchemaError(`the file must hold a JSON object (found ${describe(raw)})`);
  }
  const root = raw as Record<string, unknown>;
  if (root.format !== EXPORT_FORMAT) {
    throw new SchemaError(`format must be ${JSON.stringify(EXPORT_FORMAT)} (found ${describe(root.format)}); this is not an ML Interview Prep progress export`);
  }
  if (root.version === 1) {
    return readVersion1(root);
  }
  if (root.version !== EXPORT_VERSION) {
    throw new SchemaError(`version must be 1 or ${EXPORT_VERSION} (found ${describe(root.version)}); the file may come from a newer version of the extension`);
  }
  checkTime(root.exportedAt, 'exportedAt');
  const questions = new Map<string, QuestionRecord>();
  for (const [id, record] of Object.entries(checkObject(root.questions, 'questions'))) {
    const path = `questions[${JSON.stringify(short(id))}]`;
    checkQuestionId(id, `the id of ${path}`);
    questions.set(id, checkRecord(record, path));
  }
  const log = checkList(root.log, 'log', MAX_LOG_ENTRIES).map((entry, i) => checkEntry(entry, `log[${i}]`));
  const notes = new Map<string, string>();
  for (const [id, text] of Object.entries(checkObject(root.notes, 'notes'))) {
    const path = `notes[${JSON.stringify(short(id))}]`;
    const problem = noteIdProblem(id);
    if (problem) {
      throw new SchemaError(`${path} must be keyed by a question id that is a plain file name (${problem})`);
    }
    if (typeof text !== 'string' || text.length > MAX_NOTE_CHARS) {
      throw new SchemaError(`${path} must be the note's text, at most ${MAX_NOTE_CHARS} characters (found ${describe(typeof text === 'string' ? `${text.length} characters` : text)})`);
    }
    notes.set(id, text);
  }
  return { state: checked({ resetAt: 0, questions: Object.fromEntries(questions), log }), notes: Object.fromEntries(notes), noteNamesOnly: [], version: 2 };
}

/** Version 1: `progress` (marks), `practice` (cards and log) and `notes` (file names only). */
function readVersion1(root: Record<string, unknown>): ParsedImport {
  checkTime(clampIfNumber(root.exportedAt), 'exportedAt');
  const practice = checkObject(root.practice, 'practice');
  checkList(practice.log, 'practice.log', MAX_LOG_ENTRIES);
  const read = readLegacy(checkObject(root.progress, 'progress'), practice, 'strict');
  if (read.newerVersion !== undefined) {
    throw new SchemaError(`the file's progress or practice part has version ${read.newerVersion}, newer than this extension reads`);
  }
  const names = Object.entries(checkObject(root.notes, 'notes')).map(([id, name]) => {
    const problem = fileNameProblem(name);
    if (problem) {
      throw new SchemaError(`notes[${JSON.stringify(short(id))}] must be a plain file name (${problem}; found ${describe(name)})`);
    }
    return name as string;
  });
  return { state: checked(read.state), notes: {}, noteNamesOnly: names, version: 1 };
}

/** The file's state in canonical form, checked with the store's validation. */
function checked(state: StudyState): StudyState {
  const normal = normalize(state);
  const problems = validateState(normal, 1);
  if (problems.length > 0) {
    throw new SchemaError(problems[0]);
  }
  return normal;
}

function clampIfNumber(v: unknown): unknown {
  return typeof v === 'number' && Number.isInteger(v) ? clampTime(v) : v;
}

/** Why `name` could not safely be joined to the notes folder, or undefined when it can. */
export function fileNameProblem(name: unknown): string | undefined {
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

const short = (id: string) => (id.length > 60 ? `${id.slice(0, 60)}...` : id);

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
