import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, DashboardData } from '../../src/dashboard/dashboard';
import { dashboardHtml, weakestTopic } from '../../src/dashboard/dashboardHtml';
import { shippedCatalog } from './helpers';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror="pwn()">&amp;';

function days(n: number, first: string, counts: (i: number) => number): { day: string; count: number }[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count: counts(i) }));
}

function sample(): DashboardData {
  return {
    topics: [
      { id: 't1', title: 'Classical ML', practiced: 3, total: 12, coverage: 0.5, reviewed: 4 },
      { id: 't2', title: HOSTILE, practiced: 0, total: 5, coverage: 0, reviewed: 0 },
    ],
    reviewsPerDay: days(90, '2023-12-17', (i) => (i === 89 ? 4 : i === 10 ? 2 : 0)),
    streak: 3,
    forecast: days(7, '2024-03-15', (i) => (i === 0 ? 6 : i === 2 ? 1 : 0)),
    weakestQuestions: [
      { id: 'bias-variance', title: 'Bias and variance?', score: 0.8, reason: 'Again or Hard in 2 of 2 reviews' },
      { id: 'x"y<z', title: HOSTILE, score: 0.5, reason: HOSTILE },
    ],
    weakestConcepts: [{ id: 'kv-cache', title: `KV ${HOSTILE}`, score: 0.6, questions: 2 }],
    totals: { reviews: 6, practiced: 3, questions: 17, due: 5 },
  };
}

