// The user's own content folders, validated like content/ and merged into the shipped catalog.
// Unlike the build, a problem drops only the file that has it: one typo must not hide every note.
import type { CatalogData, StudyPath, Topic } from '../catalog/types';
import { catalogParts, idLine, LinkProblem, linkProblems, orderCatalog, readContentFile, SourceEntry } from './compileCatalog';
import type { EntryKind } from './fieldSpecs';

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

/**
 * Validates user files with the build's checks (word limits aside) and adds the valid ones to
 * `shipped`. Shipped entries are never replaced: a user id that clashes is reported instead.
 */
export function mergeUserContent(shipped: CatalogData, files: readonly UserFile[]): MergeResult {
  const problems: UserProblem[] = [];
  const shippedKinds = kindsOf(shipped);
  // Files that were not loaded, by the id they claim, so links to them can say why.
  const dropped = new Map<string, string>();
  const claimed = new Map<string, UserEntry>();
  let alive: UserEntry[] = [];

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const before = problems.length;
    const report = (line: number, message: string) => problems.push({ path: file.path, line, message });
    const relativePath = file.relativePath.replace(/\\/g, '/').replace(/^(\.?\/)+/, '');
    // Editors on Windows save CRLF and some add a byte-order mark; neither changes line numbers.
    const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const entry = readContentFile({ path: relativePath, text }, report, { wordLimits: false });
    const id = typeof entry?.fields.id === 'string' ? entry.fields.id : undefined;
    if (entry && id !== undefined) {
      if (shippedKinds.has(id)) {
        report(idLine(entry), `id "${id}" is already used by the shipped catalog; choose another id`);
      } else {
        const first = claimed.get(id);
        if (first) {
          report(idLine(entry), `duplicate id "${id}": already used by ${first.file.path}`);
        } else {
          claimed.set(id, { file, entry });
        }
      }
    }
    if (entry && problems.length === before) {
      alive.push({ file, entry });
    } else {
      // Both the id it claims and its file name, since either may be what others link to.
      for (const droppedId of [id, entry?.fileId ?? fileIdOf(relativePath)]) {
        if (droppedId !== undefined && !dropped.has(droppedId)) {
          dropped.set(droppedId, file.path);
        }
      }
    }
  }

  // Dropping an entry can break the links of others to it, so check again until nothing changes.
  let usesMyNotes = false;
  for (let changed = true; changed; ) {
    changed = false;
    usesMyNotes = false;
    const aliveKinds = new Map(alive.map((u) => [u.entry.fields.id as string, u.entry.kind]));
    const survivors: UserEntry[] = [];
    for (const u of alive) {
      let fallback = false;
      const kindOf = (id: string): EntryKind | undefined => {
        const kind = shippedKinds.get(id) ?? aliveKinds.get(id);
        if (kind === undefined && id === MY_NOTES_TOPIC_ID) {
          fallback = true;
          return 'topic';
        }
        return kind;
      };
      const found = linkProblems(u.entry, kindOf);
      if (found.length === 0) {
        survivors.push(u);
        usesMyNotes ||= fallback;
        continue;
      }
      changed = true;
      for (const p of found) {
        problems.push({ path: u.file.path, line: p.line, message: explain(p, dropped) });
      }
      dropped.set(u.entry.fields.id as string, u.file.path);
    }
    alive = survivors;
  }

  const user = catalogParts(alive.map((u) => u.entry));
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
