import * as assert from 'node:assert/strict';
import { describeOutcome, installNumpyCommand, notRunMessage, resultMessage, shellQuote } from '../../src/exercises/runMessages';
import type { RunOutcome } from '../../src/exercises/exerciseTypes';

describe('exercise run messages', () => {
  const result = { name: 'test_a', label: 'A', status: 'passed' } as const;

  it('summarizes a completed run', () => {
    const all: RunOutcome = { kind: 'completed', python: '3.12', numpy: '2.0', results: [result, result], passed: 2, failed: 0 };
    assert.equal(describeOutcome(all, 'Softmax').summary, 'Softmax: all 2 tests passed.');
    const some: RunOutcome = { ...all, results: [result, { ...result, status: 'failed' }], passed: 1, failed: 1 };
    const text = describeOutcome(some, 'Softmax');
    assert.equal(text.summary, 'Softmax: 1 of 2 tests passed, 1 did not.');
    assert.equal(text.allErrored, undefined);
    assert.equal(text.interpreter, undefined);
  });

  it('says no test ran when the file does not load, with the error', () => {
    const text = describeOutcome({ kind: 'loadError', message: 'SyntaxError: invalid syntax (line 3)' }, 'Softmax');
    assert.match(text.allErrored ?? '', /could not be loaded, so no test ran:\nSyntaxError: invalid syntax \(line 3\)/);
  });

  it('names what was tried when there is no interpreter, and how to fix it', () => {
    const text = describeOutcome({ kind: 'noInterpreter', tried: ['/nope/python', 'python3 on PATH'] }, 'Softmax');
    assert.equal(text.interpreter?.kind, 'noInterpreter');
    assert.match(text.interpreter?.message ?? '', /No Python interpreter was found \(tried: \/nope\/python, python3 on PATH\)\. Set mlPrep\.python\.path/);
    assert.equal(text.allErrored, text.interpreter?.message);
  });

  it('gives the pip command for a missing NumPy, quoted when the path needs it', () => {
    const text = describeOutcome({ kind: 'missingNumpy', python: '/usr/bin/python3' }, 'Softmax');
    assert.equal(text.interpreter?.fixCommand, '/usr/bin/python3 -m pip install numpy');
    assert.match(text.allErrored ?? '', /NumPy is not installed for \/usr\/bin\/python3/);
    assert.equal(installNumpyCommand('C:\\Program Files\\Python\\python.exe'), '"C:\\\\Program Files\\\\Python\\\\python.exe" -m pip install numpy');
    assert.equal(shellQuote('/a b/$x'), '"/a b/\\$x"');
  });

  it('explains tests that did not report, by how the run ended', () => {
    assert.match(notRunMessage({ kind: 'timedOut', timeoutMs: 10_000, results: [] }), /stopped after 10 s/);
    assert.match(notRunMessage({ kind: 'timedOut', timeoutMs: 2_500, results: [] }), /stopped after 2\.5 s/);
    assert.match(notRunMessage({ kind: 'crashed', exitCode: 1, detail: 'sys.exit in your code', results: [] }), /sys\.exit in your code/);
    assert.match(notRunMessage({ kind: 'cancelled', results: [] }), /Cancelled/);
    assert.match(describeOutcome({ kind: 'crashed', exitCode: 2, detail: 'too much output', results: [] }, 'X').summary, /too much output, exit code 2/);
  });

  it('always has a message for a failed or errored test', () => {
    assert.equal(resultMessage({ ...result, status: 'failed', message: '  expected 1, got 2 ' }), 'expected 1, got 2');
    assert.equal(resultMessage({ ...result, status: 'failed' }), 'The test failed.');
    assert.equal(resultMessage({ ...result, status: 'errored', message: '' }), 'The test raised an error.');
  });
});
