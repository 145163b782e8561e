// npm run bench: medians and p95 for the figures the core issue sets targets for.
import Fuse from 'fuse.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CatalogSource } from '../src/catalog/catalogSource';
import { parseCatalog } from '../src/catalog/loadCatalog';
import { buildLookupTable, parseLookupTable } from '../src/lookup/lookupTable';
import { termAt } from '../src/lookup/termAtPosition';
import type { Catalog } from '../src/catalog/catalog';
import { mergeUserContent, MY_NOTES_TOPIC_ID, UserFile } from '../src/catalog/userFolders/userContent';
import { EntryHtmlBuilder } from '../src/panel/entryHtml';
import { MarkdownRenderer } from '../src/panel/markdownRenderer';
import { aggregate } from '../src/dashboard/dashboard';
import { reviewCard } from '../src/study/scheduler';
import { CardState, Grade, ReviewEntry, StudyHistory } from '../src/study/types';
import { normalize } from '../src/study/merge';
import type { QuestionRecord, StudyState } from '../src/study/schema';
import { SYNC_MAX_BYTES } from '../src/study/storedValue';
import { STUDY_LOCAL_KEY, STUDY_SYNC_KEY, StudyStore } from '../src/study/studyStore';
import { hostileBench } from './benchHostile';
import MiniSearch from 'minisearch';
import { Catalog as CatalogClass } from '../src/catalog/catalog';
import type { CatalogData, Question } from '../src/catalog/types';
import { bodiesFrom } from '../src/catalog/loadCatalog';
import { SearchEngine, SECTION_OPTIONS } from '../src/search/searchEngine';
import { evaluate, loadQueries } from '../test/unit/searchEval';
import { TreeModel, TreeNode } from '../src/tree/treeModel';

const root = join(__dirname, '..');
const catalogFile = join(root, 'dist', 'catalog.json');

interface Stats {
  median: number;
  p95: number;
  runs: number;
}

function measure(runs: number, fn: () => void): Stats {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

function summarize(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), runs: times.length };
}

const rows: string[][] = [];
const qualityRows: ReturnType<typeof evaluate> = [];
function report(name: string, s: Stats, target?: string): void {
  const ok = target ? (s.p95 <= Number(target) ? 'ok' : 'OVER') : '';
  rows.push([name, s.median.toFixed(3), s.p95.toFixed(3), String(s.runs), target ? `≤ ${target} ms` : '', ok]);
}

const noBackups = { save: () => Promise.resolve('') };

