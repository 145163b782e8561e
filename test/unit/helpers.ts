import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Catalog } from '../../src/catalog/catalog';
import { compileCatalog, ContentFile, formatProblem } from '../../src/catalog/compile/compileCatalog';
import type { BackupSink } from '../../src/study/backups';
import type { MementoLike } from '../../src/util/memento';

/** A small, valid content tree; tests change one file to make it invalid. */
export function validFiles(): ContentFile[] {
  return [
    file('topics/basics.md', { id: 'basics', title: 'Basics', order: 1, difficulty: 'beginner', teaches: ['Things'] }, 'Overview.'),
    file('topics/advanced.md', { id: 'advanced', title: 'Advanced', order: 2, difficulty: 'advanced', teaches: ['More things'] }, 'Overview.'),
    file(
      'questions/basics/what-is-bias.md',
      {
        id: 'what-is-bias',
        title: 'What is bias?',
        topic: 'basics',
        format: 'explain',
        difficulty: 'beginner',
        status: 'published',
        summary: 'Bias is systematic error.',
        concepts: ['bias'],
        related: ['draft-question'],
        keyPoints: ['One', 'Two', 'Three', 'Four'],
        sources: ['Someone, 2020. A paper.'],
        shortTitle: 'Bias',
      },
      publishedBody(),
    ),
    file(
      'questions/basics/draft-question.md',
      { id: 'draft-question', title: 'A draft?', topic: 'basics', format: 'design', difficulty: 'beginner', status: 'draft', summary: 'Not written yet.' },
      'Will cover things.',
    ),
    file(
      'concepts/bias.md',
      { id: 'bias', title: 'Bias', topic: 'basics', status: 'draft', oneLiner: 'Systematic error of a model.', aliases: ['underfitting'] },
      'Explanation with a [link](mlprep:what-is-bias).',
    ),
    file('paths/start.md', { id: 'start', title: 'Start here', order: 1, topics: ['basics', 'advanced'] }, 'For beginners.'),
  ];
}

export function publishedBody(): string {
  return '## Short answer\nShort.\n\n## Deep dive\nDeep.\n\n## Trade-offs and pitfalls\nCareful.\n\n## Follow-ups\n### Next?\nYes.\n';
}

export function file(path: string, fields: Record<string, unknown>, body: string): ContentFile {
  const yaml = Object.entries(fields)
    .map(([k, v]) => (Array.isArray(v) && v.length > 0 ? `${k}:\n${v.map((x) => `  - ${JSON.stringify(x)}`).join('\n')}` : `${k}: ${JSON.stringify(v)}`))
    .join('\n');
  return { path, text: `---\n${yaml}\n---\n${body}` };
}

export class MemoryMemento implements MementoLike {
  readonly values = new Map<string, unknown>();
  writes = 0;
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    // Like globalState: stored as JSON, so later mutation of the object cannot leak in.
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

/** Backups kept in memory, newest last. */
export class MemoryBackups implements BackupSink {
  readonly saved: { reason: string; value: unknown }[] = [];
  save(reason: string, value: unknown): Promise<string> {
    this.saved.push({ reason, value: JSON.parse(JSON.stringify(value ?? null)) });
    return Promise.resolve(`memory:${this.saved.length}`);
  }
}

export const CONTENT_ROOT = join(__dirname, '..', '..', 'content');
let shipped: Catalog | undefined;

/** Compiles the shipped content/ folder once, failing the test with every problem if it is invalid. */
export function shippedCatalog(): Catalog {
  if (shipped) {
    return shipped;
  }
  const { catalog, problems } = compileCatalog(shippedContentFiles());
  if (!catalog) {
    throw new Error(`content/ does not compile:\n${problems.map(formatProblem).join('\n')}`);
  }
  shipped = new Catalog(catalog);
  return shipped;
}

/** The shipped content/ files the catalog compiles from, paths relative to content/. */
export function shippedContentFiles(): ContentFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  // content/exercises/ is its own kind, compiled by compileExercises.
  const files = walk(CONTENT_ROOT)
    .map((f) => ({ path: relative(CONTENT_ROOT, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }))
    .filter((f) => !f.path.startsWith('exercises/'));
  return files;
}
