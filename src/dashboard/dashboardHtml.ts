// The dashboard panel's <main> content: charts, each with a table as its text equivalent, and
// buttons that act on the numbers. Pure string building (no vscode import); the CSP shell comes
// from panelHtml. No style attributes (the CSP blocks them) and no colours here: classes only,
// themed in media/dashboard.css with VS Code's theme variables.
// Every word of a chart is HTML text at the UI font size; SVG draws only the bars, stretched to
// the width (preserveAspectRatio="none"), so no label shrinks with the chart.
import { escapeHtml } from '../util/html';
import type { DashboardData } from './dashboard';

type Topic = DashboardData['topics'][number];
type DayCount = { day: string; count: number };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function dashboardHtml(data: DashboardData): string {
  return [
    `<header class="entry-header dashboard-header">
<p class="breadcrumb">ML Interview Prep <span aria-hidden="true">›</span> Practice</p>
<h1 id="entry-title">Progress dashboard</h1>
</header>`,
    totalsSection(data),
    actionsSection(data),
    topicsSection(data.topics),
    reviewsSection(data.reviewsPerDay),
    forecastSection(data.forecast),
    weakestSection(data),
  ].join('\n');
}

function totalsSection(data: DashboardData): string {
  const { totals, streak } = data;
  const items: [string, string][] = [
    ['Streak', streak > 0 ? `${count(streak)} ${plural(streak, 'day')}` : 'No streak yet'],
    ['Reviews', count(totals.reviews)],
    ['Practiced', `${count(totals.practiced)} of ${count(totals.questions)} ${plural(totals.questions, 'question')}`],
    // Same count as the status bar and the tree: due by the end of today.
    ['Due today', count(data.forecast[0]?.count ?? totals.due)],
  ];
  return `<section class="totals" aria-label="Totals">
<dl>${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
</section>`;
}

/** "Review N due" and "Drill weakest topic", when there is something to do. */
function actionsSection(data: DashboardData): string {
  const due = safeCount(data.forecast[0]?.count ?? data.totals.due);
  const weakest = weakestTopic(data.topics);
  const buttons = [
    due > 0 ? `<button type="button" data-action="startReview">Review ${count(due)} due</button>` : '',
    weakest
      ? `<button type="button" class="${due > 0 ? 'secondary' : ''}" data-action="drillTopic" data-id="${escapeHtml(weakest.id)}">Drill weakest topic: ${escapeHtml(weakest.title)}</button>`
      : '',
  ].filter((b) => b !== '');
  if (buttons.length === 0) {
    return '';
  }
  return `<section class="next-steps" aria-label="Next steps"><div class="actions">${buttons.join('')}</div></section>`;
}

/** The reviewed topic with the lowest key-point coverage (then the lowest practiced share); none before any review. */
export function weakestTopic(topics: readonly Topic[]): Topic | undefined {
  return topics
    .filter((t) => safeCount(t.reviewed) > 0 && safeCount(t.total) > 0)
    .sort((a, b) => clamp01(a.coverage) - clamp01(b.coverage) || ratio(a.practiced, a.total) - ratio(b.practiced, b.total))[0];
}

// Topic chart: per topic a row with two horizontal bars, practiced share and key-point coverage.
function topicsSection(topics: readonly Topic[]): string {
  const heading = sectionHeading('dash-topics', 'Topics');
  if (topics.length === 0) {
    return `<section class="chart-section">${heading}<p class="empty">No topics in the catalog.</p></section>`;
  }
  const rows = topics.map((t) => {
    const share = ratio(t.practiced, t.total);
    const cov = clamp01(t.coverage);
    return `<div class="topic-row"><span class="chart-label topic-title">${escapeHtml(t.title)}</span>
${hBar(share, 'bar-practiced', `${count(t.practiced)}/${count(t.total)} practiced`)}
${hBar(cov, 'bar-coverage', t.reviewed > 0 ? `${percent(cov)} key points` : 'not reviewed')}</div>`;
  });
  const label =
    `Practiced share and key-point coverage per topic. ` +
    topics
      .map((t) => `${t.title}: ${count(t.practiced)} of ${count(t.total)} practiced, ${t.reviewed > 0 ? `${percent(clamp01(t.coverage))} key-point coverage` : 'not reviewed yet'}`)
      .join('; ') +
    '.';
  const table = dataTable(
    'Topics as a table',
    ['Topic', 'Practiced', 'Reviewed', 'Key-point coverage'],
    topics.map((t) => [t.title, `${count(t.practiced)} of ${count(t.total)}`, count(t.reviewed), t.reviewed > 0 ? percent(clamp01(t.coverage)) : '—']),
  );
  return `<section class="chart-section" aria-labelledby="dash-topics">${heading}
${legend([
  ['bar-practiced', 'Practiced share'],
  ['bar-coverage', 'Key-point coverage at the latest review'],
])}
<figure class="chart chart-topics">
${chartImage('topic-chart', label, rows.join(''))}
${table}
</figure>
</section>`;
}

