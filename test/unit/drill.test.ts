import * as assert from 'node:assert/strict';
import { doneView, formatDuration, questionView, revealedView, type DrillStep } from '../../src/drill/drillHtml';
import { dueExercises, questionsFor } from '../../src/drill/practiceScope';
import { shippedCatalog } from './helpers';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror="pwn()">';

describe('questionsFor', () => {
  const catalog = shippedCatalog();
  const all = catalog.questions.map((q) => q.id);
  const never = (): boolean => false;

  it('a topic drills exactly that topic’s questions', () => {
    const topic = catalog.questions[0].topic;
    const ids = questionsFor({ kind: 'topic', id: topic }, catalog, never, []);
    assert.ok(ids.length > 0);
    assert.deepEqual(ids, all.filter((id) => catalog.question(id)?.topic === topic));
  });

  it('a path keeps its order; an unknown path drills nothing', () => {
    const path = catalog.paths[0];
    assert.deepEqual(questionsFor({ kind: 'path', id: path.id }, catalog, never, []), catalog.pathQuestionIds(path));
    assert.deepEqual(questionsFor({ kind: 'path', id: 'no-such-path' }, catalog, never, []), []);
  });

  it('the due drill asks due questions only; due coding exercises are listed apart, most overdue first', () => {
    const exercises = [{ id: 'x-softmax', title: 'Softmax' }, { id: 'x-attention', title: 'Attention' }, { id: 'x-not-due', title: 'Not due' }];
    const due = ['x-attention', all[1], 'gone', 'x-softmax'];
    assert.deepEqual(questionsFor({ kind: 'due' }, catalog, never, due), [all[1]], 'the drill cannot grade code');
    assert.deepEqual(
      dueExercises(due, exercises).map((e) => e.id),
      ['x-attention', 'x-softmax'],
    );
    assert.deepEqual(dueExercises(due, []), [], 'none before the exercises are read');
    assert.deepEqual(dueExercises([all[1]], exercises), []);
  });

  it('due and given questions drop ids the catalog no longer has, keeping order', () => {
    const due = [all[2], 'gone', all[0]];
    assert.deepEqual(questionsFor({ kind: 'due' }, catalog, never, due), [all[2], all[0]]);
    assert.deepEqual(questionsFor({ kind: 'questions', ids: due }, catalog, never, []), [all[2], all[0]]);
  });

  it('unpracticed leaves out the practiced ones', () => {
    const practiced = new Set(all.slice(0, 3));
    assert.deepEqual(questionsFor({ kind: 'unpracticed' }, catalog, (id) => practiced.has(id), []), all.slice(3));
  });

  it('random draws the asked number of distinct questions, reproducibly for one random source', () => {
    let seed = 1;
    const rng = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const ids = questionsFor({ kind: 'random', size: 5 }, catalog, never, [], rng);
    assert.equal(ids.length, 5);
    assert.equal(new Set(ids).size, 5);
    assert.ok(ids.every((id) => catalog.question(id)));
    seed = 1;
    assert.deepEqual(questionsFor({ kind: 'random', size: 5 }, catalog, never, [], rng), ids);
    assert.equal(questionsFor({ kind: 'random', size: all.length + 10 }, catalog, never, []).length, all.length);
  });
});

const INTERVALS = { 1: 10 * 60_000, 2: 86_400_000, 3: 4 * 86_400_000, 4: 12 * 86_400_000 } as const;

describe('drillHtml', () => {
  const catalog = shippedCatalog();
  const step = (): DrillStep => ({ question: { ...catalog.questions[0], id: 'a"b', title: HOSTILE }, topicTitle: HOSTILE, position: '2 of 10', step: 7 });

  it('the question view escapes titles and names its step for the webview', () => {
    const html = questionView(step(), false);
    assert.ok(!html.includes('<script>'), html);
    assert.ok(!html.includes('<img'), html);
    assert.ok(html.includes('data-question-id="a&quot;b" data-step="7"'), html);
    assert.ok(html.includes('2 of 10'));
    assert.ok(html.includes('>My answer</button>'));
    assert.ok(questionView(step(), true).includes('>Open my answer</button>'));
  });

  it('the revealed view offers four labeled grades, the key-point checklist and the note when there is one', () => {
    const html = revealedView(step(), '<p>model</p>', ['<em>one</em>', 'two'], '<p>mine</p>', 95_000, INTERVALS);
    assert.equal((html.match(/data-action="grade"/g) ?? []).length, 4);
    for (const label of ['Again', 'Hard', 'Good', 'Easy']) {
      assert.ok(html.includes(`${label} · `), label);
    }
    assert.ok(html.includes('>Good · 4d <kbd>3</kbd></button>'), html);
    assert.ok(html.includes('aria-label="Good: next review in 4 days, key 3"'), html);
    assert.ok(html.includes('aria-label="Again: next review in 10 minutes, key 1"'), html);
    assert.ok(html.includes('<h2 id="model-answer" tabindex="-1" data-focus>'), 'the answer heading takes the focus after Reveal');
    assert.ok(html.includes('data-key-point="1"'));
    assert.ok(html.includes('Time to answer: 1:35'));
    assert.ok(html.includes('<p>mine</p>'));
    const bare = revealedView(step(), '<p>model</p>', [], undefined, 0, INTERVALS);
    assert.ok(!bare.includes('key-points-check'));
    assert.ok(!bare.includes('Your answer'));
    assert.ok(!bare.includes('<script>'));
  });

  it('the done view counts each grade, the skips and the time, lists weak key points and offers to drill them', () => {
    const html = doneView({
      counts: { 1: 1, 2: 0, 3: 2, 4: 0 },
      skipped: 2,
      durationMs: 125_000,
      weakPoints: [{ questionTitle: HOSTILE, keyPointsHtml: ['<em>bias</em>', 'variance'] }],
      weakCount: 1,
      step: 9,
    });
    assert.ok(html.includes('3 graded, 2 skipped in 2:05.'), html);
    assert.ok(html.includes('<th scope="row">Again</th><td>1</td>'));
    assert.ok(html.includes('<th scope="row">Good</th><td>2</td>'));
    assert.ok(html.includes('<ul class="weak-points"><li><em>bias</em></li><li>variance</li></ul>'), html);
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('data-action="drillWeak">Review weak ones again (1)</button>'));
    assert.ok(!html.includes('data-action="undo"'));
    const calm = doneView({ counts: { 1: 0, 2: 0, 3: 1, 4: 0 }, skipped: 0, durationMs: 0, weakPoints: [], weakCount: 0, step: 1, undoLabel: 'Good for “x”' });
    assert.ok(!calm.includes('drillWeak'));
    assert.ok(!calm.includes('Weakest key points'));
    assert.ok(calm.includes('data-action="undo"'));
    assert.ok(calm.includes('data-step="1"'));
  });

  it('the question view offers Undo only when there is a grade to take back', () => {
    assert.ok(!questionView(step(), false).includes('data-action="undo"'));
    const html = questionView(step(), false, 'Hard for “<b>”');
    assert.ok(html.includes('data-action="undo"'));
    assert.ok(html.includes('Last: Hard for “&lt;b&gt;”'));
  });

  it('formats durations as m:ss, never negative', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(59_600), '1:00');
    assert.equal(formatDuration(754_000), '12:34');
    assert.equal(formatDuration(-5), '0:00');
  });
});