class MemoryMemento {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

// Tree-ready data: read and parse the bundled JSON, build the model, expand every node once.
function loadToTree(): number {
  const result = parseCatalog(readFileSync(catalogFile, 'utf8'), catalogFile);
  if (!('catalog' in result)) {
    throw new Error(result.error);
  }
  const model = new TreeModel(new CatalogSource(result.catalog), new StudyStore({ memento: new MemoryMemento(), backups: noBackups }));
  let nodes = 0;
  const visit = (list: readonly TreeNode[]) =>
    list.forEach((n) => {
      nodes++;
      if (n.type === 'topic') {
        model.topicCount(n.topic.id);
      }
      visit(model.children(n));
    });
  visit(model.roots());
  return nodes;
}

/** Every prefix of each query, as a user types it. */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

const QUERIES = ['chinchila', 'kv cahce', 'calibraton', 'layer norm', 'nucleus samplng', 'gradient boostng'];

const WORDS = (
  'model data training loss gradient attention layer token cache feature ranking metric latency ' +
  'embedding vector retrieval sampling variance bias regularization ensemble tree boosting network ' +
  'inference batch norm weight optimizer learning rate schedule scaling law expert router memory agent'
).split(' ');

/** A catalog of n questions with answer-length bodies (about 600 words in four sections) over a Zipf-like vocabulary. */
function syntheticCatalog(n: number, seed = 7): CatalogClass {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  // 6,000 made-up words plus the real ones; low ranks are far more frequent, as in text.
  const vocab = [...WORDS, ...Array.from({ length: 6000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`)];
  const word = () => vocab[Math.floor(vocab.length * rand() ** 3)];
  const phrase = (k: number) => Array.from({ length: k }, word).join(' ');
  const questions: Question[] = Array.from({ length: n }, (_, i) => ({
    id: `q-${i}`,
    title: `${phrase(6)} ${i}?`,
    shortTitle: `${phrase(2)} ${i}`,
    topic: 'synthetic',
    format: 'explain',
    section: '',
    difficulty: 'intermediate',
    status: 'published',
    summary: phrase(25),
    tags: [word(), word()],
    concepts: [],
    related: [],
    prerequisites: [],
    keyPoints: [phrase(8), phrase(8), phrase(8), phrase(8)],
    sources: [],
    body: `## Short answer\n${phrase(60)}\n\n## Deep dive\n${phrase(330)}\n\n## Trade-offs and pitfalls\n${phrase(140)}\n\n## Follow-ups\n### ${phrase(6)}?\n${phrase(60)}\n`,
  }));
  const data: CatalogData = {
    schemaVersion: 1,
    topics: [{ id: 'synthetic', title: 'Synthetic', shortTitle: 'Synthetic', order: 1, difficulty: 'intermediate', teaches: [], sections: [], body: '' }],
    questions,
    concepts: [],
    paths: [],
  };
  return new CatalogClass(data);
}

/** Naive fuse.js over every field the engine searches, answer bodies included. */
function naiveFuse(catalog: CatalogClass): Fuse<{ title: string; aliases: string; keyPoints: string; text: string; body: string }> {
  const docs = [...catalog.concepts, ...catalog.questions].map((e) => ({
    title: e.title,
    aliases: 'aliases' in e ? e.aliases.join(' ') : e.tags.join(' '),
    keyPoints: 'keyPoints' in e ? e.keyPoints.join(' ') : '',
    text: 'oneLiner' in e ? e.oneLiner : e.summary,
    body: catalog.body(e.id),
  }));
  return new Fuse(docs, { keys: ['title', 'aliases', 'keyPoints', 'text', 'body'], includeScore: true, ignoreLocation: true, threshold: 0.45 });
}

/** A review log over the catalog's questions, spread over the last 200 days, with a card each. */
function syntheticPractice(questionIds: readonly string[], entries: number, now: number, seed = 11): StudyHistory {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const day = 86_400_000;
  const start = now - 200 * day;
  const log: ReviewEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const keyPointCount = 3 + Math.floor(rand() * 4);
    log.push({
      questionId: questionIds[Math.floor(rand() * questionIds.length)],
      at: start + Math.floor((i / entries) * 200 * day),
      grade: (1 + Math.floor(rand() * 4)) as Grade,
      durationMs: Math.floor(rand() * 120_000),
      covered: Array.from({ length: keyPointCount }, (_, k) => k).filter(() => rand() < 0.6),
      keyPointCount,
    });
  }
  const cards: Record<string, CardState> = {};
  for (const id of questionIds) {
    const due = now + Math.floor((rand() * 14 - 4) * day);
    cards[id] = { due, stability: 5, difficulty: 5, elapsedDays: 3, scheduledDays: 7, learningSteps: 0, reps: 6, lapses: Math.floor(rand() * 3), state: 2 };
  }
  return { cards, log, due: Object.keys(cards).filter((id) => cards[id].due <= now) };
}

/**
 * A heavy user's study state as the store holds it: `questions` practiced questions with real FSRS
 * cards (ids as long as the shipped ones) and a log of `entries` reviews over the last 400 days.
 */
