// A user content folder written by an attacker: nothing runs, nothing freezes, the rest still loads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultVsix, openContainer, runCommand, startSession, step, waitFor, type Session } from './harness';
import { answerFrame, expand, treeRow, quickPickRow, workspaceWithContentFolder } from './scenarios';

const SURVIVOR_QUESTION = 'Which of my notes survived the hostile folder?';
const SURVIVOR_CONCEPT = 'Survivor concept';
const HIGHLIGHT_QUESTION = 'A note with a pathological code block';
const CHAIN = 300;

function hostileWorkspace(marker: string): string {
  const { dir, write } = workspaceWithContentFolder('hostile', 'hostile-notes');
  const concept = (id: string, title: string, extra = '') =>
    `---\nid: ${id}\ntitle: "${title}"\ntopic: my-notes\nstatus: draft\noneLiner: "A note."\naliases:\n  - "${id} alias"\n${extra}---\nText.\n`;
  write('hostile-notes/concepts/pwn.md', `---js\n(require('child_process').execSync('touch ${marker}'), { id: 'pwn' })\n---\nGotcha.\n`);
  write('hostile-notes/concepts/coffee.md', `---coffee\nid: 'coffee'\n---\n`);
  write('hostile-notes/concepts/many-keys.md', `---\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n`);
  write('hostile-notes/concepts/twice.md', concept('twice', 'Twice').replace('status: draft\n', 'status: draft\nstatus: draft\n'));
  for (let i = 0; i < CHAIN; i++) {
    write(`hostile-notes/concepts/chain-${i}.md`, concept(`chain-${i}`, `Chain ${i}`, `related:\n  - "${i === CHAIN - 1 ? 'chain-typo' : `chain-${i + 1}`}"\n`));
  }
  write('hostile-notes/concepts/survivor.md', concept('survivor', SURVIVOR_CONCEPT));
  write(
    'hostile-notes/questions/my-notes/survivor-q.md',
    `---\nid: survivor-q\ntitle: "${SURVIVOR_QUESTION}"\ntopic: my-notes\nformat: explain\ndifficulty: beginner\nstatus: draft\nsummary: "It loads."\n---\nYes.\n`,
  );
  write(
    'hostile-notes/questions/my-notes/highlight.md',
    `---\nid: highlight\ntitle: "${HIGHLIGHT_QUESTION}"\ntopic: my-notes\nformat: explain\ndifficulty: beginner\nstatus: draft\nsummary: "A comment of 200,000 spaces."\n---\n\`\`\`python\n#${' '.repeat(200_000)}\nprint("end of block")\n\`\`\`\n`,
  );
  // A link that leaves the folder is skipped with a notice, never read.
  fs.symlinkSync('/etc/hostname', path.join(dir, 'hostile-notes', 'concepts', 'outside.md'));
  return dir;
}

describe('a hostile content folder', function () {
  let s: Session;
  let workspace: string;
  const marker = path.join(os.tmpdir(), `mlprep-e2e-pwned-${process.pid}`);

  before(async function () {
    fs.rmSync(marker, { force: true });
    workspace = hostileWorkspace(marker);
    s = await startSession({ vsix: defaultVsix(), workspace });
  });

  after(async function () {
    await s?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(marker, { force: true });
  });

  it('runs no code, and loads and finds the rest within seconds', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    await expand(s.page, 'My notes');
    await step('the surviving question under "My notes"', () => treeRow(s.page, SURVIVOR_QUESTION).waitFor({ timeout: 10_000 }));
    await runCommand(s.page, 'ML Prep: Search Cheat Sheet');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await step('the cheat-sheet search box', () => waitFor(async () => (await input.getAttribute('placeholder'))?.startsWith('Search the cheat sheet')));
    await input.fill('survivor concpt');
    await step('the surviving concept found by search', () => quickPickRow(s.page, SURVIVOR_CONCEPT).waitFor());
    await input.fill(`Chain ${CHAIN - 1}`);
    await step('the note with the broken link still loaded and found', () =>
      quickPickRow(s.page, `Chain ${CHAIN - 1}`).waitFor(),
    );
    await s.page.keyboard.press('Escape');
    assert.equal(fs.existsSync(marker), false, 'the ---js front matter ran no code');
  });

  it('lists every bad file in the Problems panel with its message', async function () {
    await runCommand(s.page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const row = (text: string) => s.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    for (const message of [
      'front matter must start with a line of exactly three dashes',
      'front matter is too large',
      'field "status" is given twice',
      'links to unknown id "chain-typo"; that link is left out',
      'this link points outside the content folder',
    ]) {
      await step(`"${message}" in the Problems panel`, () => row(message).waitFor());
    }
    await s.screenshot('hostile-folder-problems');
  });

  it('renders the highlighter worst case promptly, as plain text', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    await expand(s.page, 'My notes');
    const started = Date.now();
    await treeRow(s.page, HIGHLIGHT_QUESTION).click();
    const frame = await answerFrame(s.page, HIGHLIGHT_QUESTION);
    await step('the end of the block shown', () => frame.getByText('print("end of block")', { exact: false }).first().waitFor());
    const elapsed = Date.now() - started;
    // A generous bound for a loaded CI machine; before the fix this took over a minute.
    assert.ok(elapsed < 15_000, `rendered in ${elapsed} ms`);
    assert.equal(await frame.locator('main pre code .hljs-comment').count(), 0, 'shown plain, not highlighted');
  });
});
