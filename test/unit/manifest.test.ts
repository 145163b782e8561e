import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}
const source = sourceFiles(join(root, 'src'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('package.json manifest', () => {
  const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);

  it('contributes every registered command and registers every contributed one', () => {
    const registered = [...source.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
    assert.ok(registered.length >= 8, 'found the registrations');
    assert.deepEqual([...registered].sort(), [...contributed].sort());
  });

  it('uses one id prefix and one category, and menus name real commands', () => {
    for (const c of manifest.contributes.commands) {
      assert.match(c.command, /^mlPrep\.(exercise\.)?[a-zA-Z]+$/);
      assert.equal(c.category, 'ML Prep');
    }
    const menus = Object.values(manifest.contributes.menus).flat() as { command: string }[];
    for (const m of menus) {
      assert.ok(contributed.includes(m.command), `menu item ${m.command} is a contributed command`);
    }
    for (const k of manifest.contributes.keybindings) {
      assert.ok(contributed.includes(k.command), `keybinding ${k.command} is a contributed command`);
    }
  });

  it('has a provider for every view and a serializer for the panel', () => {
    for (const view of Object.values(manifest.contributes.views).flat() as { id: string }[]) {
      assert.match(view.id, /^mlPrep\./);
      assert.ok(source.includes(`'${view.id}'`), `${view.id} is created in src/`);
    }
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:mlPrep.answer'));
    assert.ok(source.includes(`ANSWER_VIEW_TYPE = 'mlPrep.answer'`));
  });

  it('works in Restricted Mode with the settings that name files restricted', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    assert.ok(trust.description.length > 20);
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual([...trust.restrictedConfigurations].sort(), settings.filter((k) => /folders?$|Folder$|\.path$/.test(k)).sort());
  });

  it('gives every tree context action a contributed command with a title, on a node the tree draws', () => {
    const items = manifest.contributes.menus['view/item/context'] as { command: string; when: string }[];
    assert.ok(items.length >= 8, 'found the context actions');
    const drawn = [...source.matchAll(/contextValue = (?:[^;]*?)'(mlPrep\.[a-zA-Z.]+)'/g)].map((m) => m[1]);
    assert.ok(drawn.includes('mlPrep.path') && drawn.includes('mlPrep.concept'), 'found the tree items\' context values');
    for (const item of items) {
      const command = manifest.contributes.commands.find((c: { command: string }) => c.command === item.command);
      assert.ok(command, `${item.command} in view/item/context is a contributed command`);
      assert.ok(typeof command.title === 'string' && command.title.trim().length > 0, `${item.command} has a title`);
      assert.match(item.when, /\bview == mlPrep\.topics\b/, `${item.command} is limited to the Topics view`);
      const pattern = /viewItem (==|=~) (\S+)/.exec(item.when);
      assert.ok(pattern, `${item.command} names the nodes it acts on`);
      const matches = pattern[1] === '==' ? (v: string) => v === pattern[2] : (v: string) => new RegExp(pattern[2].slice(1, -1)).test(v);
      assert.ok(drawn.some(matches) || /exercise/.test(pattern[2]), `${item.command}: no tree item has a context value matching ${pattern[2]}`);
    }
    const titleOf = (node: string) =>
      items.filter((i) => i.when.includes(`viewItem == mlPrep.${node}`) || new RegExp(`\\b${node}\\b`).test(i.when.split('=~')[1] ?? '')).map(
        (i) => manifest.contributes.commands.find((c: { command: string }) => c.command === i.command).title,
      );
    assert.ok(titleOf('path').includes('Practice This Path'));
    assert.ok(titleOf('topic').includes('Practice') && titleOf('topic').includes('Mark All Practiced...'));
    assert.ok(titleOf('section').includes('Practice') && titleOf('section').includes('Mark All Practiced...'));
    assert.ok(titleOf('concept').includes('Open') && titleOf('concept').includes('Practice Questions That Use It'));
  });

  it('shows Look Up Selection in the editor menu only with a selection or in a hover language, a key the hovers set', () => {
    const [entry, ...rest] = (manifest.contributes.menus['editor/context'] as { command: string; when?: string }[]).filter((m) => m.command === 'mlPrep.lookUpSelection');
    assert.equal(rest.length, 0);
    assert.equal(entry.when, 'editorHasSelection || editorLangId in mlPrep.hoverLanguages');
    assert.match(source, /setContext', 'mlPrep\.hoverLanguages'/);
  });

  it('declares what works in virtual workspaces', () => {
    const virtual = manifest.capabilities?.virtualWorkspaces;
    assert.equal(virtual?.supported, 'limited');
    assert.ok(typeof virtual.description === 'string' && virtual.description.length > 20);
  });

  it('activates lazily and runs on VS Code 1.90 or newer', () => {
    for (const event of manifest.activationEvents) {
      assert.ok(event !== '*' && event !== 'onStartupFinished', `eager activation event ${event}`);
    }
    assert.equal(manifest.engines.vscode, '^1.90.0');
    assert.match(manifest.devDependencies['@types/vscode'], /^~1\.90\./, '@types/vscode must not be newer than engines.vscode');
    assert.equal(manifest.main, './dist/extension.js');
  });
});

describe('keybindings', () => {
  const manifestKeys = (): { command: string; key: string; mac?: string }[] =>
    (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { keybindings: { command: string; key: string; mac?: string }[] } })
      .contributes.keybindings;
  const normalize = (key: string) =>
    key
      .toLowerCase()
      .split(/\s+/)
      .map((part) => part.split('+').sort().join('+'))
      .join(' ');

  it('use no Ctrl+Alt+letter: on Windows that is AltGr, which types characters (VS Code binds none)', () => {
    for (const kb of manifestKeys()) {
      assert.doesNotMatch(kb.key.toLowerCase(), /(^|\s)(ctrl\+alt|alt\+ctrl)\+[a-z](\s|$)/, `${kb.command}: ${kb.key}`);
    }
  });

  it('clash with no default VS Code binding and none of the popular extensions we know', () => {
    const known = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'known-keybindings.json'), 'utf8')) as { vscode: [string, string][]; extensions: [string, string][] };
    const taken = new Map([...known.vscode, ...known.extensions].map(([key, command]) => [normalize(key), command]));
    assert.ok(taken.size > 300, `${taken.size} known bindings`);
    for (const kb of manifestKeys()) {
      for (const key of [kb.key, kb.mac ?? '']) {
        if (key) {
          const k = normalize(key);
          assert.equal(taken.get(k), undefined, `${kb.command}: ${key} is also ${taken.get(k)}`);
          assert.equal(taken.get(k.split(' ')[0]), undefined, `${kb.command}: the first part of ${key} is also ${taken.get(k.split(' ')[0])}`);
        }
      }
    }
  });

  it("for the answer panel work only while it is focused, and its context menu only in it", () => {
    const panelCommands = ['mlPrep.nextQuestion', 'mlPrep.previousQuestion', 'mlPrep.togglePracticed', 'mlPrep.pinPanel'];
    const keys = manifestKeys() as { command: string; key: string; when?: string }[];
    for (const command of panelCommands) {
      const bindings = keys.filter((k) => k.command === command);
      assert.ok(bindings.length > 0, `${command} has a keybinding`);
      for (const kb of bindings) {
        assert.equal(kb.when, "activeWebviewPanelId == 'mlPrep.answer'", `${command}: ${kb.key}`);
      }
    }
    const contextMenu = manifest.contributes.menus['webview/context'] as { command: string; when: string }[];
    assert.deepEqual(contextMenu.map((m) => m.command).sort(), ['mlPrep.copyLink', 'mlPrep.openToSide']);
    for (const item of contextMenu) {
      assert.equal(item.when, "webviewId == 'mlPrep.answer'");
    }
  });
});
