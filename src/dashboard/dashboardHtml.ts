// The dashboard panel's <main> content: inline SVG charts, each with a table as its text
// equivalent. Pure string building (no vscode import); the CSP shell comes from panelHtml.
// No style attributes (the CSP blocks them) and no colours here: classes only, themed in
// media/dashboard.css with VS Code's theme variables.
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
    ['Practised', `${count(totals.practiced)} of ${count(totals.questions)} ${plural(totals.questions, 'question')}`],
    // Same count as the status bar and the tree: due by the end of today.
    ['Due today', count(data.forecast[0]?.count ?? totals.due)],
  ];
  return `<section class="totals" aria-label="Totals">
<dl>${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
</section>`;
}

// Topic chart: per topic a row with two horizontal bars, practised share and key-point coverage.
const T_WIDTH = 640;
const T_LABEL = 190;
const T_BAR = 330;
const T_BAR_H = 12;
const T_ROW = 2 * T_BAR_H + 14;

function topicsSection(topics: readonly Topic[]): string {
  const heading = sectionHeading('dash-topics', 'Topics');
  if (topics.length === 0) {
    return `<section class="chart-section">${heading}<p class="empty">No topics in the catalog.</p></section>`;
  }
  const height = topics.length * T_ROW + 4;
  const rows = topics.map((t, i) => {
    const y = i * T_ROW + 4;
    const share = ratio(t.practiced, t.total);
    const cov = clamp01(t.coverage);
    return [
      `<text class="chart-label" x="${T_LABEL - 8}" y="${y + T_BAR_H + 4}" text-anchor="end">${escapeHtml(truncate(t.title, 28))}</text>`,
      hBar(y, share, 'bar-practised', `${count(t.practiced)}/${count(t.total)} practised`),
      hBar(y + T_BAR_H + 2, cov, 'bar-coverage', t.reviewed > 0 ? `${percent(cov)} key points` : 'not reviewed'),
    ].join('');
  });
  const label =
    `Practised share and key-point coverage per topic. ` +
    topics
      .map((t) => `${t.title}: ${count(t.practiced)} of ${count(t.total)} practised, ${t.reviewed > 0 ? `${percent(clamp01(t.coverage))} key-point coverage` : 'not reviewed yet'}`)
      .join('; ') +
    '.';
  const table = dataTable(
    'Topics as a table',
    ['Topic', 'Practised', 'Reviewed', 'Key-point coverage'],
    topics.map((t) => [t.title, `${count(t.practiced)} of ${count(t.total)}`, count(t.reviewed), t.reviewed > 0 ? percent(clamp01(t.coverage)) : '—']),
  );
  return `<section class="chart-section" aria-labelledby="dash-topics">${heading}
${legend([
  ['bar-practised', 'Practised share'],
  ['bar-coverage', 'Key-point coverage at the latest review'],
])}
<figure class="chart chart-topics">
${svg(T_WIDTH, height, label, rows.join(''))}
${table}
</figure>
</section>`;
}

function hBar(y: number, value: number, cls: string, text: string): string {
  const w = value * T_BAR;
  return (
    `<rect class="track" x="${T_LABEL}" y="${y}" width="${T_BAR}" height="${T_BAR_H}"/>` +
    (w > 0 ? `<rect class="bar ${cls}" x="${T_LABEL}" y="${y}" width="${fmt(w)}" height="${T_BAR_H}"/>` : '') +
    `<text class="chart-value" x="${T_LABEL + T_BAR + 6}" y="${y + T_BAR_H - 2}">${escapeHtml(text)}</text>`
  );
}

// Column charts: reviews per day and the due forecast share this layout.
const C_HEIGHT = 140;
const C_TOP = 16;
const C_BOTTOM = 22;

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
  const chart = columns(days, 10, 'bar-reviews', [
    { index: 0, text: first },
    { index: days.length - 1, text: last },
  ]);
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
${svg(chart.width, C_HEIGHT, label, chart.body)}
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
  const chart = columns(
    days,
    60,
    'bar-due',
    days.map((_, i) => ({ index: i, text: names[i] })),
    true,
  );
  const table = dataTable(
    'Forecast as a table',
    ['Day', 'Date', 'Due'],
    days.map((d, i) => [names[i], d.day, count(d.count)]),
    'Today includes overdue cards.',
  );
  return `<section class="chart-section" aria-labelledby="dash-forecast">${heading}
<figure class="chart chart-forecast">
${svg(chart.width, C_HEIGHT, label, chart.body)}
${table}
</figure>
</section>`;
}

/** Vertical bars on a baseline, scaled to the largest value; labels under chosen columns. */
function columns(
  days: readonly DayCount[],
  slot: number,
  cls: string,
  labels: readonly { index: number; text: string }[],
  valueLabels = false,
): { width: number; body: string } {
  const width = days.length * slot;
  const base = C_HEIGHT - C_BOTTOM;
  const plot = base - C_TOP;
  const peak = Math.max(1, ...days.map((d) => safeCount(d.count)));
  const gap = Math.max(1, slot * 0.2);
  const parts: string[] = [];
  days.forEach((d, i) => {
    const n = safeCount(d.count);
    const h = (n / peak) * plot;
    const x = i * slot + gap / 2;
    if (h > 0) {
      parts.push(`<rect class="bar ${cls}" x="${fmt(x)}" y="${fmt(base - h)}" width="${fmt(slot - gap)}" height="${fmt(h)}"/>`);
    }
    if (valueLabels) {
      parts.push(`<text class="chart-value" x="${fmt(i * slot + slot / 2)}" y="${fmt(base - h - 4)}" text-anchor="middle">${count(n)}</text>`);
    }
  });
  parts.push(`<line class="axis" x1="0" y1="${base}" x2="${width}" y2="${base}"/>`);
  if (!valueLabels) {
    // The scale: the peak as a label at the top left.
    parts.push(`<text class="chart-value" x="2" y="${C_TOP - 4}">max ${count(peak)}</text>`);
  }
  for (const { index, text } of labels) {
    const anchor = labels.length > 2 ? 'middle' : index === 0 ? 'start' : 'end';
    const x = anchor === 'middle' ? index * slot + slot / 2 : anchor === 'start' ? 0 : width;
    parts.push(`<text class="chart-label" x="${fmt(x)}" y="${C_HEIGHT - 6}" text-anchor="${anchor}">${escapeHtml(text)}</text>`);
  }
  return { width, body: parts.join('') };
}

function weakestSection(data: DashboardData): string {
  const questions =
    data.weakestQuestions.length === 0
      ? '<p class="empty">Nothing weak so far: review some questions and this fills in.</p>'
      : `<ol class="weakest">${data.weakestQuestions
          .map(
            (q) =>
              `<li><a href="mlprep:${escapeHtml(q.id)}">${escapeHtml(q.title)}</a> <span class="score">weakness ${percent(clamp01(q.score))}</span>` +
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

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg class="chart-svg" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
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
const truncate = (s: string, max: number): string => {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
};
