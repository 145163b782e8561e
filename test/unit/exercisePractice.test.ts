import * as assert from 'node:assert/strict';
import { PASS_GRADE, recordRun, type PracticeDeps } from '../../src/exercises/exercisePractice';
import { ExerciseStatusStore } from '../../src/exercises/exerciseStatus';
import type { RunOutcome, TestCaseResult } from '../../src/exercises/exerciseTypes';
import { StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento } from './helpers';
import { sampleExercise } from './exerciseFixture';

const DAY = 86_400_000;

describe('exercise practice', () => {
  const exercise = sampleExercise();
  const passed = (name: string): TestCaseResult => ({ name, label: name, status: 'passed' });
  const failed = (name: string): TestCaseResult => ({ name, label: name, status: 'failed', message: 'expected 1, got 2' });
  const completed = (results: TestCaseResult[]): RunOutcome => ({
    kind: 'completed',
    python: '3.12',
    numpy: '2.0',
    results,
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status !== 'passed').length,
  });
  const allPass = completed([passed('test_sums_to_one'), passed('test_lse_stable')]);

  async function setup(start = Date.UTC(2026, 0, 5, 12)) {
    let now = start;
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => now });
    await study.load();
    const status = new ExerciseStatusStore(new MemoryMemento());
    const deps: PracticeDeps = { status, study, now: () => now, timeSpent: async () => 90_000 };
    return { study, status, deps, advance: (ms: number) => (now += ms) };
  }

  it('passing every test marks the exercise passing and practiced, with one review', async () => {
    const { study, status, deps } = await setup();
    const verdict = await recordRun(exercise, allPass, true, deps);
    assert.deepEqual(verdict, { kind: 'passed', total: 2, recorded: true });
    assert.equal(status.status(exercise.id), 'passing');
    assert.equal(study.isPracticed(exercise.id), true);
    assert.equal(study.state.log.length, 1);
    assert.equal(study.state.log[0].questionId, exercise.id);
    assert.equal(study.state.log[0].grade, PASS_GRADE);
    assert.equal(study.state.log[0].durationMs, 90_000);
    assert.ok(study.card(exercise.id), 'it has a review card');
  });

  it('failing records nothing but the status', async () => {
    const { study, status, deps } = await setup();
    assert.deepEqual(await recordRun(exercise, completed([passed('test_sums_to_one'), failed('test_lse_stable')]), true, deps), { kind: 'failing' });
    assert.equal(status.status(exercise.id), 'failing');
    assert.equal(status.record(exercise.id)?.passed, 1);
    assert.equal(study.isPracticed(exercise.id), false);
    assert.equal(study.state.log.length, 0);
  });

  it('a file that does not load or runs too long is failing; a cancelled or interpreter-less run changes nothing', async () => {
    const { study, status, deps } = await setup();
    assert.deepEqual(await recordRun(exercise, { kind: 'noInterpreter', tried: ['python3'] }, true, deps), { kind: 'unchanged' });
    assert.deepEqual(await recordRun(exercise, { kind: 'cancelled', results: [] }, true, deps), { kind: 'unchanged' });
    assert.deepEqual(await recordRun(exercise, { kind: 'missingNumpy', python: 'python3' }, true, deps), { kind: 'unchanged' });
    assert.equal(status.status(exercise.id), 'notTried');
    assert.deepEqual(await recordRun(exercise, { kind: 'timedOut', timeoutMs: 10_000, results: [passed('test_sums_to_one')] }, true, deps), { kind: 'failing' });
    assert.deepEqual(status.record(exercise.id), { status: 'failing', at: deps.now(), passed: 1, total: 2 });
    assert.deepEqual(await recordRun(exercise, { kind: 'loadError', message: 'SyntaxError' }, false, deps), { kind: 'failing' });
    assert.equal(study.state.log.length, 0);
  });

  it('a subset of tests passing or failing leaves the status and the schedule alone', async () => {
    const { study, status, deps } = await setup();
    assert.deepEqual(await recordRun(exercise, completed([passed('test_sums_to_one')]), false, deps), { kind: 'unchanged' });
    assert.deepEqual(await recordRun(exercise, completed([failed('test_sums_to_one')]), false, deps), { kind: 'unchanged' });
    assert.equal(status.status(exercise.id), 'notTried');
    assert.equal(study.state.log.length, 0);
  });

  it('passing again records a review only once the card is due, or after a failing run', async () => {
    const { study, deps, advance } = await setup();
    await recordRun(exercise, allPass, true, deps);
    advance(60_000);
    assert.deepEqual(await recordRun(exercise, allPass, true, deps), { kind: 'passed', total: 2, recorded: false });
    assert.equal(study.state.log.length, 1);
    advance(60 * DAY);
    assert.equal((await recordRun(exercise, allPass, true, deps)).kind, 'passed');
    assert.equal(study.state.log.length, 2, 'due again: a second review');
    await recordRun(exercise, completed([failed('test_sums_to_one'), passed('test_lse_stable')]), true, deps);
    advance(60_000);
    await recordRun(exercise, allPass, true, deps);
    assert.equal(study.state.log.length, 3, 'fixed after failing: a review');
  });

  it('says why a review could not be recorded, and still reports the pass', async () => {
    const { deps } = await setup();
    const refusing: PracticeDeps = { ...deps, study: { card: () => undefined, record: () => Promise.reject(new Error('read-only')) } };
    const verdict = await recordRun(exercise, allPass, true, refusing);
    assert.equal(verdict.kind, 'passed');
    assert.equal(verdict.kind === 'passed' && verdict.recorded, false);
    assert.match(String(verdict.kind === 'passed' && verdict.error), /read-only/);
  });
});

