// Runs inside VS Code's extension host against the real API (code-server here; also
// @vscode/test-electron). What is awkward to reach through the UI is checked here.
import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import type { MlPrepApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeModel';
import { MemoryFileSystem } from './memoryFileSystem';

const EXTENSION_ID = 'mlprep.ml-interview-prep';

async function api(): Promise<MlPrepApi> {
  const ext = vscode.extensions.getExtension<MlPrepApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const answerTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlPrep.answer')),
  );

describe('in the extension host', function () {
  this.timeout(30_000);

  it('registers every contributed command', async () => {
    await api();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  it('maps the tree to labelled items with checkboxes, counts and open commands', async () => {
    const { tree, catalog } = await api();
    const roots = await tree.getChildren();
    // The order depends on whether the user has practiced (the tree model's unit tests pin it).
    const topics = roots.filter((r) => r.type === 'topic');
    assert.equal(topics.length, catalog.topics.length);
    for (const type of ['mlCoding', 'cheatSheet', 'paths'] as const) {
      assert.ok(roots.some((r) => r.type === type), `a ${type} root`);
    }
    for (const root of roots) {
      const item = tree.getTreeItem(root);
      assert.ok(item.accessibilityInformation?.label, `root ${String(item.label)} has an accessible label`);
    }
    const topic = topics[0];
    const topicItem = tree.getTreeItem(topic);
    assert.match(String(topicItem.description), /^\d+\/\d+ practiced$/);
    const first = (await tree.getChildren(topic))[0];
    // A large topic shows section folders first; a question sits inside.
    const holder = first.type === 'section' ? first : topic;
    if (first.type === 'section') {
      const folder = tree.getTreeItem(first);
      assert.match(String(folder.accessibilityInformation?.label), /, section of /);
      assert.equal(tree.getParent(first), topic);
    }
    const question = (await tree.getChildren(holder))[0];
    const questionItem = tree.getTreeItem(question);
    assert.ok(questionItem.checkboxState !== undefined, 'questions have a checkbox');
    assert.equal(questionItem.command?.command, 'mlPrep.openEntry');
    assert.equal(tree.getParent(question), holder);
  });

  it('keeps practiced marks in the real globalState and shows them in the tree', async () => {
    const { tree, study: progress } = await api();
    const topic = (await tree.getChildren()).filter((r) => r.type === 'topic')[1];
    const first = (await tree.getChildren(topic))[0];
    const node = (first.type === 'section' ? (await tree.getChildren(first))[0] : first) as Extract<TreeNode, { type: 'question' }>;
    await progress.setPracticed([node.question.id], false);
    await vscode.commands.executeCommand('mlPrep.togglePracticed', node);
    assert.equal(progress.isPracticed(node.question.id), true);
    assert.equal(tree.getTreeItem(node).checkboxState && (tree.getTreeItem(node).checkboxState as { state: number }).state, vscode.TreeItemCheckboxState.Checked);
    // The checkbox says what un-ticking does: it also takes the question out of review.
    assert.match(String((tree.getTreeItem(node).checkboxState as { tooltip?: string }).tooltip), /uncheck to clear the mark and take the question out of review/);
    assert.match(String(tree.getTreeItem(topic).description), /^1\//);
    // Reading globalState again finds what was stored.
    assert.deepEqual(await progress.load(), { problems: [] });
    assert.equal(progress.isPracticed(node.question.id), true);
    await vscode.commands.executeCommand('mlPrep.togglePracticed', node);
    assert.equal(progress.isPracticed(node.question.id), false);
  });

  it('opens an answer beside the editor and reuses the panel', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\nln = torch.nn.LayerNorm(8)\n' });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('mlPrep.openEntry', 'kv-cache');
    const [tab] = await until('an answer tab', () => answerTabs().length === 1 && answerTabs());
    assert.equal(tab.label, 'KV cache');
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the answer opens beside the code');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the editor keeps focus');

    editor.selection = new vscode.Selection(1, 5, 1, 5); // cursor inside torch.nn.LayerNorm
    await vscode.commands.executeCommand('mlPrep.lookUpSelection');
    await until('the panel to show BatchNorm vs LayerNorm', () => answerTabs().some((t) => t.label === 'BatchNorm vs LayerNorm'));
    assert.equal(answerTabs().length, 1, 'one panel, reused');
  });

  it('ignores an unknown id without opening anything or throwing', async () => {
    const before = answerTabs().length;
    await vscode.commands.executeCommand('mlPrep.openEntry', 'no-such-entry');
    assert.equal(answerTabs().length, before);
  });
});

describe('your data is yours', function () {
  this.timeout(30_000);

  it('stores marks, cards and reviews in one synced value and one local value', async () => {
    const { study, catalog } = await api();
    const q = catalog.questions[1];
    await study.record({ questionId: q.id, grade: 2, durationMs: 10_000, covered: [], keyPointCount: q.keyPoints.length });
    assert.ok(study.isPracticed(q.id) && study.card(q.id), 'one record: practiced, with its card');
    assert.ok(study.dueToday(Date.now() + 30 * 86_400_000).includes(q.id));
    const reloaded = await study.load();
    assert.deepEqual(reloaded, { problems: [] });
    assert.ok(study.card(q.id));
  });

  it('export, then reset, then import restores marks, cards, the review log and notes', async () => {
    const { study, transfer, catalog, notes } = await api();
    const q = catalog.questions[0];
    await study.record({ questionId: q.id, grade: 3, durationMs: 61_000, covered: [0, 1], keyPointCount: q.keyPoints.length });
    const before = { log: study.state.log.length, practiced: study.isPracticed(q.id), card: study.card(q.id) };
    assert.ok(before.log >= 1 && before.practiced && before.card);
    const noteName = `${q.id}.md`;
    await notes.create(noteName, '# Mine\n\nFrom the in-host test.\n').catch(() => undefined);

    const file = vscode.Uri.joinPath(vscode.Uri.file(tmpdir()), `mlprep-export-${Date.now()}.json`);
    await vscode.commands.executeCommand('mlPrep.exportProgress', file);
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { version: number; notes: Record<string, string> };
    assert.equal(exported.version, 2);
    assert.ok(exported.notes[q.id]?.length > 0, 'the note text is exported');

    const backup = await transfer.reset(false);
    assert.ok(backup, 'reset keeps a backup');
    assert.equal(study.state.log.length, 0);
    assert.equal(study.isPracticed(q.id), false);

    assert.equal(await vscode.commands.executeCommand('mlPrep.importProgress', file), true);
    assert.equal(study.state.log.length, before.log);
    assert.equal(study.isPracticed(q.id), true);
    assert.deepEqual(study.card(q.id), before.card);

    // The reset backup is itself importable, and importing twice loses and duplicates nothing.
    assert.equal(await vscode.commands.executeCommand('mlPrep.importProgress', backup), true);
    assert.equal(study.state.log.length, before.log);
  });

  it('refuses a broken or hostile file and changes nothing', async () => {
    const { study } = await api();
    const before = JSON.stringify(study.state);
    const file = vscode.Uri.joinPath(vscode.Uri.file(tmpdir()), `mlprep-bad-${Date.now()}.json`);
    for (const text of [
      '{ not json',
      JSON.stringify({ format: 'ml-interview-prep-progress', version: 2, exportedAt: Date.now(), questions: 'x', log: [], notes: {} }),
      JSON.stringify({ format: 'ml-interview-prep-progress', version: 2, exportedAt: Date.now(), questions: { ['q'.repeat(241)]: { practiced: true, updatedAt: Date.now() } }, log: [], notes: {} }),
    ]) {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      assert.equal(await vscode.commands.executeCommand('mlPrep.importProgress', file), false);
      assert.equal(JSON.stringify(study.state), before);
    }
  });
});

describe('folders on a virtual file system', function () {
  this.timeout(30_000);
  const fsys = new MemoryFileSystem('mlprep-test-vfs');
  let registration: vscode.Disposable;
  const config = () => vscode.workspace.getConfiguration('mlPrep');

  before(() => {
    registration = vscode.workspace.registerFileSystemProvider(fsys.scheme, fsys);
  });

  after(async () => {
    await config().update('content.folders', undefined, vscode.ConfigurationTarget.Global);
    await config().update('practice.notesFolder', undefined, vscode.ConfigurationTarget.Global);
    registration.dispose();
  });

  it('reads a content folder given as a URI, and reports a broken file on that file', async () => {
    const ext = await api();
    const topic = ext.catalog.topics[0].id;
    const text = (id: string, difficulty: string) =>
      `---\nid: ${id}\ntitle: "Virtual question ${id}?"\ntopic: ${topic}\nformat: explain\ndifficulty: ${difficulty}\nstatus: draft\nsummary: "From a virtual folder."\n---\nMy own words.\n`;
    const good = vscode.Uri.parse(`${fsys.scheme}:/content/questions/${topic}/vfs-good.md`);
    const bad = vscode.Uri.parse(`${fsys.scheme}:/content/questions/${topic}/vfs-bad.md`);
    await vscode.workspace.fs.writeFile(good, new TextEncoder().encode(text('vfs-good', 'intermediate')));
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode(text('vfs-bad', 'impossible')));
    await config().update('content.folders', [`${fsys.scheme}:/content`], vscode.ConfigurationTarget.Global);
    await until('the virtual question in the catalog', () => ext.catalog.question('vfs-good'), 15_000);
    const diagnostics = await until('a problem reported on the virtual file', () => {
      const found = vscode.languages.getDiagnostics(bad);
      return found.length > 0 && found;
    });
    assert.match(diagnostics[0].message, /difficulty/);
    assert.equal(ext.catalog.question('vfs-bad'), undefined);
  });

  it('keeps notes in a notes folder given as a URI', async () => {
    const { notes, catalog } = await api();
    await config().update('practice.notesFolder', `${fsys.scheme}:/notes`, vscode.ConfigurationTarget.Global);
    assert.equal(notes.folder().toString(), vscode.Uri.parse(`${fsys.scheme}:/notes`).toString());
    const q = catalog.questions[0];
    await notes.create(`${q.id}.md`, '# Mine\n\nOn a virtual folder.\n');
    assert.equal(await notes.read(q.id), '# Mine\n\nOn a virtual folder.\n');
    assert.deepEqual(await notes.index(), { [q.id]: `${q.id}.md` });
    await assert.rejects(notes.create(`${q.id}.md`, 'again'), /already exists/, 'an existing note is never overwritten');
  });
});

describe('keybindings', function () {
  /** "ctrl+k ctrl+m" and "Ctrl+K Ctrl+M" alike: lower case, modifiers in one order. */
  const normalize = (key: string) =>
    key
      .toLowerCase()
      .split(/\s+/)
      .map((part) => part.split('+').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).join('+'))
      .join(' ');
  const rank = (p: string) => ['ctrl', 'shift', 'alt', 'cmd', 'meta', 'win'].indexOf(p) >>> 0;

  it('clash with no default binding of this VS Code', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    // The file is JSON with comments.
    const text = doc.getText().replace(/^\s*\/\/.*$/gm, '');
    const defaults = JSON.parse(text) as { key: string; command: string }[];
    if (process.env.MLPREP_INHOST_RESULTS) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${tmpdir()}/mlprep-default-keybindings.json`, JSON.stringify(defaults.map((d) => [d.key, d.command])));
    }
    assert.ok(defaults.length > 300, `${defaults.length} default keybindings read`);
    // The list includes contributed bindings: leave out this extension's own and removals.
    const taken = new Map(defaults.filter((d) => !d.command.startsWith('mlPrep.') && !d.command.startsWith('-')).map((d) => [normalize(d.key), d.command]));
    // A chord's first part is taken too when a default uses it alone (it would fire first).
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { keybindings: { key: string; mac?: string }[] } };
    for (const kb of manifest.contributes.keybindings) {
      for (const key of [kb.key, kb.mac].filter((k): k is string => typeof k === 'string')) {
        const k = normalize(key);
        assert.equal(taken.get(k), undefined, `${key} is VS Code's ${taken.get(k)}`);
        const first = k.split(' ')[0];
        if (k.includes(' ')) {
          assert.equal(taken.get(first), undefined, `${key}: its first part ${first} is VS Code's ${taken.get(first)}`);
        }
      }
    }
  });
});
