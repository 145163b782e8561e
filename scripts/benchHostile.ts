// The "hostile inputs" section of npm run bench: each input of the hostile-input issue, timed
// end to end, with the longest synchronous stretch (what would freeze the extension host).
import { existsSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CatalogData } from '../src/catalog/types';
import { parseFrontMatter } from '../src/catalog/compile/frontMatter';
import { mergeReadFilesInSlices, MY_NOTES_TOPIC_ID, UserFile } from '../src/catalog/userFolders/userContent';
import { SLICE_MS, UserFileReader } from '../src/catalog/userFolders/userFileReader';
import { HIGHLIGHT_BUDGET, MarkdownRenderer } from '../src/panel/markdownRenderer';

export interface HostileRow {
  readonly input: string;
  readonly totalMs: number;
  readonly longestStretchMs: number;
  readonly outcome: string;
}

/** Runs `work` while a setImmediate ticker measures the longest gap between ticks. */
async function timed(work: () => unknown): Promise<{ totalMs: number; longestStretchMs: number; result: unknown }> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
    if (running) {
      setImmediate(tick);
    }
  };
  setImmediate(tick);
  await new Promise((r) => setImmediate(r));
  const start = performance.now();
  last = start;
  const result = await work();
  const totalMs = performance.now() - start;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { totalMs, longestStretchMs: longest, result };
}

const concept = (i: number, related: string) =>
  `---\nid: note-${i}\ntitle: "Note ${i}"\ntopic: ${MY_NOTES_TOPIC_ID}\nstatus: draft\noneLiner: "A note of mine, number ${i}."\naliases:\n  - "alias ${i}"\nrelated:\n  - "${related}"\n---\nSome text about note ${i}, with a [link](mlprep:note-0).\n`;

function userFiles(n: number, text: (i: number) => string): UserFile[] {
  return Array.from({ length: n }, (_, i) => ({ path: `/home/me/notes/concepts/note-${i}.md`, relativePath: `concepts/note-${i}.md`, text: text(i) }));
}

async function loadFolder(shipped: CatalogData, files: UserFile[]): Promise<string> {
  const read = await new UserFileReader().readAll(files);
  const { userIds, problems } = await mergeReadFilesInSlices(shipped, read, SLICE_MS);
  return `${userIds.length.toLocaleString('en-US')} loaded, ${problems.length} problem(s)`;
}

export async function hostileBench(shipped: CatalogData): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  const add = async (input: string, work: () => unknown, outcome: (result: unknown) => string) => {
    const { totalMs, longestStretchMs, result } = await timed(work);
    rows.push({ input, totalMs, longestStretchMs, outcome: outcome(result) });
  };

  const marker = '/tmp/mlprep-bench-pwned';
  rmSync(marker, { force: true });
  const js = `---js\n(require('child_process').execSync('touch ${marker}'), { id: 'x' })\n---\nBody\n`;
  await add(
    '`---js` front matter that runs execSync',
    () => parseFrontMatter(js),
    (r) => `${(r as ReturnType<typeof parseFrontMatter>).errors[0]?.message.slice(0, 60)}…; code ran: ${existsSync(marker) ? 'YES' : 'no'}`,
  );

  const renderer = new MarkdownRenderer();
  renderer.render('```python\nx = 1\n```');
  await add('python block: `#` + 200,000 spaces', () => renderer.render(`\`\`\`python\n#${' '.repeat(200_000)}\n\`\`\``), () => 'shown plain (line over the cap)');
  await add('yaml block: `#` + 200,000 spaces', () => renderer.render(`\`\`\`yaml\n#${' '.repeat(200_000)}\n\`\`\``), () => 'shown plain (line over the cap)');
  // As many worst-case lines as one render's highlighting budget allows.
  const lines = Math.floor(HIGHLIGHT_BUDGET / 499 ** 2);
  const worstBlock = `\`\`\`python\n${`#${' '.repeat(498)}\n`.repeat(lines)}\`\`\`\n`;
  await add(`worst block within the budget (${lines} lines of \`#\` + 498 spaces)`, () => renderer.render(worstBlock), (r) => (String(r).includes('hljs-') ? 'highlighted' : 'plain'));
  await add('100 such blocks in one answer', () => renderer.render(worstBlock.repeat(100)), () => 'first within the budget highlighted, the rest plain');

  const manyKeys = (n: number) => `---\n${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n---\n`;
  await add('front matter of 100,000 keys (about 1 MB)', () => parseFrontMatter(manyKeys(100_000)), (r) => (r as ReturnType<typeof parseFrontMatter>).errors[0]?.message ?? 'read');
  await add('front matter of 900 keys (just under the 8 KB cap)', () => parseFrontMatter(manyKeys(900)), (r) => `${(r as ReturnType<typeof parseFrontMatter>).errors.length} problem(s)`);
  await add('front matter of 900 keys, one duplicated', () => parseFrontMatter(manyKeys(900).replace('k899: v', 'k0: v')), (r) => (r as ReturnType<typeof parseFrontMatter>).errors[0]?.message ?? 'read');

  const chain = userFiles(4_000, (i) => concept(i, i === 3_999 ? 'note-typo' : `note-${i + 1}`));
  await add('4,000 notes linked in a chain, a typo at the end', () => loadFolder(shipped, chain), (r) => String(r));

  const folder = userFiles(20_000, (i) => concept(i, `note-${(i + 1) % 20_000}`));
  await add('a folder of 20,000 notes, first load', () => loadFolder(shipped, folder), (r) => String(r));
  const reader = new UserFileReader();
  await reader.readAll(folder);
  const oneChanged = folder.map((f, i) => (i === 7 ? { ...f, text: f.text.replace('number 7', 'number seven') } : f));
  await add(
    'the same folder after saving one file',
    async () => {
      const read = await reader.readAll(oneChanged);
      return (await mergeReadFilesInSlices(shipped, read, SLICE_MS)).userIds.length;
    },
    (r) => `${Number(r).toLocaleString('en-US')} loaded`,
  );
  return rows;
}