describe('exercise practice schedule', () => {
  it('a first pass is not due again today', async () => {
    const now = Date.UTC(2026, 0, 5, 12);
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => now });
    await study.load();
    await recordRun(sampleExercise(), { kind: 'completed', python: '3', numpy: '2', results: [{ name: 'a', label: 'a', status: 'passed' }], passed: 1, failed: 0 }, true, {
      status: new ExerciseStatusStore(new MemoryMemento()),
      study,
      now: () => now,
      timeSpent: async () => 0,
    });
    assert.ok((study.card('stable-softmax')?.due ?? 0) > now + DAY, 'due in days, not minutes');
    assert.deepEqual(study.dueToday(now), []);
  });
  it('a passed exercise comes back due days later, among the questions the store counts as due', async () => {
    let now = Date.UTC(2026, 0, 5, 12);
    const exercise = sampleExercise();
    const allPass: RunOutcome = { kind: 'completed', python: '3', numpy: '2', results: [{ name: 'a', label: 'a', status: 'passed' }], passed: 1, failed: 0 };
    const catalog = new Set(['q-bias-variance']);
    const exercises = new Set([exercise.id]);
    // As the extension wires it: ids of catalog questions and of loaded exercises are due; others not.
    const study = new StudyStore({ memento: new MemoryMemento(), backups: new MemoryBackups(), now: () => now, isQuestion: (id) => catalog.has(id) || exercises.has(id) });
    await study.load();
    const deps: PracticeDeps = { status: new ExerciseStatusStore(new MemoryMemento()), study, now: () => now, timeSpent: async () => 1000 };
    await recordRun(exercise, allPass, true, deps);
    await study.record({ questionId: 'q-bias-variance', grade: 4, durationMs: 1000, covered: [], keyPointCount: 0 });
    await study.record({ questionId: 'removed', grade: 4, durationMs: 1000, covered: [], keyPointCount: 0 });
    assert.deepEqual(study.dueToday(now), [], 'not due the day it passed');
    now += 60 * DAY;
    assert.deepEqual([...study.dueToday(now)].sort(), [exercise.id, 'q-bias-variance'].sort());
    exercises.clear();
    assert.deepEqual(study.dueToday(now), ['q-bias-variance'], 'an exercise no longer shipped is not due');
  });
});
