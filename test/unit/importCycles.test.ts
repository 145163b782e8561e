import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Relative imports of each file in src/, type-only ones too: a cycle of types still tangles the layers. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const base = resolve(dirname(file), m[1] ?? m[2]);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
      assert.ok(target, `${relative(SRC, file)} imports ${m[1] ?? m[2]}, which does not resolve`);
      deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        return [...stack.slice(stack.indexOf(next)), next];
      }
      if (!state.has(next)) {
        const found = visit(next);
        if (found) {
          return found;
        }
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

describe('import graph of src/', () => {
  it('finds a cycle when there is one (so the check below can fail)', () => {
    assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
    assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), undefined);
  });

  it('has no import cycles', () => {
    const graph = importGraph();
    assert.ok(graph.size > 50, `only ${graph.size} files found under src/`);
    const edges = [...graph.values()].reduce((n, deps) => n + deps.length, 0);
    assert.ok(edges > 2 * graph.size, `only ${edges} imports read: the pattern no longer matches them`);
    const cycle = findCycle(graph);
    assert.equal(cycle, undefined, `import cycle: ${cycle?.map((f) => relative(SRC, f)).join(' -> ')}`);
  });
});

describe('scripts and tests', () => {
  const ROOT = resolve(SRC, '..');
  /** Relative imports of every .ts file under `dir`, resolved to paths from the repository root. */
  const importsUnder = (dir: string): { file: string; target: string }[] =>
    sources(join(ROOT, dir)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({ file: relative(ROOT, file), target: relative(ROOT, resolve(dirname(file), m[1] ?? m[2])) })),
    );

  it('import one way: test/ owns the e2e engine and the in-host runner, and imports nothing from scripts/', () => {
    const fromTests = importsUnder('test');
    assert.ok(fromTests.some((i) => i.target === 'test/e2e/support/codeServer'), 'the harness imports the engine from test/e2e/support/');
    assert.deepEqual(fromTests.filter((i) => i.target.startsWith('scripts/')), []);
    assert.deepEqual(importsUnder('scripts').filter((i) => i.target.startsWith('test/inhost/')), []);
  });
});
