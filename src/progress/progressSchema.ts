import { describeValue } from '../util/describeValue';

// The stored shape of practice progress, and how older or damaged values are read.

export const PROGRESS_VERSION = 2;

export interface QuestionProgress {
  readonly practiced: boolean;
  /** Epoch milliseconds of the first time the question was marked practiced. */
  readonly firstPracticedAt?: number;
  /** Epoch milliseconds of the latest time it was marked practiced. */
  readonly lastPracticedAt?: number;
}

export interface ProgressState {
  readonly version: typeof PROGRESS_VERSION;
  /** Keyed by question id. Ids the current catalog does not know are kept as they are. */
  readonly questions: Readonly<Record<string, QuestionProgress>>;
}

export interface ReadResult {
  readonly state: ProgressState;
  /** Plain-language problems found; empty when the stored value was sound. */
  readonly problems: readonly string[];
  /** True when the stored value must be rewritten (migrated or repaired). */
  readonly changed: boolean;
}

export const emptyProgress = (): ProgressState => ({ version: PROGRESS_VERSION, questions: {} });

/**
 * Reads whatever is stored: the current schema, the version-1 schema (`{ version: 1, practiced:
 * string[] }`), or something damaged, salvaging every entry that can be read.
 */
export function readProgress(raw: unknown): ReadResult {
  if (raw === undefined || raw === null) {
    return { state: emptyProgress(), problems: [], changed: false };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { state: emptyProgress(), problems: [`expected an object, found ${describeValue(raw)}`], changed: true };
  }
  const value = raw as Record<string, unknown>;
  if (value.version === 1) {
    return migrateV1(value);
  }
  const problems: string[] = [];
  if (value.version !== PROGRESS_VERSION) {
    problems.push(`unknown schema version ${JSON.stringify(value.version)}`);
  }
  const stored = value.questions;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    problems.push(`"questions" should be an object, found ${describeValue(stored)}`);
    return { state: emptyProgress(), problems, changed: true };
  }
  const questions: Record<string, QuestionProgress> = {};
  for (const [id, entry] of Object.entries(stored as Record<string, unknown>)) {
    const read = readEntry(entry);
    if (read) {
      questions[id] = read.entry;
      if (read.repaired) {
        problems.push(`entry "${id}" had invalid times, which were dropped`);
      }
    } else {
      problems.push(`entry "${id}" could not be read (${describeValue(entry)})`);
    }
  }
  return { state: { version: PROGRESS_VERSION, questions }, problems, changed: problems.length > 0 };
}

function migrateV1(value: Record<string, unknown>): ReadResult {
  const list = value.practiced;
  if (!Array.isArray(list)) {
    return { state: emptyProgress(), problems: [`version-1 "practiced" should be a list, found ${describeValue(list)}`], changed: true };
  }
  const questions: Record<string, QuestionProgress> = {};
  const problems: string[] = [];
  for (const id of list) {
    if (typeof id === 'string' && id !== '') {
      questions[id] = { practiced: true };
    } else {
      problems.push(`version-1 entry ${describeValue(id)} is not a question id`);
    }
  }
  return { state: { version: PROGRESS_VERSION, questions }, problems, changed: true };
}

function readEntry(entry: unknown): { entry: QuestionProgress; repaired: boolean } | undefined {
  if (typeof entry !== 'object' || entry === null || typeof (entry as { practiced?: unknown }).practiced !== 'boolean') {
    return undefined;
  }
  const e = entry as Record<string, unknown>;
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  const first = time(e.firstPracticedAt);
  const last = time(e.lastPracticedAt);
  const repaired = (e.firstPracticedAt !== undefined && first === undefined) || (e.lastPracticedAt !== undefined && last === undefined);
  const result: QuestionProgress = {
    practiced: e.practiced as boolean,
    ...(first !== undefined && { firstPracticedAt: first }),
    ...(last !== undefined && { lastPracticedAt: last }),
  };
  return { entry: result, repaired };
}
