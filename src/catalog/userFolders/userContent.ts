// The user's own content folders, validated like content/ and merged into the shipped catalog.
// Unlike the build, a problem drops only the file that has it: one typo must not hide every note.
import type { CatalogData, StudyPath, Topic } from '../types';
import { catalogParts, idLine, LinkProblem, linkProblems, orderCatalog, readContentFile, SourceEntry } from '../compile/compileCatalog';
import type { EntryKind } from '../compile/fieldSpecs';

export interface UserFile {
  /** Absolute, as shown in messages and used for diagnostics. */
  readonly path: string;
  /** Within its folder, e.g. `questions/llm/my-q.md` or `concepts/x.md`. */
  readonly relativePath: string;
  readonly text: string;
}

export interface UserProblem {
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export interface MergeResult {
  /** Shipped entries plus the user entries that are valid. */
  readonly catalog: CatalogData;
  readonly problems: UserProblem[];
  /** Ids that came from user files, in path order (the automatic "My notes" topic is not one). */
  readonly userIds: string[];
}

export const MY_NOTES_TOPIC_ID = 'my-notes';

const MY_NOTES_TOPIC: Omit<Topic, 'order'> = {
  id: MY_NOTES_TOPIC_ID,
  title: 'My notes',
  shortTitle: 'My notes',
  difficulty: 'intermediate',
  teaches: ['Questions and concepts from your own content folders'],
  sections: [],
  body: 'Questions and concepts from your own content folders that have no topic file of their own.',
};

interface UserEntry {
  readonly file: UserFile;
  readonly entry: SourceEntry;
}

/** One user file after the checks that need only the file itself. */
export interface ReadUserFile {
  readonly file: UserFile;
  readonly relativePath: string;
  readonly entry: SourceEntry | undefined;
  readonly problems: readonly UserProblem[];
}

/** Reads and checks one file on its own; the result depends only on the file, so callers may cache it. */
export function readUserFile(file: UserFile): ReadUserFile {
  const problems: UserProblem[] = [];
  const relativePath = file.relativePath.replace(/\\/g, '/').replace(/^(\.?\/)+/, '');
  const entry = readContentFile({ path: relativePath, text: file.text }, (line, message) => problems.push({ path: file.path, line, message }), {
    wordLimits: false,
  });
  return { file, relativePath, entry, problems };
}

/**
 * Validates user files with the build's checks (word limits aside) and adds the valid ones to
 * `shipped`. Shipped entries are never replaced: a user id that clashes is reported instead.
 */
export function mergeUserContent(shipped: CatalogData, files: readonly UserFile[]): MergeResult {
  return mergeReadFiles(shipped, files.map(readUserFile));
}

/**
 * The cross-file checks, in linear time. A file is left out only for its own problems, a clashing
 * id, or a topic that does not exist. A broken link leaves out just that link, reported, so one
 * typo never drops the files that point at the file that has it.
 */
export function mergeReadFiles(shipped: CatalogData, read: readonly ReadUserFile[]): MergeResult {
  const steps = mergeSteps(shipped, read);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
  }
}