function syntheticStudy(questions: number, entries: number, now: number, seed = 3): StudyState {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const day = 86_400_000;
  const ids = Array.from({ length: questions }, (_, i) => `synthetic-question-about-topic-number-${String(i).padStart(4, '0')}`);
  const start = now - 400 * day;
  const cards = new Map<string, CardState>();
  const log: ReviewEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const questionId = ids[Math.floor(rand() * ids.length)];
    const at = start + Math.floor((i / entries) * 400 * day);
    const grade = (1 + Math.floor(rand() * 4)) as Grade;
    cards.set(questionId, reviewCard(cards.get(questionId), grade, at));
    const keyPointCount = 4 + Math.floor(rand() * 5);
    log.push({
      questionId,
      at,
      grade,
      durationMs: 20_000 + Math.floor(rand() * 600_000),
      covered: Array.from({ length: keyPointCount }, (_, k) => k).filter(() => rand() < 0.6),
      keyPointCount,
    });
  }
  const records: Record<string, QuestionRecord> = {};
  for (const id of ids) {
    const card = cards.get(id);
    const first = start + Math.floor(rand() * day);
    records[id] = card
      ? { practiced: true, updatedAt: card.lastReview ?? first, firstPracticedAt: first, lastPracticedAt: card.lastReview ?? first, card }
      : { practiced: true, updatedAt: first, firstPracticedAt: first, lastPracticedAt: first };
  }
  return normalize({ resetAt: 0, questions: records, log });
}

/**
 * Like VS Code's globalState (ExtensionMemento): update keeps the value given, and the storage
 * then writes all of the extension's keys as one JSON text.
 */
class GlobalStateLikeMemento extends MemoryMemento {
  private readonly all = new Map<string, unknown>();
  override get<T>(key: string): T | undefined {
    return this.all.get(key) as T | undefined;
  }
  override update(key: string, value: unknown): Promise<void> {
    this.all.set(key, value);
    JSON.stringify(Object.fromEntries(this.all));
    return Promise.resolve();
  }
  /** What another window's write looks like here: a new object with the same content. */
  touch(key: string): void {
    this.all.set(key, JSON.parse(JSON.stringify(this.all.get(key))));
  }
}

/** The synced and local values the store writes for a heavy user, and the cost of one grade. */
async function studyStorageBench(): Promise<void> {
  const now = Date.now();
  const memento = new GlobalStateLikeMemento();
  const store = new StudyStore({ memento, backups: noBackups, now: () => now });
  await store.load();
  await store.importState(syntheticStudy(300, 20_000, now - 60_000));
  const size = (key: string) => Buffer.byteLength(JSON.stringify(memento.get(key)), 'utf8');
  const synced = size(STUDY_SYNC_KEY);
  const local = size(STUDY_LOCAL_KEY);
  const kb = (b: number) => (b / 1024).toFixed(1);
  const syncedValue = memento.get<{ questions: object; log: unknown[] }>(STUDY_SYNC_KEY);
  console.log(
    `\nstudy storage, 300 questions with a 20,000-review history:` +
      `\n  synced value (Settings Sync, mlPrep.study): ${kb(synced)} KB (${Object.keys(syncedValue?.questions ?? {}).length} questions, latest ${syncedValue?.log.length ?? 0} reviews; cap ${kb(SYNC_MAX_BYTES)} KB) ${synced <= SYNC_MAX_BYTES ? 'ok' : 'OVER'}` +
      `\n  local value (this machine only, mlPrep.study.local): ${kb(local)} KB (${store.state.log.length} reviews)`,
  );
  let t = 0;
  const ids = Object.keys(store.state.questions);
  const grade = async (i: number) => {
    const start = performance.now();
    await store.record({ questionId: ids[i % ids.length], grade: 3, durationMs: 30_000, covered: [], keyPointCount: 0, at: now + ++t });
    return performance.now() - start;
  };
  const own: number[] = [];
  const afterOther: number[] = [];
  for (let i = 0; i < 20; i++) {
    own.push(await grade(i));
    memento.touch(STUDY_LOCAL_KEY);
    afterOther.push(await grade(i));
  }
  report('study store: grade, 20,000-review log (merge, check, write both values)', summarize(own), '100');
  report('study store: grade after another window wrote (read and check its value too)', summarize(afterOther), '300');
}

/**
 * A user's notes folder: 800 published questions of about 300 words (half under shipped topics,
 * half in my-notes, linking to shipped and user ids) and 200 concepts.
 */