/** A bar on a track (SVG stretched to its box, 100 units wide) and its value as text after it. */
function hBar(value: number, cls: string, text: string): string {
  const w = value * 100;
  return (
    `<span class="hbar"><svg class="hbar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">` +
    `<rect class="track" width="100" height="10"/>` +
    (w > 0 ? `<rect class="bar ${cls}" width="${fmt(w)}" height="10"/>` : '') +
    `</svg><span class="chart-value">${escapeHtml(text)}</span></span>`
  );
}

// Column charts: reviews per day and the due forecast share this layout; the plot is 100 units high.
const C_PLOT = 100;

function reviewsSection(days: readonly DayCount[]): string {
  const heading = sectionHeading('dash-reviews', 'Reviews per day');
  if (days.length === 0) {
    return `<section class="chart-section">${heading}<p class="empty">No days to show.</p></section>`;
  }
  const total = days.reduce((n, d) => n + safeCount(d.count), 0);
  const active = days.filter((d) => safeCount(d.count) > 0);
  const first = days[0].day;
  const last = days[days.length - 1].day;
  const peak = Math.max(0, ...days.map((d) => safeCount(d.count)));
  const label =
    total === 0
      ? `Reviews per day from ${first} to ${last}: no reviews in these ${days.length} days.`
      : `Reviews per day from ${first} to ${last}: ${count(total)} ${plural(total, 'review')} on ${active.length} of ${days.length} days, at most ${count(peak)} on one day.`;
  const chart = columns(days, 'bar-reviews', [first, last]);
  const table =
    active.length === 0
      ? `<details class="text-equivalent"><summary>Reviews per day as a table</summary><p>No reviews from ${escapeHtml(first)} to ${escapeHtml(last)}.</p></details>`
      : dataTable(
          'Reviews per day as a table',
          ['Day', 'Reviews'],
          active.map((d) => [d.day, count(d.count)]),
          `Days from ${first} to ${last} that are not listed had no reviews.`,
        );
  return `<section class="chart-section" aria-labelledby="dash-reviews">${heading}
<figure class="chart chart-reviews">
${chartImage('columns columns-reviews', label, chart)}
${table}
</figure>
</section>`;
}

function forecastSection(days: readonly DayCount[]): string {
  const heading = sectionHeading('dash-forecast', 'Due in the next 7 days');
  if (days.length === 0) {
    return `<section class="chart-section">${heading}<p class="empty">No days to show.</p></section>`;
  }
  const names = days.map((d, i) => (i === 0 ? 'Today' : weekday(d.day)));
  const label =
    `Cards due per day for ${days.length} days from today (overdue cards count today): ` +
    days.map((d, i) => `${names[i]} ${d.day}: ${count(d.count)}`).join(', ') +
    '.';
  const chart = labeledColumns(days, 'bar-due', names);
  const table = dataTable(
    'Forecast as a table',
    ['Day', 'Date', 'Due'],
    days.map((d, i) => [names[i], d.day, count(d.count)]),
    'Today includes overdue cards.',
  );
  return `<section class="chart-section" aria-labelledby="dash-forecast">${heading}
<figure class="chart chart-forecast">
${chartImage('columns columns-forecast', label, chart)}
${table}
</figure>
</section>`;
}

/** Vertical bars on a baseline scaled to the largest value, in one stretched SVG; the scale and the end dates as text. */
function columns(days: readonly DayCount[], cls: string, ends: readonly [string, string]): string {
  const slot = 10;
  const width = days.length * slot;
  const peak = Math.max(1, ...days.map((d) => safeCount(d.count)));
  const bars = days
    .map((d, i) => {
      const h = (safeCount(d.count) / peak) * C_PLOT;
      return h > 0 ? `<rect class="bar ${cls}" x="${fmt(i * slot + 1)}" y="${fmt(C_PLOT - h)}" width="${slot - 2}" height="${fmt(h)}"/>` : '';
    })
    .join('');
  return (
    `<span class="chart-value column-scale">max ${count(peak)}</span>` +
    `<svg class="columns-svg" viewBox="0 0 ${width} ${C_PLOT}" preserveAspectRatio="none" aria-hidden="true" focusable="false">${bars}` +
    `<line class="axis" x1="0" y1="${C_PLOT}" x2="${width}" y2="${C_PLOT}"/></svg>` +
    `<span class="column-ends"><span class="chart-label">${escapeHtml(ends[0])}</span><span class="chart-label">${escapeHtml(ends[1])}</span></span>`
  );
}

