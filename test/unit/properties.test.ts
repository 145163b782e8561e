// Property-based tests: parsers and importers must hold up on whatever a user's folder or file holds.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileCatalog } from '../../src/catalog/compile/compileCatalog';
import { parseFrontMatter } from '../../src/catalog/compile/frontMatter';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { readLegacy } from '../../src/study/legacy';
import { buildExport, parseImport } from '../../src/transfer/exportFile';
import { canonical } from '../../src/study/merge';
import { validateState } from '../../src/study/schema';
import { decodeStored, encodeLocal, encodeSynced } from '../../src/study/storedValue';
import { STUDY_LOCAL_KEY, STUDY_SYNC_KEY, StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento, validFiles } from './helpers';
import { idArb, stateArb } from './studyArbitraries';

const RUNS = 2000;
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1);

/** Text made of the pieces that matter to a front-matter parser, so cases are not just noise. */
const frontMatterish = fc
  .array(
    fc.oneof(
      fc.constantFrom('---', '---js', '--- yaml', '...', 'id: x', 'title: "T"', 'tags:', '  - a', '- b', 'k: [', 'a: &x [1]', 'b: *x', '!!js/function f', '\t', '#', ':', '"', "'"),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

describe('properties', function () {
  this.timeout(60_000);

  it('front matter: never throws; either fields or problems with lines inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(frontMatterish, fc.string({ maxLength: 200 }), frontMatterish.map((t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`)), (text) => {
        const parsed = parseFrontMatter(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        assert.ok((parsed.fields === undefined) === parsed.errors.length > 0 || parsed.fields !== undefined);
        for (const e of parsed.errors) {
          assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, `line ${e.line} of ${lines}`);
          assert.ok(e.message.length > 0);
        }
        if (!/^(\uFEFF)?---[ \t]*(\r?\n|$)/.test(text)) {
          assert.equal(parsed.fields, undefined, 'nothing but exactly --- opens front matter');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('front matter: simple fields round-trip through YAML text', () => {
    const key = fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/);
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.string({ maxLength: 80 }), (fields, body) => {
        const yaml = Object.entries(fields)
          .map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${JSON.stringify(x)}`).join('\n')}` : `${k}: ${JSON.stringify(v)}`))
          .join('\n');
        const parsed = parseFrontMatter(`---\n${yaml}${yaml ? '\n' : ''}---\n${body}`);
        assert.deepEqual(parsed.errors, []);
        assert.deepEqual(parsed.fields, { ...fields });
        assert.equal(parsed.body, body.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: RUNS },
    );
  });

  it('content compiler: a catalog with no problems, or file:line problems and no catalog', () => {
    const base = validFiles();
    const edit = fc.record({
      file: fc.nat({ max: base.length - 1 }),
      at: fc.nat(),
      insert: fc.oneof(frontMatterish, fc.string({ maxLength: 30 }), fc.constantFrom('\n## Deep dive\n', 'related:\n  - nope\n', 'id: other\n', '[x](mlprep:missing)')),
      cut: fc.nat({ max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), (edits) => {
        const files: { path: string; text: string }[] = base.map((f) => ({ ...f }));
        for (const e of edits) {
          const f = files[e.file];
          const at = e.at % (f.text.length + 1);
          f.text = f.text.slice(0, at) + e.insert + f.text.slice(at + e.cut);
        }
        const result = compileCatalog(files);
        if (result.catalog) {
          assert.deepEqual(result.problems, []);
        } else {
          assert.ok(result.problems.length > 0);
          for (const p of result.problems) {
            const file = files.find((f) => f.path === p.file);
            assert.ok(file, `problem names a real file: ${p.file}`);
            assert.ok(p.line >= 1 && p.line <= file.text.split('\n').length + 1, `${p.file}:${p.line}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('markdown renderer: no script, event handler, javascript: or data: URL, or remote resource', () => {
    const renderer = new MarkdownRenderer();
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[a](javascript:alert(1))',
      '[a](JaVaScRiPt:alert(1))',
      '[a](data:text/html;base64,PHNjcmlwdD4=)',
      '![i](https://example.com/x.png)',
      '![i](data:image/png;base64,AAAA)',
      '<iframe src="https://e.com">',
      '<a href="javascript:x" onclick="y">',
      '[a](vbscript:msgbox)',
      '<svg onload=alert(1)>',
      '$\\href{javascript:alert(1)}{x}$',
      '$$\\url{https://e.com}$$',
      '```python\n<script>x</script>\n```',
      '<style>@import url(https://e.com)</style>',
      '[a](https://ok.example)',
      'text <b onmouseover=x>',
    );
    const piece = fc.oneof(hostile, fc.string({ maxLength: 20 }), fc.constantFrom('\n', '\n\n', '**', '`', '$', '# ', '- ', '> ', '|a|b|\n|-|-|\n'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const html = renderer.render(pieces.join(''));
        for (const [, tag, attrs] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
          assert.ok(!/^(script|iframe|style|img|svg|object|embed|link|base|form|input|video|audio|source)$/i.test(tag), `no <${tag}>`);
          for (const [, name, raw] of attrs.matchAll(/\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
            const value = raw.replace(/^["']|["']$/g, '').replace(/&#x?[0-9a-f]+;?|&colon;/gi, ':').trim();
            assert.ok(!/^on/i.test(name), `no event handler ${name}`);
            assert.ok(!/^(src|srcset|poster|background|action|formaction)$/i.test(name), `nothing is loaded: ${name}`);
            if (/^(href|xlink:href)$/i.test(name)) {
              assert.doesNotMatch(value, /^(javascript|data|vbscript)\s*:/i, `no ${value} link`);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('stored-state readers: never throw, always return a state the store accepts', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const shaped = fc.record({
      version: fc.oneof(fc.constant(1), fc.constant(2), fc.constant(3), json),
      resetAt: fc.oneof(fc.constant(0), fc.integer(), json),
      questions: fc.oneof(json, fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(json, fc.record({ p: fc.constantFrom(0, 1, 2), u: fc.integer(), c: json })), { maxKeys: 5 })),
      practiced: fc.oneof(json, fc.array(fc.string({ maxLength: 10 }))),
      cards: fc.oneof(json, fc.dictionary(fc.string({ maxLength: 10 }), json, { maxKeys: 5 })),
      log: fc.oneof(json, fc.array(fc.oneof(json, fc.tuple(fc.string(), fc.integer(), fc.integer(), fc.integer(), fc.array(fc.integer()), fc.integer())), { maxLength: 5 })),
    });
    fc.assert(
      fc.property(fc.oneof(json, shaped), (raw) => {
        const read = decodeStored(raw);
        assert.deepEqual(validateState(read.state), [], 'what the reader returns passes the one validation');
        assert.deepEqual(decodeStored(encodeLocal(read.state)).problems, [], 'and reads again cleanly');
        const legacy = readLegacy(raw, raw);
        assert.deepEqual(validateState(legacy.state), [], 'old values too');
      }),
      { numRuns: RUNS },
    );
  });

  it('stored values: the local value round-trips exactly, the synced one is a part of it', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const local = decodeStored(JSON.parse(JSON.stringify(encodeLocal(state))));
        assert.deepEqual(local.problems, []);
        assert.equal(canonical(local.state), canonical(state));
        const synced = decodeStored(JSON.parse(JSON.stringify(encodeSynced(state))));
        assert.deepEqual(synced.problems, []);
        for (const [id, record] of Object.entries(synced.state.questions)) {
          assert.equal(canonical(record), canonical(state.questions[id]));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every export imports again: random states made through the store with random clocks', async () => {
    // Clocks anywhere, from a dead battery's 1970 to 2200; the store moves them into the window.
    const clockArb = fc.oneof(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), fc.integer({ min: NOW - 400 * DAY, max: NOW + 10 * DAY }));
    const opArb = fc.record({
      kind: fc.constantFrom('grade', 'grade', 'tick', 'untick', 'reset', 'import'),
      id: idArb,
      grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
      clock: clockArb,
      keyPoints: fc.integer({ min: 0, max: 8 }),
      state: stateArb,
    });
    const noteArb = fc.dictionary(idArb, fc.string({ maxLength: 50 }), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 8 }), noteArb, clockArb, async (ops, notes, exportClock) => {
        const clock = { now: NOW };
        const memento = new MemoryMemento();
        const store = new StudyStore({ memento, backups: new MemoryBackups(), now: () => clock.now });
        await store.load();
        for (const op of ops) {
          clock.now = op.clock;
          if (op.kind === 'grade') {
            await store.record({ questionId: op.id, grade: op.grade, durationMs: 1000, covered: op.keyPoints > 0 ? [0] : [], keyPointCount: op.keyPoints });
          } else if (op.kind === 'tick' || op.kind === 'untick') {
            await store.setPracticed([op.id], op.kind === 'tick');
          } else if (op.kind === 'reset') {
            await store.reset();
          } else {
            await store.importState(op.state);
          }
        }
        const { file, notesLeftOut } = buildExport(store.state, notes, exportClock);
        const parsed = parseImport(JSON.stringify(file, null, 1));
        assert.ok('file' in parsed, 'error' in parsed ? parsed.error : '');
        assert.equal(canonical(parsed.file.state.questions), canonical(store.state.questions));
        assert.equal(canonical(parsed.file.state.log), canonical(store.state.log));
        assert.deepEqual(Object.keys(parsed.file.notes).length + notesLeftOut.length, Object.keys(notes).length);

        // ...into an empty profile, and into one with its own history: the merged result is always valid.
        const other = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => exportClock });
        await other.load();
        await other.importState(ops[0]?.state ?? { resetAt: 0, questions: {}, log: [] });
        const plan = await other.planImport(parsed.file.state);
        assert.ok('summary' in plan, 'error' in plan ? plan.error : '');
        await other.importState(parsed.file.state);
        assert.ok(memento.get(STUDY_LOCAL_KEY) && memento.get(STUDY_SYNC_KEY));
      }),
      { numRuns: 400 },
    );
  });

  it('import: applies fully or changes nothing', async () => {
    const ids = ['q-a', 'q-b', 'q-c', 'x'.repeat(240), 'y'.repeat(241)];
    const entryArb = fc.record({
      questionId: fc.constantFrom(...ids),
      at: fc.oneof(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2110, 0, 1) }), fc.integer({ min: NOW - 10 * DAY, max: NOW + 10 * DAY })),
      grade: fc.constantFrom(1, 2, 3, 4, 5),
      durationMs: fc.integer({ min: 0, max: 60_000 }),
      covered: fc.constant([]),
      keyPointCount: fc.integer({ min: 0, max: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { maxLength: 6 }), fc.array(fc.constantFrom(...ids), { maxLength: 4 }), async (log, marks) => {
        // A file as another machine (or a hand edit) might write it.
        const questions = Object.fromEntries(marks.map((id) => [id, { practiced: true, updatedAt: NOW - DAY }]));
        const text = JSON.stringify({ format: 'ml-interview-prep-progress', version: 2, exportedAt: NOW, questions, log, notes: {} });

        const memento = new MemoryMemento();
        const store = new StudyStore({ memento, backups: new MemoryBackups(), now: () => NOW });
        await store.load();
        await store.setPracticed(['q-a'], true);
        const before = JSON.stringify([...memento.values]);

        const parsed = parseImport(text);
        if ('error' in parsed) {
          assert.equal(JSON.stringify([...memento.values]), before, 'a refused file changes nothing');
          return;
        }
        await store.importState(parsed.file.state);
        for (const id of marks) {
          assert.ok(store.isPracticed(id), `${id} imported`);
        }
        assert.equal(store.state.log.length, new Set(log.map((e) => `${e.questionId}@${e.at}`)).size);
      }),
      { numRuns: 500 },
    );
  });
});
