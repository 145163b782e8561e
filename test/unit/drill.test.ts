import * as assert from 'node:assert/strict';
import { doneView, formatDuration, questionView, revealedView, type DrillStep } from '../../src/drill/drillHtml';
import { questionsFor } from '../../src/drill/practiceScope';
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
    const html = revealedView(step(), '<p>model</p>', ['<em>one</em>', 'two'], '<p>mine</p>', 95_000);
    assert.equal((html.match(/data-action="grade"/g) ?? []).length, 4);
    for (const label of ['Again', 'Hard', 'Good', 'Easy']) {
      assert.ok(html.includes(`${label} <kbd>`), label);
    }
    assert.ok(html.includes('data-key-point="1"'));
    assert.ok(html.includes('Time to answer: 1:35'));
    assert.ok(html.includes('<p>mine</p>'));
    const bare = revealedView(step(), '<p>model</p>', [], undefined, 0);
    assert.ok(!bare.includes('key-points-check'));
    assert.ok(!bare.includes('Your answer'));
    assert.ok(!bare.includes('<script>'));
  });

  it('the done view counts each grade and the skips', () => {
    assert.ok(doneView([3, 3, 1], 2).includes('3 graded (Again: 1, Hard: 0, Good: 2, Easy: 0), 2 skipped.'));
    assert.ok(doneView([], 0).includes('0 graded (Again: 0, Hard: 0, Good: 0, Easy: 0).'));
  });

  it('formats durations as m:ss, never negative', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(59_600), '1:00');
    assert.equal(formatDuration(754_000), '12:34');
    assert.equal(formatDuration(-5), '0:00');
  });
});