/** The same merge, pausing for the event loop whenever a stretch has run `sliceMs`, so thousands of files never freeze the host. */
export async function mergeReadFilesInSlices(shipped: CatalogData, read: readonly ReadUserFile[], sliceMs: number): Promise<MergeResult> {
  const steps = mergeSteps(shipped, read);
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The merge as a generator that yields after each file's share of work, so a caller can pause it. */
function* mergeSteps(shipped: CatalogData, read: readonly ReadUserFile[]): Generator<void, MergeResult> {
  const problems: UserProblem[] = [];
  const shippedKinds = kindsOf(shipped);
  // Files that were not loaded, by the id they claim, so links to them can say why.
  const dropped = new Map<string, string>();
  const claimed = new Map<string, UserEntry>();
  const candidates: UserEntry[] = [];

  for (const r of [...read].sort((a, b) => a.file.path.localeCompare(b.file.path))) {
    yield;
    const { file, entry } = r;
    problems.push(...r.problems);
    let ok = r.problems.length === 0 && entry !== undefined;
    const id = typeof entry?.fields.id === 'string' ? entry.fields.id : undefined;
    if (entry && id !== undefined) {
      const report = (message: string) => problems.push({ path: file.path, line: idLine(entry), message });
      if (shippedKinds.has(id)) {
        report(`id "${id}" is already used by the shipped catalog; choose another id`);
        ok = false;
      } else if (claimed.has(id)) {
        report(`duplicate id "${id}": already used by ${claimed.get(id)?.file.path}`);
        ok = false;
      } else {
        claimed.set(id, { file, entry });
      }
    }
    if (ok && entry) {
      candidates.push({ file, entry });
    } else {
      // Both the id it claims and its file name, since either may be what others link to.
      for (const droppedId of [id, entry?.fileId ?? fileIdOf(r.relativePath)]) {
        if (droppedId !== undefined && !dropped.has(droppedId)) {
          dropped.set(droppedId, file.path);
        }
      }
    }
  }

  // A question or concept needs its topic: user topics never depend on other files, so one pass decides.
  const userTopics = new Set(candidates.filter((u) => u.entry.kind === 'topic').map((u) => u.entry.fields.id as string));
  let usesMyNotes = false;
  const topicKind = (id: string): EntryKind | undefined => {
    if (shippedKinds.get(id) === 'topic' || userTopics.has(id)) {
      return 'topic';
    }
    if (id === MY_NOTES_TOPIC_ID) {
      usesMyNotes = true;
      return 'topic';
    }
    return shippedKinds.get(id);
  };
  const alive: UserEntry[] = [];
  for (const u of candidates) {
    yield;
    const topicProblems = u.entry.kind === 'question' || u.entry.kind === 'concept' ? linkProblems(topicOnly(u.entry), topicKind) : [];
    if (topicProblems.length === 0) {
      alive.push(u);
      continue;
    }
    topicProblems.forEach((p) => problems.push({ path: u.file.path, line: p.line, message: `${explain(p, dropped)}; the file is left out` }));
    dropped.set(u.entry.fields.id as string, u.file.path);
  }
  // Recount "My notes" over the files that stay.
  usesMyNotes = false;
  alive.forEach((u) => topicKind(String(u.entry.fields.topic ?? '')));

  const aliveKinds = new Map(alive.map((u) => [u.entry.fields.id as string, u.entry.kind]));
  const kindOf = (id: string): EntryKind | undefined =>
    shippedKinds.get(id) ?? aliveKinds.get(id) ?? (id === MY_NOTES_TOPIC_ID && usesMyNotes ? 'topic' : undefined);
  const entries: SourceEntry[] = [];
  for (const u of alive) {
    yield;
    const found = linkProblems(u.entry, kindOf).filter((p) => p.field !== 'topic');
    for (const p of found) {
      const what = p.field === undefined ? 'the link does not open' : 'that link is left out';
      problems.push({ path: u.file.path, line: p.line, message: `${explain(p, dropped)}; ${what}` });
    }
    entries.push(withoutLinks(u.entry, found));
  }

  // Converting is a share of the work too: in slices, then one sort below.
  const pieces: ReturnType<typeof catalogParts>[] = [];
  for (let i = 0; i < entries.length; i += 200) {
    yield;
    pieces.push(catalogParts(entries.slice(i, i + 200)));
  }
  const user = {
    topics: pieces.flatMap((p) => p.topics),
    questions: pieces.flatMap((p) => p.questions),
    concepts: pieces.flatMap((p) => p.concepts),
    paths: pieces.flatMap((p) => p.paths),
  };
  const shippedTopicOrder = Math.max(0, ...shipped.topics.map((t) => t.order));
  const topics = afterShipped(user.topics, shippedTopicOrder);
  if (usesMyNotes) {
    topics.push({ ...MY_NOTES_TOPIC, order: shippedTopicOrder + topics.length + 1 });
  }
  const paths = afterShipped(user.paths, Math.max(0, ...shipped.paths.map((p) => p.order)));
  const catalog = orderCatalog({
    topics: [...shipped.topics, ...topics],
    questions: [...shipped.questions, ...user.questions],
    concepts: [...shipped.concepts, ...user.concepts],
    paths: [...shipped.paths, ...paths],
  });
  problems.sort((a, b) => (a.path === b.path ? 0 : a.path.localeCompare(b.path)) || a.line - b.line);
  return { catalog, problems, userIds: alive.map((u) => u.entry.fields.id as string) };
}

/** The entry as the topic check sees it: body and other links aside. */
function topicOnly(entry: SourceEntry): SourceEntry {
  return { ...entry, fields: { id: entry.fields.id, topic: entry.fields.topic }, parsed: { ...entry.parsed, body: '' } };
}

/** The entry with the field links that `found` reports taken out. */
function withoutLinks(entry: SourceEntry, found: readonly LinkProblem[]): SourceEntry {
  const bad = found.filter((p) => p.field !== undefined && p.ref !== undefined);
  if (bad.length === 0) {
    return entry;
  }
  const fields = { ...entry.fields };
  for (const p of bad) {
    const value = fields[p.field as string];
    fields[p.field as string] = Array.isArray(value) ? value.filter((v) => v !== p.ref) : value;
  }
  return { ...entry, fields };
}

function kindsOf(catalog: CatalogData): Map<string, EntryKind> {
  const kinds = new Map<string, EntryKind>();
  catalog.topics.forEach((t) => kinds.set(t.id, 'topic'));
  catalog.questions.forEach((q) => kinds.set(q.id, 'question'));
  catalog.concepts.forEach((c) => kinds.set(c.id, 'concept'));
  catalog.paths.forEach((p) => kinds.set(p.id, 'path'));
  return kinds;
}

/** User topics and paths keep their own relative order but always follow the shipped ones. */
function afterShipped<T extends Topic | StudyPath>(list: readonly T[], lastShipped: number): T[] {
  return [...list]
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((item, i) => ({ ...item, order: lastShipped + i + 1 }));
}

/** A link to a file that exists but was not loaded says so, instead of "unknown id". */
function explain(p: LinkProblem, dropped: ReadonlyMap<string, string>): string {
  const path = p.unknownId === undefined ? undefined : dropped.get(p.unknownId);
  if (path === undefined) {
    return p.message;
  }
  const target = p.field === undefined ? `link to "mlprep:${p.unknownId}"` : `field "${p.field}" links to "${p.unknownId}"`;
  return `${target}, which is not loaded because ${path} has problems`;
}

function fileIdOf(relativePath: string): string | undefined {
  const name = relativePath.split('/').pop() ?? '';
  return name.endsWith('.md') ? name.slice(0, -3) : undefined;
}
