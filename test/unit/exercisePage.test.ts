import * as assert from 'node:assert/strict';
import { exercisePageHtml } from '../../src/exercises/exercisePage';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { exercisesByTopic, countExercises } from '../../src/tree/exerciseNodes';
import { isWebviewMessage } from '../../src/shared/protocol';
import { ExerciseLibrary } from '../../src/exercises/exerciseLibrary';
import { sampleExercise } from './exerciseFixture';

describe('exercise statement page', () => {
  const lookup = { topicTitle: (id: string) => (id === 'deep-learning' ? 'Deep Learning' : undefined), entryTitle: (id: string) => (id === 'cross-entropy' ? 'Cross-entropy' : undefined) };
  const markdown = new MarkdownRenderer();

  it('shows the statement with math, the tests, and Start / Run / Reveal buttons', () => {
    const e = sampleExercise({ concepts: ['cross-entropy', 'gone'] });
    const html = exercisePageHtml(e, { status: 'notTried', started: false, practiced: false }, markdown, lookup);
    assert.match(html, /<h1 id="entry-title">Numerically stable softmax<\/h1>/);
    assert.match(html, /Deep Learning <span aria-hidden="true">›<\/span> ML Coding/);
    assert.match(html, /<math/);
    assert.match(html, /data-exercise-action="start"[^>]*>Start exercise</);
    assert.match(html, /data-exercise-action="run"/);
    assert.match(html, /data-exercise-action="reveal"/);
    assert.match(html, /<li>Stable for logits like \[1000, 1001\]<\/li>/);
    assert.match(html, /<a href="mlprep:cross-entropy">Cross-entropy<\/a>/);
    assert.doesNotMatch(html, /mlprep:gone/);
    assert.doesNotMatch(html, /<script>/, 'raw HTML in the statement is escaped');
    assert.match(html, /Not tried/);
  });

  it('says when an attempt exists, how it did, and that it is practiced', () => {
    const html = exercisePageHtml(sampleExercise(), { status: 'failing', last: { status: 'failing', at: 1, passed: 1, total: 2 }, started: true, practiced: true }, markdown, lookup);
    assert.match(html, />Open my attempt</);
    assert.match(html, /Failing \(1\/2 tests\)/);
    assert.match(html, /class="badge practiced"/);
  });

  it('accepts only the three exercise actions from the webview', () => {
    assert.ok(isWebviewMessage({ type: 'exercise', action: 'run', id: 'stable-softmax' }));
    assert.equal(isWebviewMessage({ type: 'exercise', action: 'eval', id: 'stable-softmax' }), false);
    assert.equal(isWebviewMessage({ type: 'exercise', action: 'start', id: '' }), false);
    assert.equal(isWebviewMessage({ type: 'exercise', action: 'start' }), false);
  });
});

describe('ML Coding tree grouping', () => {
  const topics = [
    { id: 'classic-ml', title: 'Classic ML' },
    { id: 'deep-learning', title: 'Deep Learning' },
  ] as never[];

  it('groups by topic in the catalog order, unknown topics last', () => {
    const a = sampleExercise({ id: 'a', topic: 'deep-learning' });
    const b = sampleExercise({ id: 'b', topic: 'classic-ml' });
    const c = sampleExercise({ id: 'c', topic: 'deep-learning' });
    const d = sampleExercise({ id: 'd', topic: 'robotics' });
    const groups = exercisesByTopic([a, b, c, d], topics);
    assert.deepEqual(
      groups.map((g) => [g.topicId, g.title, g.exercises.map((e) => e.id)]),
      [
        ['classic-ml', 'Classic ML', ['b']],
        ['deep-learning', 'Deep Learning', ['a', 'c']],
        ['robotics', 'robotics', ['d']],
      ],
    );
    assert.deepEqual(exercisesByTopic([], topics), []);
  });

  it('counts passing and practiced exercises', () => {
    const list = ['a', 'b', 'c'].map((id) => sampleExercise({ id }));
    const count = countExercises(list, { status: (id) => (id === 'a' ? 'passing' : id === 'b' ? 'failing' : 'notTried'), isPracticed: (id) => id !== 'c', isDue: (id) => id === 'b' });
    assert.deepEqual(count, { practiced: 2, passing: 1, due: 1, total: 3 });
  });
});

describe('ExerciseLibrary', () => {
  it('reads once, on first need', async () => {
    let reads = 0;
    const library = new ExerciseLibrary(async () => {
      reads++;
      return JSON.stringify({ schemaVersion: 1, exercises: [] });
    }, 'dist/exercises.json');
    assert.equal(library.current, undefined);
    assert.equal(reads, 0);
    await Promise.all([library.load(), library.load()]);
    assert.equal(reads, 1);
    assert.deepEqual(library.current, []);
    assert.equal(library.error, undefined);
  });

  it('turns a missing or damaged file into no exercises and an error naming the file', async () => {
    const missing = new ExerciseLibrary(() => Promise.reject(new Error('ENOENT: no such file')), '/ext/dist/exercises.json');
    assert.deepEqual(await missing.load(), []);
    assert.match(missing.error ?? '', /\/ext\/dist\/exercises\.json could not be read: ENOENT/);
    const damaged = new ExerciseLibrary(async () => '{"schemaVersion": 1', 'x.json');
    await damaged.load();
    assert.match(damaged.error ?? '', /x\.json could not be read: .*not valid JSON/);
  });
});
