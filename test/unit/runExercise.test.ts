// The runner with a real Python: results, load errors, timeouts that kill the whole process
// group, the output cap, cancelling, a missing interpreter, and the temp folder's removal.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exercise, RunOutcome, TestCaseResult } from '../../src/exercises/exerciseTypes';
import { unrunnableInterpreter } from '../../src/exercises/interpreter';
import { runExercise, RunRequest, TEMP_PREFIX } from '../../src/exercises/runner/runExercise';
import { ATTEMPTS, goodExercise, goodFolder, HARNESS_DIR } from '../support/exerciseFixtures';
import { pythonForTests } from '../support/pythonForTests';

const posix = process.platform !== 'win32';

/** Running, not only a zombie waiting for its new parent to reap it (containers' PID 1 may never do). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Field 3 of /proc/<pid>/stat is the state; "Z" is a zombie: dead, holding only its pid.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return condition();
}

const ourTempFolders = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX)));
const TEMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;

describe('unrunnableInterpreter', () => {
  it('refuses batch files on Windows only, with what to set instead', () => {
    assert.match(unrunnableInterpreter('C:\\Users\\u\\.pyenv\\pyenv-win\\shims\\python.BAT', 'win32') ?? '', /is a batch file.*mlPrep\.python\.path.*pyenv which python/);
    assert.ok(unrunnableInterpreter('C:\\tools\\python.cmd', 'win32'));
    assert.equal(unrunnableInterpreter('C:\\Python312\\python.exe', 'win32'), undefined);
    assert.equal(unrunnableInterpreter('/opt/bin/python.cmd', 'linux'), undefined);
  });
});

describe('runExercise (real Python)', function () {
  this.timeout(30_000);
  let python: string;
  let exercise: Exercise;
  let work: string;

  let privateTemp: string;
  const savedTemp: Partial<Record<(typeof TEMP_VARIABLES)[number], string>> = {};

  before(() => {
    python = pythonForTests();
    exercise = goodExercise();
    // A temp folder of our own (os.tmpdir() reads these variables on each call), so checking
    // that runs remove their folders does not see another test process's runs.
    privateTemp = mkdtempSync(join(tmpdir(), 'mlprep-runner-tests-'));
    for (const name of TEMP_VARIABLES) {
      savedTemp[name] = process.env[name];
      process.env[name] = privateTemp;
    }
  });
  after(() => {
    for (const name of TEMP_VARIABLES) {
      if (savedTemp[name] === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = savedTemp[name];
      }
    }
    rmSync(privateTemp, { recursive: true, force: true });
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'mlprep-attempts-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** Copies fixture files beside each other in a fresh folder, as a user's exercises folder. */
  function attempt(name: string, ...siblings: string[]): string {
    for (const file of [name, ...siblings]) {
      copyFileSync(join(ATTEMPTS, file), join(work, file));
    }
    return join(work, name);
  }
  function write(name: string, text: string): string {
    writeFileSync(join(work, name), text);
    return join(work, name);
  }
  const run = (attemptPath: string, more: Partial<RunRequest> = {}): Promise<RunOutcome> =>
    runExercise({ python, exercise, attemptPath, harnessDir: HARNESS_DIR, ...more });

  it('passes the reference solution, streaming each result, and leaves the attempt folder as it was', async () => {
    const before = ourTempFolders();
    const path = write('add-one.py', goodFolder().files['solution.py'] ?? '');
    const streamed: TestCaseResult[] = [];
    const outcome = await run(path, { onResult: (r) => streamed.push(r) });
    assert.equal(outcome.kind, 'completed', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'completed');
    assert.equal(outcome.passed, 3);
    assert.equal(outcome.failed, 0);
    assert.match(outcome.python, /^3\.\d+\.\d+$/);
    assert.match(outcome.numpy, /^\d+\.\d+/);
    assert.deepEqual(
      outcome.results.map((r) => [r.name, r.label, r.status]),
      exercise.testCases.map((c) => [c.name, c.label, 'passed']),
      'the harness labels the tests as the compiler does',
    );
    assert.deepEqual(streamed, outcome.results);
    assert.deepEqual(readdirSync(work), ['add-one.py'], 'no tests, harness or __pycache__ in the user folder');
    assert.deepEqual([...ourTempFolders()].filter((n) => !before.has(n)), [], 'the temp folder is removed');
  });

  it('reports a wrong solution with the message, expected and actual values, and its prints', async () => {
    const outcome = await run(attempt('failing.py'));
    assert.ok(outcome.kind === 'completed', JSON.stringify(outcome));
    assert.equal(outcome.passed, 1);
    assert.equal(outcome.failed, 2);
    const scalar = outcome.results.find((r) => r.name === 'test_scalar');
    assert.equal(scalar?.status, 'failed');
    assert.match(scalar?.message ?? '', /^add_one\(1\.0\): values differ/);
    assert.equal(scalar?.expected, '2.0');
    assert.match(scalar?.actual ?? '', /\b3\.0?\b/);
    assert.equal(scalar?.output, 'adding 1.0\n');
    assert.equal(outcome.results.find((r) => r.name === 'test_add_two')?.status, 'passed');
  });

  it('runs only the tests asked for', async () => {
    const outcome = await run(attempt('failing.py'), { only: ['test_add_two'] });
    assert.ok(outcome.kind === 'completed', JSON.stringify(outcome));
    assert.deepEqual(
      outcome.results.map((r) => [r.name, r.status]),
      [['test_add_two', 'passed']],
    );
  });

  it('fails the starter on every test with a not-implemented message', async () => {
    const outcome = await run(write('add-one.py', goodFolder().files['starter.py'] ?? ''));
    assert.ok(outcome.kind === 'completed', JSON.stringify(outcome));
    assert.equal(outcome.passed, 0);
    assert.ok(outcome.results.every((r) => r.status === 'failed' && /not implemented yet/.test(r.message ?? '')));
  });

  it('reports a syntax error as loadError naming the line', async () => {
    const outcome = await run(attempt('syntax_error.py'));
    assert.equal(outcome.kind, 'loadError', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'loadError');
    assert.match(outcome.message, /SyntaxError/);
    assert.match(outcome.message, /line 4|:4/);
  });

  it("imports the attempt's siblings and reads files relative to its folder", async () => {
    const outcome = await run(attempt('uses_sibling.py', 'sibling_helper.py', 'data.txt'));
    assert.ok(outcome.kind === 'completed', JSON.stringify(outcome));
    assert.equal(outcome.passed, 3);
  });

  it('times out an endless loop within timeout + 1 s, and kills the child process it started', async function () {
    if (!posix) {
      this.skip(); // The fixture starts `sleep`, a POSIX program; Windows kills with taskkill /T.
    }
    const timeoutMs = 1500;
    const started = Date.now();
    const outcome = await run(attempt('loop_with_child.py'), { timeoutMs });
    const elapsed = Date.now() - started;
    assert.deepEqual(outcome.kind, 'timedOut', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'timedOut');
    assert.equal(outcome.timeoutMs, timeoutMs);
    assert.ok(elapsed < timeoutMs + 1000, `ended after ${elapsed} ms`);
    assert.deepEqual(
      outcome.results.map((r) => r.status),
      ['notRun', 'notRun', 'notRun'],
    );
    const pidFile = join(work, 'sleep.pid');
    assert.ok(existsSync(pidFile), 'the attempt started its child');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(pid > 0);
    assert.ok(await waitFor(() => !alive(pid), 1000), `the child sleep (pid ${pid}) is gone`);
  });

  it('ends a run, and the child process it started, when the process that started it is killed', async function () {
    if (!posix) {
      this.skip(); // The harness watches its parent on POSIX only.
    }
    // One Node process (the tsx command would add a second one between).
    const script = join(__dirname, '..', 'fixtures', 'exercises', 'runThenWait.ts');
    // Its temp folder, which a killed starter cannot remove, lands in the private temp folder.
    const host = spawn(process.execPath, ['--require', 'tsx/cjs', script, python, attempt('loop_with_child.py')], { stdio: 'ignore', cwd: join(__dirname, '..', '..'), env: process.env });
    try {
      const pidFile = (name: string) => join(work, name);
      assert.ok(await waitFor(() => existsSync(pidFile('python.pid')) && existsSync(pidFile('sleep.pid')), 15_000), 'the run started');
      const pids = ['python.pid', 'sleep.pid'].map((f) => Number(readFileSync(pidFile(f), 'utf8')));
      assert.ok(pids.every(alive));
      host.kill('SIGKILL');
      for (const pid of pids) {
        assert.ok(await waitFor(() => !alive(pid), 3000), `pid ${pid} is gone after its starter was killed`);
      }
    } finally {
      host.kill('SIGKILL');
    }
  });

  it('stops a print flood at the output cap as a crash', async () => {
    const started = Date.now();
    const outcome = await run(attempt('print_flood.py'), { outputCapBytes: 256 * 1024, timeoutMs: 20_000 });
    assert.equal(outcome.kind, 'crashed', JSON.stringify(outcome).slice(0, 500));
    assert.ok(outcome.kind === 'crashed');
    assert.match(outcome.detail, /printed more than 256 KiB/);
    assert.ok(Date.now() - started < 10_000, 'stopped long before the timeout');
  });

  it('keeps only the start of what a test prints, so a print loop cannot fill the memory', async function () {
    if (process.platform !== 'linux') {
      this.skip(); // The fixture caps its own memory through /proc and RLIMIT_AS.
    }
    const outcome = await run(attempt('print_loop.py'), { only: ['test_scalar'], timeoutMs: 20_000 });
    assert.ok(outcome.kind === 'completed', JSON.stringify(outcome).slice(0, 1000));
    const [result] = outcome.results;
    assert.equal(result.status, 'passed', result.message);
    assert.match(result.output ?? '', /^flood line 0 x{3000,}…$/);
    assert.ok((result.output ?? '').length <= 4000);
  });

  it('reports an exit from the user code as a crash, keeping the results before it', async () => {
    const outcome = await run(attempt('hard_exit.py'));
    assert.ok(outcome.kind === 'crashed', JSON.stringify(outcome));
    assert.equal(outcome.exitCode, 7);
    assert.deepEqual(
      outcome.results.map((r) => [r.name, r.status]),
      [
        ['test_scalar', 'passed'],
        ['test_array', 'passed'],
        ['test_add_two', 'notRun'],
      ],
    );
  });

  it('cancels on abort, killing the run, and removes its temp folder', async () => {
    const before = ourTempFolders();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 400);
    const outcome = await run(attempt('slow.py'), { signal: controller.signal });
    assert.equal(outcome.kind, 'cancelled', JSON.stringify(outcome));
    assert.ok(Date.now() - started < 3000);
    assert.deepEqual([...ourTempFolders()].filter((n) => !before.has(n)), []);
    const already = await run(attempt('slow.py'), { signal: AbortSignal.abort() });
    assert.equal(already.kind, 'cancelled');
  });

  it('reports a missing interpreter with what was tried', async () => {
    const before = ourTempFolders();
    const missing = join(work, 'no-such-python');
    const outcome = await runExercise({ python: missing, exercise, attemptPath: attempt('failing.py'), harnessDir: HARNESS_DIR });
    assert.deepEqual(outcome, { kind: 'noInterpreter', tried: [missing] });
    assert.deepEqual([...ourTempFolders()].filter((n) => !before.has(n)), []);
  });

  it('reports an attempt file that is gone as a load error, not as a missing interpreter', async () => {
    const outcome = await run(join(work, 'gone', 'add-one.py'));
    assert.ok(outcome.kind === 'loadError', JSON.stringify(outcome));
    assert.match(outcome.message, /add-one\.py does not exist/);
    assert.deepEqual(await run(attempt('failing.py'), { python: ' ' }), { kind: 'noInterpreter', tried: [] });
  });

  it('reports a harness folder that is missing as a crash with the reason, not a rejection', async () => {
    const before = ourTempFolders();
    const outcome = await run(attempt('failing.py'), { harnessDir: join(work, 'no-harness-here') });
    assert.ok(outcome.kind === 'crashed', JSON.stringify(outcome));
    assert.match(outcome.detail, /^the hidden tests could not be run: ENOENT/);
    assert.deepEqual(
      outcome.results.map((r) => r.status),
      ['notRun', 'notRun', 'notRun'],
    );
    assert.deepEqual([...ourTempFolders()].filter((n) => !before.has(n)), []);
  });

  it('reports a Python without NumPy as missingNumpy', async () => {
    // The attempt's folder comes first on the import path, so a numpy.py there that fails to
    // import stands in for a Python without NumPy.
    write('numpy.py', 'raise ImportError("No module named numpy")\n');
    const outcome = await run(attempt('failing.py'));
    assert.deepEqual(outcome, { kind: 'missingNumpy', python });
  });
});
