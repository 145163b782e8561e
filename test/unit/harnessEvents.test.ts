import * as assert from 'node:assert/strict';
import type { Exercise } from '../../src/exercises/exerciseTypes';
import { HarnessEvent, HarnessLineReader, parseHarnessLine, parseHarnessOutput, ProcessEnding } from '../../src/exercises/runner/harnessEvents';

const line = (event: Record<string, unknown>) => `@mlprep ${JSON.stringify(event)}\n`;
const start = line({ event: 'start', python: '3.12.1', numpy: '2.1.0', tests: [{ name: 'test_a', label: 'A works' }, { name: 'test_b', label: 'B works' }] });
const passA = line({ event: 'result', name: 'test_a', label: 'A works', status: 'passed', output: 'hi\n', durationMs: 1.5 });
const failB = line({ event: 'result', name: 'test_b', label: 'B works', status: 'failed', message: 'b: values differ', expected: '3', actual: '2' });
const done = line({ event: 'done', passed: 1, failed: 1 });
const exited = (exitCode: number, stderr = ''): ProcessEnding => ({ kind: 'exited', exitCode, stderr });
const context = { python: '/usr/bin/python3' };

const exercise = {
  testCases: [
    { name: 'test_a', label: 'A works', line: 3 },
    { name: 'test_b', label: 'B works', line: 7 },
  ],
} as unknown as Exercise;

describe('harness events', () => {
  it('parses each event kind and ignores other lines', () => {
    assert.deepEqual(parseHarnessLine(start.trim()), {
      event: 'start',
      python: '3.12.1',
      numpy: '2.1.0',
      tests: [
        { name: 'test_a', label: 'A works' },
        { name: 'test_b', label: 'B works' },
      ],
    });
    assert.deepEqual(parseHarnessLine(failB.trim()), {
      event: 'result',
      result: { name: 'test_b', label: 'B works', status: 'failed', message: 'b: values differ', expected: '3', actual: '2' },
    });
    assert.deepEqual(parseHarnessLine(`${done.trim()}\r`), { event: 'done', passed: 1, failed: 1 });
    for (const other of ['hello', '@mlprep', '@mlprep {', '@mlprep []', '@mlprep {"event":"nope"}', ' @mlprep {"event":"done"}', '@mlprep {"event":"result","name":"x","status":"weird"}']) {
      assert.equal(parseHarnessLine(other), undefined, other);
    }
  });

  it('maps a finished run to completed, counting from the results', () => {
    const outcome = parseHarnessOutput(`noise\n${start}${passA}user print\n${failB}${done}`, exited(1), context);
    assert.deepEqual(outcome, {
      kind: 'completed',
      python: '3.12.1',
      numpy: '2.1.0',
      passed: 1,
      failed: 1,
      results: [
        { name: 'test_a', label: 'A works', status: 'passed', output: 'hi\n', durationMs: 1.5 },
        { name: 'test_b', label: 'B works', status: 'failed', message: 'b: values differ', expected: '3', actual: '2' },
      ],
    });
  });

  it('maps loadError and missingNumpy events, whatever the exit code', () => {
    assert.deepEqual(parseHarnessOutput(start + line({ event: 'loadError', message: 'SyntaxError: invalid syntax', output: 'x' }), exited(1), context), {
      kind: 'loadError',
      message: 'SyntaxError: invalid syntax',
      output: 'x',
    });
    assert.deepEqual(parseHarnessOutput(line({ event: 'missingNumpy', python: '/opt/py' }), exited(3), context), { kind: 'missingNumpy', python: '/opt/py' });
    assert.deepEqual(parseHarnessOutput(line({ event: 'missingNumpy' }), exited(3), context), { kind: 'missingNumpy', python: '/usr/bin/python3' });
  });

  it('marks tests that never reported as notRun on a timeout, a cancel or a crash', () => {
    const notRunB = { name: 'test_b', label: 'B works', status: 'notRun' };
    const passed = { name: 'test_a', label: 'A works', status: 'passed', output: 'hi\n', durationMs: 1.5 };
    assert.deepEqual(parseHarnessOutput(start + passA, { kind: 'timedOut', timeoutMs: 10_000 }, context), { kind: 'timedOut', timeoutMs: 10_000, results: [passed, notRunB] });
    assert.deepEqual(parseHarnessOutput(start + passA, { kind: 'cancelled' }, context), { kind: 'cancelled', results: [passed, notRunB] });
    const crash = parseHarnessOutput(start + passA, exited(7, 'Traceback...\nSystemExit'), context);
    assert.equal(crash.kind, 'crashed');
    assert.ok(crash.kind === 'crashed');
    assert.equal(crash.exitCode, 7);
    assert.match(crash.detail, /exited with code 7 before the tests finished.*\nTraceback\.\.\.\nSystemExit$/s);
    assert.deepEqual(crash.results, [passed, notRunB]);
    const capped = parseHarnessOutput(start, { kind: 'outputCapped', capBytes: 1024 * 1024 }, context);
    assert.ok(capped.kind === 'crashed');
    assert.match(capped.detail, /more than 1 MiB/);
    assert.deepEqual(
      capped.results.map((r) => r.status),
      ['notRun', 'notRun'],
    );
  });

  it("reads Windows' exit code 9009 before any event (the Store's python.exe stand-in) as no interpreter", () => {
    assert.deepEqual(parseHarnessOutput('', exited(9009, 'Python was not found; run without arguments to install from the Microsoft Store'), context), {
      kind: 'noInterpreter',
      tried: ['/usr/bin/python3'],
    });
    assert.equal(parseHarnessOutput(start, exited(9009), context).kind, 'crashed');
  });

  it('without a start event, takes the expected tests from the exercise, filtered by only', () => {
    const outcome = parseHarnessOutput('', { kind: 'timedOut', timeoutMs: 5 }, { ...context, exercise, only: ['test_b'] });
    assert.deepEqual(outcome, { kind: 'timedOut', timeoutMs: 5, results: [{ name: 'test_b', label: 'B works', status: 'notRun' }] });
    const all = parseHarnessOutput('', exited(1), { ...context, exercise });
    assert.ok(all.kind === 'crashed');
    assert.equal(all.results.length, 2);
  });

  it('keeps the first result of a test reported twice, and results the start list did not name', () => {
    const extra = line({ event: 'result', name: 'test_c', label: 'C', status: 'errored', message: 'boom' });
    const again = line({ event: 'result', name: 'test_a', label: 'A works', status: 'failed' });
    const outcome = parseHarnessOutput(start + passA + again + extra + done, exited(1), context);
    assert.ok(outcome.kind === 'completed');
    assert.deepEqual(
      outcome.results.map((r) => [r.name, r.status]),
      [
        ['test_a', 'passed'],
        ['test_b', 'notRun'],
        ['test_c', 'errored'],
      ],
    );
    assert.equal(outcome.passed, 1);
    assert.equal(outcome.failed, 1);
  });

  it('reads events split across chunks anywhere, even inside a multi-byte character', () => {
    const text = `${start}${line({ event: 'result', name: 'test_a', label: 'Ünïcode — ok', status: 'passed' })}tail`;
    const events: HarnessEvent[] = [];
    const reader = new HarnessLineReader((e) => events.push(e));
    for (const ch of text) {
      reader.push(ch);
    }
    reader.end();
    assert.equal(events.length, 2);
    assert.deepEqual(events[1], { event: 'result', result: { name: 'test_a', label: 'Ünïcode — ok', status: 'passed' } });
  });
});
