import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, unknown>;

/** A manifest string as VS Code shows it in English: a `%key%` placeholder resolved through package.nls.json. */
function english(value: string): string {
  const key = /^%([^%]+)%$/.exec(value)?.[1];
  if (key === undefined) {
    return value;
  }
  const text = nls[key];
  assert.equal(typeof text, 'string', `${value} is in package.nls.json`);
  return text as string;
}

// Properties under `contributes` whose strings VS Code shows to the user (and translates from package.nls.*.json).
const SHOWN = new Set(['title', 'category', 'shortTitle', 'name', 'contextualTitle', 'label', 'description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage', 'contents', 'altText']);
const SHOWN_LISTS = new Set(['enumDescriptions', 'markdownEnumDescriptions']);

/** Every user-visible string of a manifest, with where it is. */
function shownStrings(m: Record<string, unknown>): { at: string; value: string }[] {
  const found: { at: string; value: string }[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${at}[${i}]`));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (SHOWN.has(k) && typeof v === 'string') {
          found.push({ at: `${at}.${k}`, value: v });
        } else if (SHOWN_LISTS.has(k) && Array.isArray(v)) {
          v.forEach((d, i) => found.push({ at: `${at}.${k}[${i}]`, value: String(d) }));
        } else {
          walk(v, `${at}.${k}`);
        }
      }
    }
  };
  walk(m.contributes, 'contributes');
  for (const k of ['displayName', 'description']) {
    if (typeof m[k] === 'string') {
      found.push({ at: k, value: m[k] as string });
    }
  }
  for (const [k, cap] of Object.entries((m.capabilities ?? {}) as Record<string, { description?: unknown }>)) {
    if (typeof cap?.description === 'string') {
      found.push({ at: `capabilities.${k}.description`, value: cap.description });
    }
  }
  return found;
}

/** The shown strings that are not a `%key%` of the given package.nls.json. */
function untranslatable(m: Record<string, unknown>, strings: Record<string, unknown>): string[] {
  return shownStrings(m)
    .filter(({ value }) => {
      const key = /^%([^%]+)%$/.exec(value)?.[1];
      return key === undefined || typeof strings[key] !== 'string';
    })
    .map(({ at, value }) => `${at}: ${JSON.stringify(value)}`);
}

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
      assert.equal(english(c.category), 'ML Prep');
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
    assert.ok(english(trust.description).length > 20);
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
      assert.ok(typeof command.title === 'string' && english(command.title).trim().length > 0, `${item.command} has a title`);
      assert.match(item.when, /\bview == mlPrep\.topics\b/, `${item.command} is limited to the Topics view`);
      const pattern = /viewItem (==|=~) (\S+)/.exec(item.when);
      assert.ok(pattern, `${item.command} names the nodes it acts on`);
      const matches = pattern[1] === '==' ? (v: string) => v === pattern[2] : (v: string) => new RegExp(pattern[2].slice(1, -1)).test(v);
      assert.ok(drawn.some(matches) || /exercise/.test(pattern[2]), `${item.command}: no tree item has a context value matching ${pattern[2]}`);
    }
    const titleOf = (node: string) =>
      items.filter((i) => i.when.includes(`viewItem == mlPrep.${node}`) || new RegExp(`\\b${node}\\b`).test(i.when.split('=~')[1] ?? '')).map(
        (i) => english(manifest.contributes.commands.find((c: { command: string }) => c.command === i.command).title),
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
    assert.ok(typeof virtual.description === 'string' && english(virtual.description).length > 20);
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

describe('manifest translation (package.nls.json)', () => {
  it('finds a plain literal in any user-visible field, and not ids, when clauses or icons', () => {
    const fake = {
      displayName: '%extension.displayName%',
      description: 'A plain description',
      capabilities: { virtualWorkspaces: { supported: 'limited', description: 'Works' } },
      contributes: {
        commands: [{ command: 'mlPrep.x', title: '%command.x.title%', category: 'ML Prep', icon: '$(check)', enablement: 'mlPrep.filtered' }],
        views: { mlPrep: [{ id: 'mlPrep.topics', name: '%view.topics.name%', contextualTitle: 'Topics here' }] },
        viewsWelcome: [{ view: 'mlPrep.topics', contents: 'Nothing yet.\n[Open](command:mlPrep.x)' }],
        submenus: [{ id: 'mlPrep.more', label: 'More' }],
        menus: { 'view/title': [{ command: 'mlPrep.x', when: 'view == mlPrep.topics', group: 'navigation@1' }] },
        configuration: {
          title: '%config.title%',
          properties: {
            'mlPrep.mode': { type: 'string', enum: ['a', 'b'], enumDescriptions: ['%config.mode.a%', 'Plain b'], markdownEnumDescriptions: ['md a'], deprecationMessage: 'Old' },
          },
        },
        walkthroughs: [{ id: 'w', title: 'Walk', description: '%w.d%', steps: [{ id: 's', title: '%w.s%', description: 'Step', media: { image: 'media/x.png', altText: 'A picture' } }] }],
      },
    };
    const strings = { 'extension.displayName': 'ML', 'command.x.title': 'X', 'view.topics.name': 'Topics', 'config.title': 'ML', 'config.mode.a': 'A', 'w.d': 'D' };
    assert.deepEqual(untranslatable(fake, strings).sort(), [
      'capabilities.virtualWorkspaces.description: "Works"',
      'contributes.commands[0].category: "ML Prep"',
      'contributes.configuration.properties.mlPrep.mode.deprecationMessage: "Old"',
      'contributes.configuration.properties.mlPrep.mode.enumDescriptions[1]: "Plain b"',
      'contributes.configuration.properties.mlPrep.mode.markdownEnumDescriptions[0]: "md a"',
      'contributes.submenus[0].label: "More"',
      'contributes.views.mlPrep[0].contextualTitle: "Topics here"',
      'contributes.viewsWelcome[0].contents: "Nothing yet.\\n[Open](command:mlPrep.x)"',
      'contributes.walkthroughs[0].steps[0].description: "Step"',
      'contributes.walkthroughs[0].steps[0].media.altText: "A picture"',
      'contributes.walkthroughs[0].steps[0].title: "%w.s%"',
      'contributes.walkthroughs[0].title: "Walk"',
      'description: "A plain description"',
    ]);
  });

  it('puts every user-visible string in package.nls.json, as a %key% the file has', () => {
    const shown = shownStrings(manifest);
    assert.ok(shown.length >= manifest.contributes.commands.length * 2 + Object.keys(manifest.contributes.configuration.properties).length + 4, `found ${shown.length} strings`);
    assert.deepEqual(untranslatable(manifest, nls), []);
  });

  it('has no unused key in package.nls.json, and only non-empty English strings', () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    for (const key of used) {
      assert.ok(key in nls, `%${key}% in package.json is in package.nls.json`);
    }
    for (const [key, value] of Object.entries(nls)) {
      assert.ok(used.has(key), `${key} in package.nls.json is used in package.json`);
      assert.ok(typeof value === 'string' && value.trim().length > 0, `${key} has an English string`);
      assert.match(key, /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/, `${key} is a dotted name`);
    }
    assert.deepEqual(manifest.categories, ['Education', 'Machine Learning'], 'Marketplace categories stay literal');
    assert.ok(manifest.keywords.every((k: string) => !k.includes('%')), 'keywords stay literal');
  });

  it('translates in package.nls.<lang>.json only keys of package.nls.json', () => {
    const translations = readdirSync(root).filter((f) => /^package\.nls\..+\.json$/.test(f));
    for (const file of translations) {
      assert.match(file, /^package\.nls\.[a-z]{2,3}(-[a-z]{2,4})?\.json$/, `${file} is named for a VS Code display language`);
      const translated = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
      for (const [key, value] of Object.entries(translated)) {
        assert.ok(key in nls, `${file}: ${key} is not in package.nls.json`);
        assert.ok(typeof value === 'string' && value.trim().length > 0, `${file}: ${key} is a non-empty string`);
      }
    }
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