/** A few columns side by side, each with its value above and its name below, as text. */
function labeledColumns(days: readonly DayCount[], cls: string, names: readonly string[]): string {
  const peak = Math.max(1, ...days.map((d) => safeCount(d.count)));
  return days
    .map((d, i) => {
      const n = safeCount(d.count);
      const h = (n / peak) * C_PLOT;
      return (
        `<span class="column"><span class="chart-value">${count(n)}</span>` +
        `<svg class="column-svg" viewBox="0 0 10 ${C_PLOT}" preserveAspectRatio="none" aria-hidden="true" focusable="false">` +
        (h > 0 ? `<rect class="bar ${cls}" x="1" y="${fmt(C_PLOT - h)}" width="8" height="${fmt(h)}"/>` : '') +
        `<line class="axis" x1="0" y1="${C_PLOT}" x2="10" y2="${C_PLOT}"/></svg>` +
        `<span class="chart-label">${escapeHtml(names[i] ?? d.day)}</span></span>`
      );
    })
    .join('');
}

function weakestSection(data: DashboardData): string {
  const questions =
    data.weakestQuestions.length === 0
      ? '<p class="empty">Nothing weak so far: review some questions and this fills in.</p>'
      : `<ol class="weakest">${data.weakestQuestions
          .map(
            (q) =>
              `<li><a href="mlprep:${escapeHtml(q.id)}">${escapeHtml(q.title)}</a> <span class="score">weakness ${percent(clamp01(q.score))}</span>` +
              ` <button type="button" class="secondary small" data-action="open" data-id="${escapeHtml(q.id)}" aria-label="Open ${escapeHtml(q.title)}">Open</button>` +
              (q.reason ? `<div class="reason">${escapeHtml(q.reason)}</div>` : '') +
              '</li>',
          )
          .join('')}</ol>`;
  const concepts =
    data.weakestConcepts.length === 0
      ? '<p class="empty">No weak concepts so far.</p>'
      : `<ol class="weakest">${data.weakestConcepts
          .map(
            (c) =>
              `<li><a href="mlprep:${escapeHtml(c.id)}">${escapeHtml(c.title)}</a> <span class="score">weakness ${percent(clamp01(c.score))}</span>` +
              `<div class="reason">from ${count(c.questions)} reviewed ${plural(c.questions, 'question')}</div></li>`,
          )
          .join('')}</ol>`;
  return `<section class="weak-spots" aria-labelledby="dash-weak">
${sectionHeading('dash-weak', 'Weak spots')}
<div class="weak-columns">
<div><h3>Questions</h3>${questions}</div>
<div><h3>Concepts</h3>${concepts}</div>
</div>
</section>`;
}

/** The chart as one image for assistive technology: its label says every number; the table below repeats them. */
function chartImage(cls: string, label: string, body: string): string {
  return `<div class="${cls}" role="img" aria-label="${escapeHtml(label)}">${body}</div>`;
}

function legend(items: readonly [string, string][]): string {
  return `<ul class="legend">${items
    .map(([cls, text]) => `<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="bar ${cls}" width="10" height="10"/></svg>${escapeHtml(text)}</li>`)
    .join('')}</ul>`;
}

function dataTable(summary: string, headers: readonly string[], rows: readonly (readonly string[])[], note?: string): string {
  const head = `<tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('');
  return `<details class="text-equivalent"><summary>${escapeHtml(summary)}</summary>
<table>${note ? `<caption>${escapeHtml(note)}</caption>` : ''}<thead>${head}</thead><tbody>${body}</tbody></table>
</details>`;
}

function sectionHeading(id: string, text: string): string {
  return `<h2 id="${id}">${escapeHtml(text)}</h2>`;
}

function weekday(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : WEEKDAYS[date.getUTCDay()];
}

/** Never let a bad number reach an SVG attribute or the text. */
function safeCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
const count = (n: number): string => String(safeCount(n));
const ratio = (part: number, whole: number): number => (safeCount(whole) > 0 ? clamp01(safeCount(part) / safeCount(whole)) : 0);
const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const percent = (x: number): string => `${Math.round(x * 100)}%`;
const fmt = (x: number): string => String(Math.round(x * 100) / 100);
const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
