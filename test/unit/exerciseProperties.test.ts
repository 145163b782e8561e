// Property-based tests: the exercise compiler and the harness-output parser hold up on any input,
// and take time linear in its size.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileExercises, ExerciseFolder } from '../../src/catalog/compile/compileExercises';
import { topLevelDefs } from '../../src/catalog/compile/pythonSource';
import type { RunOutcome } from '../../src/exercises/exerciseTypes';
import { parseHarnessOutput, ProcessEnding } from '../../src/exercises/runner/harnessEvents';
import { FIXTURE_IDS, goodFolder } from '../support/exerciseFixtures';

const RUNS = 500;

const pythonish = fc
  .array(
    fc.oneof(
      fc.constantFrom('def test_a(m):', 'def test_a(m, n):', 'def f(', 'def add_one(x):', '    """Label', '    """', "    '''x'''", '    "one"', '    pass', '#', '', 'class A:', '\tdef test_b(m):', 'from solution import f', '\r'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom('---', 'id: add-one', 'title: "T"', 'shortTitle: "S"', 'topic: basics', 'functions:', '  - add_one', '  - 3', 'status: published', '## Task', '## Hints', '[x](mlprep:bias)', 'k: [', 'a: &x [1]', 'b: *x'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

/** A good folder with some files replaced, dropped or added. */
const folderArb: fc.Arbitrary<ExerciseFolder> = fc
  .record({
    folder: fc.oneof(fc.constant('add-one'), fc.string({ maxLength: 12 })),
    md: fc.option(markdownish),
    starter: fc.option(pythonish),
    solution: fc.option(pythonish),
    tests: fc.option(pythonish),
    extra: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 2 }),
  })
  .map(({ folder, md, starter, solution, tests, extra }) => {
    const good = goodFolder().files;
    const pick = (name: string, value: string | null) => (value === null ? good[name] : value);
    const files: Record<string, string> = { ...extra };
    for (const [name, value] of [
      ['exercise.md', md],
      ['starter.py', starter],
      ['solution.py', solution],
      ['tests.py', tests],
    ] as const) {
      const text = pick(name, value);
      if (text !== undefined) {
        files[name] = text;
      }
    }
    return { folder, files };
  });

const event = fc.oneof(
  fc.constant({ event: 'start', python: '3.12.0', numpy: '2.0.0', tests: [{ name: 'test_a', label: 'A' }, { name: 'test_b' }] }),
  fc.record({ event: fc.constant('result'), name: fc.constantFrom('test_a', 'test_b', 'test_c', ''), label: fc.string({ maxLength: 5 }), status: fc.constantFrom('passed', 'failed', 'errored', 'notRun', 3) }),
  fc.record({ event: fc.constantFrom('loadError', 'missingNumpy', 'done', 'other'), message: fc.anything(), passed: fc.anything() }),
  fc.anything(),
);
const stdoutArb = fc
  .array(fc.oneof(event.map((e) => `@mlprep ${JSON.stringify(e) ?? 'undefined'}`), fc.string({ maxLength: 30 }), fc.constantFrom('@mlprep ', '@mlprep {', '\r')), { maxLength: 20 })
  .map((lines) => lines.join('\n'));
const endingArb: fc.Arbitrary<ProcessEnding> = fc.oneof(
  fc.record({ kind: fc.constant('exited' as const), exitCode: fc.option(fc.integer()), stderr: fc.string({ maxLength: 50 }) }),
  fc.record({ kind: fc.constant('timedOut' as const), timeoutMs: fc.nat() }),
  fc.constant({ kind: 'cancelled' as const }),
  fc.record({ kind: fc.constant('outputCapped' as const), capBytes: fc.nat() }),
);

function resultsOf(outcome: RunOutcome) {
  return 'results' in outcome ? outcome.results : [];
}

/** The smallest of a few timings, so one slow moment on a shared machine does not decide. */
function timeOf(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

/** Growing the input 8 times must not grow the time much more than 8 times (quadratic: 64). */
function assertLinear(make: (n: number) => () => void, n: number): void {
  const small = timeOf(make(n));
  const large = timeOf(make(8 * n));
  assert.ok(large < 24 * small + 30, `8x the input took ${large.toFixed(1)} ms against ${small.toFixed(1)} ms`);
}

describe('exercise properties', function () {
  this.timeout(120_000);

  it('compiler: never throws; every problem names a file under exercises/ and a line inside it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(folderArb, { maxLength: 3, selector: (f) => f.folder }), (folders) => {
        const { exercises, drafts, problems } = compileExercises(folders, FIXTURE_IDS);
        for (const p of problems) {
          assert.ok(p.file.startsWith('exercises/'), p.file);
          assert.ok(Number.isInteger(p.line) && p.line >= 1, `${p.file}:${p.line}`);
          const folder = folders.find((f) => p.file.startsWith(`exercises/${f.folder}`));
          const text = folder?.files[p.file.slice(`exercises/${folder.folder}/`.length)];
          if (text !== undefined) {
            assert.ok(p.line <= text.split(/\r\n|\r|\n/).length + 1, `${p.file}:${p.line} is inside the file`);
          }
        }
        for (const e of [...exercises, ...drafts]) {
          assert.ok(e.testCases.length >= 1);
          assert.ok(e.testCases.every((c) => c.name.startsWith('test_') && c.line >= 1 && c.label !== ''));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('harness output: never throws; every expected test appears once, counts add up', () => {
    fc.assert(
      fc.property(stdoutArb, endingArb, fc.option(fc.array(fc.constantFrom('test_a', 'test_b'))), (stdout, ending, only) => {
        const outcome = parseHarnessOutput(stdout, ending, { python: 'python3', only: only ?? undefined });
        const results = resultsOf(outcome);
        assert.equal(new Set(results.map((r) => r.name)).size, results.length, 'no test twice');
        assert.ok(results.every((r) => ['passed', 'failed', 'errored', 'notRun'].includes(r.status) && r.name !== ''));
        if (outcome.kind === 'completed') {
          assert.equal(outcome.passed, results.filter((r) => r.status === 'passed').length);
          assert.equal(outcome.failed, results.filter((r) => r.status === 'failed' || r.status === 'errored').length);
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('compiler: linear in the size of tests.py, even with unclosed docstrings and endless defs', () => {
    const folder = goodFolder();
    const tests = (n: number) => `${'def test_x(m):\n    """\n\n\n'.repeat(n)}${'x = """'.repeat(n)}\n${'def f('.repeat(n)}`;
    assertLinear((n) => {
      const input = [{ ...folder, files: { ...folder.files, 'tests.py': tests(n) } }];
      return () => compileExercises(input, FIXTURE_IDS);
    }, 2000);
    assertLinear((n) => {
      const text = `def test_y(m):\n${'    # comment\n'.repeat(n)}`;
      return () => topLevelDefs(text);
    }, 5000);
  });

  it('harness output: linear in its size, for one huge line, many lines, or many events', () => {
    const result = `@mlprep ${JSON.stringify({ event: 'result', name: 'test_a', label: 'A', status: 'passed' })}\n`;
    for (const make of [(n: number) => 'x'.repeat(n * 50), (n: number) => '@mlprep {\n'.repeat(n * 5), (n: number) => result.repeat(n)]) {
      assertLinear((n) => {
        const text = make(n);
        return () => parseHarnessOutput(text, { kind: 'exited', exitCode: 1 }, { python: 'python3' });
      }, 2000);
    }
  });
});