function syntheticUserFiles(catalog: Catalog, seed = 5): UserFile[] {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const phrase = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const list = (items: readonly string[]) => items.map((v) => `\n  - "${v}"`).join('');
  const out: UserFile[] = [];
  const add = (relativePath: string, text: string) => out.push({ path: `/home/me/notes/${relativePath}`, relativePath, text });
  const shippedConcept = catalog.concepts[0].id;
  const shippedQuestion = catalog.questions[0].id;
  for (let i = 0; i < 200; i++) {
    const topic = i % 2 ? MY_NOTES_TOPIC_ID : catalog.topics[i % catalog.topics.length].id;
    add(
      `concepts/note-concept-${i}.md`,
      `---\nid: note-concept-${i}\ntitle: "${phrase(2)} ${i}"\ntopic: ${topic}\nstatus: draft\noneLiner: "${phrase(12)}"\n` +
        `aliases:${list([phrase(1), `${phrase(1)}_${i}`])}\nrelated:${list([shippedConcept, `note-concept-${(i + 1) % 200}`])}\n---\n${phrase(150)}\n`,
    );
  }
  for (let i = 0; i < 800; i++) {
    const topic = i % 2 ? MY_NOTES_TOPIC_ID : catalog.topics[i % catalog.topics.length].id;
    const body =
      `## Short answer\n${phrase(50)}\n\n## Deep dive\n${phrase(150)} [see](mlprep:note-concept-${i % 200})\n\n` +
      `## Trade-offs and pitfalls\n${phrase(60)}\n\n## Follow-ups\n### ${phrase(5)}?\n${phrase(30)}\n`;
    add(
      `questions/${topic}/note-q-${i}.md`,
      `---\nid: note-q-${i}\ntitle: "${phrase(6)} ${i}?"\ntopic: ${topic}\nformat: ${i % 4 ? 'explain' : 'design'}\ndifficulty: intermediate\n` +
        `status: published\nsummary: "${phrase(25)}"\ntags:${list(['mine'])}\nconcepts:${list([`note-concept-${i % 200}`, shippedConcept])}\n` +
        `related:${list([`note-q-${(i + 1) % 800}`, shippedQuestion])}\nkeyPoints:${list([phrase(6), phrase(6), phrase(6), phrase(6)])}\n` +
        `sources:${list(['My reading notes'])}\n---\n${body}`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const catalogResult = parseCatalog(readFileSync(catalogFile, 'utf8'), catalogFile, bodiesFrom(join(root, 'dist', 'bodies')));
  if (!('catalog' in catalogResult)) {
    throw new Error(catalogResult.error);
  }
  const catalog = catalogResult.catalog;

  // 1. Catalog load to tree-ready data.
  const coldStart = performance.now();
  const nodes = loadToTree();
  report(`catalog load → tree data, first run (${nodes} nodes)`, summarize([performance.now() - coldStart]), '5');
  report('catalog load → tree data, warm', measure(200, loadToTree), '5');

  // 2. Search: the engine as the extension loads it, per keystroke, beside naive fuse.js.
  const dist = join(root, 'dist');
  const shippedCatalog = catalog;
  const readJson = (f: string) => JSON.parse(readFileSync(join(dist, f), 'utf8'));
  report('search: load the entries index (first search)', measure(10, () => new SearchEngine(shippedCatalog, { heads: readJson('search-heads.json') })), '30');
  report('search: load the answer-sections index (after it, in the background)', measure(10, () => MiniSearch.loadJS(readJson('search-sections.json'), SECTION_OPTIONS)));
  report('search: build both indexes from the catalog (what the build does)', measure(3, () => new SearchEngine(shippedCatalog)));
  const engine = new SearchEngine(shippedCatalog, { heads: readJson('search-heads.json'), sections: readJson('search-sections.json') });
  const queries = loadQueries();
  const typed = keystrokes([...QUERIES, ...queries.filter((_, i) => i % 5 === 0).map((q) => q.query)]);
  report(`search per keystroke, shipped catalog (${shippedCatalog.questions.length + shippedCatalog.concepts.length} entries, ${typed.length} keystrokes)`, measureKeystrokes(typed, (q) => engine.search(q)), '2');
  const fuseShipped = naiveFuse(shippedCatalog);
  report('search per keystroke, shipped catalog (naive fuse.js, all fields and bodies)', measureKeystrokes(typed.filter((_, i) => i % 4 === 0), (q) => fuseShipped.search(q, { limit: 30 })));
  let naiveAt = 0;
  const synthetic = syntheticCatalog(10_000);
  const buildStart = performance.now();
  const big = new SearchEngine(synthetic);
  report('search: build both indexes, synthetic 10,000 entries', summarize([performance.now() - buildStart]));
  const syntheticTyped = keystrokes(['attention layer', 'gradient boosting tree', 'cache latency', 'embedding retrieval', 'modl', 'w1x']);
  report('search per keystroke, synthetic 10,000 entries with answer-length bodies', measureKeystrokes(syntheticTyped, (q) => big.search(q)), '16');
  const fuseBig = naiveFuse(synthetic);
  // A few keystrokes only: each takes seconds.
  report('search per keystroke, synthetic 10,000 (naive fuse.js, all fields and bodies)', measure(4, () => fuseBig.search(syntheticTyped[(naiveAt++ * 7) % syntheticTyped.length], { limit: 30 })));
  qualityRows.push(...evaluate(engine, queries));

  // 3. Panel HTML for the longest answer: a fresh builder each run, so nothing is cached.
  const longest = [...catalog.questions].sort((a, b) => catalog.body(b.id).length - catalog.body(a.id).length)[0];
  const renderer = new MarkdownRenderer();
  report(
    `panel HTML, longest answer (${longest.id}, ${catalog.body(longest.id).split(/\s+/).length} words)`,
    measure(50, () => new EntryHtmlBuilder(catalog, renderer).build(longest.id, { practiced: false, pinned: false })),
    '10',
  );
  const firstRender = performance.now();
  new EntryHtmlBuilder(catalog, new MarkdownRenderer()).build(longest.id, { practiced: false, pinned: false });
  report('panel HTML, longest answer incl. creating markdown-it (first open)', summarize([performance.now() - firstRender]));

  // 4. Dashboard aggregation: one pass over a full-sized log.
  const now = Date.now();
  const practice = syntheticPractice(catalog.questions.map((q) => q.id), 10_000, now);
  const practised = new Set(catalog.questions.filter((_, i) => i % 3 === 0).map((q) => q.id));
  aggregate(catalog, (id) => practised.has(id), practice, now);
  report(
    'dashboard aggregation, 10,000 review-log entries',
    measure(200, () => aggregate(catalog, (id) => practised.has(id), practice, now)),
    '20',
  );

  // 5. User content folders: validate and merge into the shipped catalog.
  const shippedData = { schemaVersion: 1 as const, topics: catalog.topics, questions: catalog.questions, concepts: catalog.concepts, paths: catalog.paths };
  const userFiles = syntheticUserFiles(catalog);
  const coldMerge = performance.now();
  const check = mergeUserContent(shippedData, userFiles);
  const coldMs = performance.now() - coldMerge;
  if (check.problems.length > 0 || check.userIds.length !== userFiles.length) {
    throw new Error(`synthetic user content did not merge cleanly: ${check.problems.slice(0, 3).map((p) => `${p.path}:${p.line}: ${p.message}`).join('; ')}`);
  }
  report(`user content: validate and merge ${userFiles.length.toLocaleString('en')} files, first run`, summarize([coldMs]), '300');
  report(`user content: validate and merge ${userFiles.length.toLocaleString('en')} files`, measure(10, () => mergeUserContent(shippedData, userFiles)), '300');

  // 5b. Hover look-up: the shipped dist/lookup.json, every character position of train.py in turn.
  const table = parseLookupTable(readFileSync(join(root, 'dist', 'lookup.json'), 'utf8'));
  if (!table) {
    throw new Error('dist/lookup.json is missing or damaged: run npm run build:content');
  }
  report(`lookup table build from the catalog (${catalog.concepts.length} concepts)`, measure(200, () => buildLookupTable(catalog.concepts)));
  const sampleLines = readFileSync(join(root, 'sample-workspace', 'train.py'), 'utf8').split('\n');
  const positions = sampleLines.flatMap((line) => Array.from({ length: line.length }, (_, c) => ({ line, c })));
  positions.forEach(({ line, c }) => termAt(table, line, c));
  let next = 0;
  const hover = () => {
    const { line, c } = positions[next++ % positions.length];
    termAt(table, line, c);
  };
  report(`hover look-up per call (${positions.length} positions of sample-workspace/train.py, ×2)`, measure(2 * positions.length, hover), '1');

  await studyStorageBench();

  printTable();

  // Search quality on the labelled query set (test/unit/fixtures/search-queries.json).
  console.log('\nsearch quality (labelled queries; junk: share that shows nothing)');
  for (const g of qualityRows) {
    console.log(`${g.group.padEnd(8)} ${String(g.queries).padStart(4)} queries  hit@1 ${(g.hit1 * 100).toFixed(1).padStart(5)}%  hit@5 ${(g.hit5 * 100).toFixed(1).padStart(5)}%  MRR ${g.mrr.toFixed(3)}`);
  }
  const answerable = qualityRows.filter((g) => g.group !== 'junk');
  const total = answerable.reduce((n, g) => n + g.queries, 0);
  const share = (f: (g: (typeof qualityRows)[number]) => number) => ((answerable.reduce((n, g) => n + f(g) * g.queries, 0) / total) * 100).toFixed(1);
  console.log(`answerable ${total} queries  hit@1 ${share((g) => g.hit1)}% (target ≥ 80)  hit@5 ${share((g) => g.hit5)}% (target ≥ 95)`);

  // 7. Hostile inputs: each case of the hostile-input issue, with its longest synchronous stretch.
  console.log('\nhostile inputs (target: no synchronous stretch over 100 ms, each under 1,000 ms in all)');
  const hostile = await hostileBench(shippedData);
  const widths = [Math.max(...hostile.map((h) => h.input.length)), 9, 17];
  console.log(`${'input'.padEnd(widths[0])}  ${'total ms'.padStart(widths[1])}  ${'longest stretch'.padStart(widths[2])}  ok    outcome`);
  for (const h of hostile) {
    const ok = h.totalMs <= 1000 && h.longestStretchMs <= 100 ? 'ok  ' : 'OVER';
    console.log(`${h.input.padEnd(widths[0])}  ${h.totalMs.toFixed(1).padStart(widths[1])}  ${h.longestStretchMs.toFixed(1).padStart(widths[2])}  ${ok}  ${h.outcome}`);
  }

  // 6. Sizes.
  const kb = (f: string) => (statSync(join(root, f)).size / 1024).toFixed(1);
  console.log(`\nbundle dist/extension.js: ${kb('dist/extension.js')} KiB, dist/webview.js: ${kb('dist/webview.js')} KiB, dist/catalog.json: ${kb('dist/catalog.json')} KiB`);
  try {
    const vsix = statSync(join(root, 'ml-interview-prep.vsix')).size;
    console.log(`VSIX ml-interview-prep.vsix: ${(vsix / 1024 / 1024).toFixed(2)} MB (target ≤ 1.5 MB) ${vsix <= 1.5 * 1024 * 1024 ? 'ok' : 'OVER'}`);
  } catch {
    console.log('VSIX: not built (run npm run package for its size)');
  }
}

function measureKeystrokes(typed: readonly string[], search: (q: string) => unknown): Stats {
  // Three passes over the typed prefixes after one warm-up pass.
  typed.forEach((q) => search(q));
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of typed) {
      const start = performance.now();
      search(q);
      times.push(performance.now() - start);
    }
  }
  return summarize(times);
}

function printTable(): void {
  const header = ['measurement', 'median ms', 'p95 ms', 'runs', 'target (p95)', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