/** The contents of every <figure>: one per chart. */
const figures = (html: string): string[] => [...html.matchAll(/<figure\b[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => m[1]);

function assertInert(html: string): void {
  // Attribute values are escaped text (an aria-label may quote a hostile title): only the
  // attribute names of real tags matter, so blank the quoted values out first.
  const tags = html.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(html, /<script\b/i, 'no script element');
  assert.doesNotMatch(tags, /<[a-z][^>]*\sstyle\s*=/i, 'no style attributes: the CSP blocks them');
  assert.doesNotMatch(html, /<style\b/i, 'no style element');
  assert.doesNotMatch(tags, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /<img\b/i, 'no raw images');
  assert.doesNotMatch(html, /NaN|undefined|Infinity/, 'no broken numbers or missing values');
}

describe('dashboard HTML', () => {
  it('draws three charts, each an image with a label and a table as its text equivalent', () => {
    const html = dashboardHtml(sample());
    const charts = figures(html);
    assert.equal(charts.length, 3, 'topics, reviews per day, forecast');
    for (const chart of charts) {
      const images = [...chart.matchAll(/<[a-z]+\b[^>]*\srole="img"[^>]*>/g)].map((m) => m[0]);
      assert.equal(images.length, 1);
      assert.match(images[0], /\saria-label="[^"]{20,}"/);
      // Legible at any width: no text inside SVG (it would scale with the viewBox), and every SVG a stretched, hidden drawing.
      assert.doesNotMatch(chart, /<text\b/);
      for (const tag of chart.matchAll(/<svg\b[^>]*>/g)) {
        assert.match(tag[0], /aria-hidden="true"/);
        assert.match(tag[0], /preserveAspectRatio="none"/);
        assert.doesNotMatch(tag[0], /\s(width|height)=/, 'sized by CSS only');
      }
      assert.match(chart, /<details class="text-equivalent"><summary>[^<]+<\/summary>\s*<table>[\s\S]*<\/table>\s*<\/details>/);
    }
  });

  it('puts the numbers into the labels and tables', () => {
    const html = dashboardHtml(sample());
    const [topics, reviews, forecast] = figures(html);
    assert.match(topics, /aria-label="[^"]*Classical ML: 3 of 12 practiced, 50% key-point coverage/);
    assert.match(topics, /<th scope="row">Classical ML<\/th><td>3 of 12<\/td><td>4<\/td><td>50%<\/td>/);
    assert.match(topics, /<td>0 of 5<\/td><td>0<\/td><td>—<\/td>/, 'an unreviewed topic shows no coverage, not 0%');
    assert.match(reviews, /aria-label="Reviews per day from 2023-12-17 to 2024-03-15: 6 reviews on 2 of 90 days, at most 4 on one day\."/);
    assert.match(reviews, /<th scope="row">2023-12-27<\/th><td>2<\/td>/);
    assert.match(reviews, /<th scope="row">2024-03-15<\/th><td>4<\/td>/);
    assert.equal([...reviews.matchAll(/<tr>/g)].length, 3, 'the header and the two days with reviews');
    assert.equal([...reviews.matchAll(/class="bar bar-reviews"/g)].length, 2, 'one bar per day with reviews');
    assert.match(forecast, /aria-label="[^"]*Today 2024-03-15: 6, Sat 2024-03-16: 0, Sun 2024-03-17: 1/);
    assert.match(forecast, /<th scope="row">Today<\/th><td>2024-03-15<\/td><td>6<\/td>/);
    assert.match(html, /<dt>Streak<\/dt><dd>3 days<\/dd>/);
    assert.match(html, /<dt>Practiced<\/dt><dd>3 of 17 questions<\/dd>/);
    assert.doesNotMatch(html, /practis/i, 'US spelling throughout');
    // Due today: overdue plus due later today, as in the status bar (totals.due counts only overdue).
    assert.match(html, /<dt>Due today<\/dt><dd>6<\/dd>/);
    assert.match(html, /<dt>Reviews<\/dt><dd>6<\/dd>/);
  });

  it('scales bars to their values', () => {
    const [topics, reviews] = figures(dashboardHtml(sample()));
    // Practiced 3 of 12 on a 100-unit track; coverage 50%.
    assert.match(topics, /<rect class="bar bar-practiced" width="25"/);
    assert.match(topics, /<rect class="bar bar-coverage" width="50"/);
    assert.match(topics, /<span class="chart-value">3\/12 practiced<\/span>/, 'the value is HTML text');
    // The busiest day fills the plot height, a day with half as many reviews half of it.
    const heights = [...reviews.matchAll(/class="bar bar-reviews"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(heights, [50, 100]);
    assert.match(reviews, /<span class="chart-value column-scale">max 4<\/span>/);
  });

  it('links the weakest questions and concepts with mlprep: ids', () => {
    const html = dashboardHtml(sample());
    assert.match(html, /<a href="mlprep:bias-variance">Bias and variance\?<\/a> <span class="score">weakness 80%<\/span> <button [^>]*data-action="open" data-id="bias-variance"[^>]*>Open<\/button><div class="reason">Again or Hard in 2 of 2 reviews<\/div>/);
    assert.ok(html.includes('<a href="mlprep:x&quot;y&lt;z">'), 'ids are escaped inside the attribute');
    assert.match(html, /<a href="mlprep:kv-cache">KV [^<]*<\/a> <span class="score">weakness 60%<\/span><div class="reason">from 2 reviewed questions<\/div>/);
  });

  it('offers actions from the numbers: review what is due, drill the weakest topic', () => {
    const html = dashboardHtml(sample());
    assert.match(html, /<button type="button" data-action="startReview">Review 6 due<\/button>/);
    assert.match(html, /data-action="drillTopic" data-id="t1">Drill weakest topic: Classical ML<\/button>/);
    const nothing = dashboardHtml({ ...sample(), forecast: days(7, '2024-03-15', () => 0), topics: sample().topics.map((t) => ({ ...t, reviewed: 0 })) });
    assert.doesNotMatch(nothing, /data-action="(startReview|drillTopic)"/, 'no action when nothing is due or reviewed');
  });

  it('the weakest topic is the reviewed one with the lowest coverage', () => {
    const t = (id: string, coverage: number, reviewed: number, practiced = 1) => ({ id, title: id, practiced, total: 4, coverage, reviewed });
    assert.equal(weakestTopic([t('a', 0.9, 2), t('b', 0.2, 1), t('c', 0, 0)])?.id, 'b');
    assert.equal(weakestTopic([t('a', 0.5, 2, 3), t('b', 0.5, 2, 1)])?.id, 'b', 'ties: the lower practiced share');
    assert.equal(weakestTopic([t('c', 0, 0)]), undefined);
  });

  it('escapes hostile titles and reasons everywhere, in text, tables and aria-labels', () => {
    const html = dashboardHtml(sample());
    assertInert(html);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;pwn()&quot;&gt;&amp;amp;'));
    assert.ok(html.includes('data-id="x&quot;y&lt;z"'), 'ids are escaped in the Open button');
  });

  it('renders empty data with explanations instead of charts of nothing', () => {
    const data = aggregate(shippedCatalog(), () => false, { cards: {}, log: [], due: [] }, Date.UTC(2024, 2, 15, 10), 0);
    const html = dashboardHtml(data);
    assertInert(html);
    assert.equal(figures(html).length, 3);
    assert.match(html, /no reviews in these 90 days/);
    assert.match(html, /<details class="text-equivalent"><summary>Reviews per day as a table<\/summary><p>No reviews from 2023-12-17 to 2024-03-15\.<\/p><\/details>/);
    assert.match(html, /<dt>Streak<\/dt><dd>No streak yet<\/dd>/);
    assert.match(html, /Nothing weak so far/);
    assert.match(html, /No weak concepts so far/);
    assert.doesNotMatch(figures(html).join(''), /class="bar bar-(reviews|due|practiced|coverage)"/, 'no bars at all');
    assert.equal([...html.matchAll(/<th scope="row">/g)].length, data.topics.length + 7, 'a row per topic and per forecast day');
  });

  it('survives numbers that make no sense without printing them', () => {
    const data = sample();
    data.topics[0] = { ...data.topics[0], practiced: Number.NaN, total: 0, coverage: Number.POSITIVE_INFINITY };
    data.reviewsPerDay[5] = { ...data.reviewsPerDay[5], count: -3 };
    data.forecast[1] = { ...data.forecast[1], count: Number.NaN };
    data.weakestQuestions[0] = { ...data.weakestQuestions[0], score: 7 };
    data.streak = Number.NaN;
    const html = dashboardHtml(data);
    assertInert(html);
    assert.match(html, /weakness 100%/);
    assert.match(html, /<dd>No streak yet<\/dd>/);
    const noDays = dashboardHtml({ ...sample(), reviewsPerDay: [], forecast: [], topics: [] });
    assertInert(noDays);
    assert.equal(figures(noDays).length, 0);
  });

  it('only uses classes that media/dashboard.css styles with theme variables', () => {
    const css = readFileSync(join(__dirname, '..', '..', 'media', 'dashboard.css'), 'utf8');
    const html = dashboardHtml(sample());
    for (const cls of ['bar-practiced', 'bar-coverage', 'bar-reviews', 'bar-due', 'track', 'axis']) {
      assert.ok(html.includes(cls), `${cls} is used`);
      assert.match(css, new RegExp(`\\.${cls}\\s*\\{[^}]*var\\(--vscode-`), `${cls} is themed`);
    }
    assert.match(css, /--vscode-contrastBorder/, 'marks get borders in high contrast');
    assert.match(css, /\.chart-label, \.chart-value \{[^}]*font-size: var\(--vscode-font-size\)/, 'chart text at the UI font size');
    assert.match(css, /\.chart-label \{[^}]*var\(--vscode-/);
    assert.match(css, /\.chart-value \{[^}]*var\(--vscode-/);
    assert.doesNotMatch(css.replace(/\/\*[\s\S]*?\*\//g, ''), /#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i, 'no hard-coded colours');
  });
});
