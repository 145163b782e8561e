import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { defaultVsix, openContainer, openFile, runCommand, startSession, step, waitFor, type Session } from './harness';
import { answerFrame, editorGroups, expand, treeRow, quickPickRow, workspaceWithContentFolder } from './scenarios';

const NOTE_QUESTION = 'How would I explain my own RoPE scaling trick?';
const NOTE_CONCEPT = 'Rotary embeddings scaling';

/** sample-workspace/ plus a content folder with a good question, a good concept and a broken file. */
function workspaceWithNotes(): string {
  const { dir, write } = workspaceWithContentFolder('notes', 'interview-notes');
  write(
    'interview-notes/questions/my-notes/rope-trick.md',
    `---\nid: rope-trick\ntitle: "${NOTE_QUESTION}"\ntopic: my-notes\nformat: explain\ndifficulty: advanced\nstatus: draft\nsummary: "My notes on RoPE."\n---\nUses [KV cache](mlprep:kv-cache).\n`,
  );
  write(
    'interview-notes/concepts/rope-scaling.md',
    `---\nid: rope-scaling\ntitle: "${NOTE_CONCEPT}"\ntopic: my-notes\nstatus: draft\noneLiner: "Stretching rotary position angles to reach longer contexts."\naliases:\n  - "RopeScaling"\n---\nMy explanation.\n`,
  );
  write('interview-notes/concepts/broken.md', `---\nid: broken\ntitle: "Broken"\ntopic: my-notes\nstatus: sure\noneLiner: "x"\naliases: []\n---\nx\n`);
  return dir;
}

describe('look up from the code, and your own notes', function () {
  let s: Session;
  let workspace: string;

  before(async function () {
    workspace = workspaceWithNotes();
    s = await startSession({ vsix: defaultVsix(), workspace });
  });

  after(async function () {
    await s?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('hovers nn.LayerNorm in the Python file and opens the answer beside the code from the hover', async function () {
    await openFile(s.page, 'train.py');
    await runCommand(s.page, 'Go to Line/Column...');
    await s.page.keyboard.type('75');
    await s.page.keyboard.press('Enter');
    // Monaco merges tokens into spans as it likes: find the word's pixels through a DOM Range.
    const point = await step('LayerNorm on screen in "self.ln1 = nn.LayerNorm(...)"', () =>
      waitFor(() =>
        s.page.evaluate(() => {
          for (const line of Array.from(document.querySelectorAll('.part.editor .monaco-editor .view-line'))) {
            if (!line.textContent?.includes('ln1') || !line.textContent.includes('nn.LayerNorm')) {
              continue;
            }
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const at = node.textContent?.indexOf('LayerNorm') ?? -1;
              if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at + 3);
                range.setEnd(node, at + 5);
                const box = range.getBoundingClientRect();
                return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
              }
            }
          }
          return null;
        }),
      ),
    );
    await s.page.mouse.move(point.x, point.y);
    const hover = s.page.locator('.monaco-hover', { hasText: 'BatchNorm vs LayerNorm' }).first();
    await step('the hover to show the concept and its one-liner', () => hover.waitFor());
    await s.screenshot('hover-layernorm');
    await hover.locator('a', { hasText: 'Open the explanation' }).click();
    await answerFrame(s.page, 'BatchNorm vs LayerNorm');
    await step('the code still visible beside the answer', () => waitFor(async () => (await editorGroups(s.page).count()) === 2));
  });

  it('shows a content folder in the tree and search, and flags the broken file while the rest loads', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    await expand(s.page, 'My notes');
    await step('the user question under "My notes"', () => treeRow(s.page, NOTE_QUESTION).waitFor());
    await runCommand(s.page, 'ML Prep: Search Cheat Sheet');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await step('the cheat-sheet search box', () => waitFor(async () => (await input.getAttribute('placeholder'))?.startsWith('Search the cheat sheet')));
    await input.fill('rotary scalng');
    await step('the user concept found by search', () => quickPickRow(s.page, NOTE_CONCEPT).waitFor());
    await s.page.keyboard.press('Escape');
    await runCommand(s.page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await step('the broken file in the Problems panel, with the field named', () =>
      s.page.locator('.markers-panel .monaco-list-row', { hasText: 'field "status" must be one of draft, published' }).first().waitFor(),
    );
    assert.ok(await s.page.locator('.markers-panel .monaco-list-row', { hasText: 'broken.md' }).count());
  });

  it('updates the tree when a note is edited and saved', async function () {
    await openFile(s.page, 'rope-trick.md');
    await runCommand(s.page, 'Go to Line/Column...');
    await s.page.keyboard.type('3');
    await s.page.keyboard.press('Enter');
    // Ctrl+L selects the whole logical line (Markdown wraps long lines, so End would stop early).
    await s.page.keyboard.press('Control+l');
    await s.page.keyboard.type('title: "My RoPE answer, edited"\n');
    await s.page.keyboard.press('Control+s');
    await openContainer(s.page, 'ML Interview Prep');
    await expand(s.page, 'My notes');
    await step('the edited title in the tree', () => treeRow(s.page, 'My RoPE answer, edited').waitFor({ timeout: 15_000 }));
  });
});
