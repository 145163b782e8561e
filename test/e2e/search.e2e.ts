// Search as a user types it: the order on screen is the ranker's, body words open their section,
// and junk gets an honest "No match".
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog } from '../../src/catalog/catalog';
import { bodiesFrom } from '../../src/catalog/loadCatalog';
import { SearchEngine } from '../../src/search/searchEngine';
import { defaultVsix, REPO_ROOT, runCommand, startSession, step, waitFor, type Session } from './harness';
import { answerFrame, builtCatalog, quickPickLabels, quickPickRow, treeRow } from './scenarios';

function shippedEngine(): SearchEngine {
  const dist = path.join(REPO_ROOT, 'dist');
  const catalog = new Catalog(builtCatalog(), bodiesFrom(path.join(dist, 'bodies')));
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dist, f), 'utf8'));
  return new SearchEngine(catalog, { heads: read('search-heads.json'), sections: read('search-sections.json') });
}

describe('search everything', function () {
  let s: Session;
  let engine: SearchEngine;

  before(async function () {
    engine = shippedEngine();
    s = await startSession({ vsix: defaultVsix() });
  });

  after(async function () {
    await s?.stop();
  });

  async function typeQuery(query: string): Promise<void> {
    await runCommand(s.page, 'ML Prep: Search Everything');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await step('the search box', () => waitFor(async () => (await input.getAttribute('placeholder'))?.startsWith('Search questions')));
    await input.pressSequentially(query);
  }

  it('shows results in the ranker\'s order, not VS Code\'s label sort ("norm")', async function () {
    const expected = engine.search('norm', 30).map((h) => h.title);
    // VS Code would put labels containing "norm" first, in its own order; the ranker differs.
    const labelSorted = [...expected].sort((a, b) => Number(b.toLowerCase().includes('norm')) - Number(a.toLowerCase().includes('norm')));
    assert.notDeepEqual(labelSorted.slice(0, 8), expected.slice(0, 8), 'the query must be one where the two orders differ');
    await typeQuery('norm');
    await step('the rows in the ranker\'s order', () =>
      waitFor(async () => {
        const shown = await quickPickLabels(s.page);
        return shown.length >= 5 && shown.slice(0, 5).every((label, i) => label === expected[i]);
      }),
    );
    await s.screenshot('search-ranked-order');
    await s.page.keyboard.press('Escape');
  });

  it('finds a phrase that lives only in an answer and opens that section', async function () {
    const [hit] = engine.search('constant error carousel', 5);
    assert.ok(hit && hit.anchor, 'the phrase is in a section of an answer');
    await typeQuery('constant error carousel');
    const row = quickPickRow(s.page, hit.title);
    await step('the answer, with the matched words in context', () => row.waitFor());
    assert.match((await row.textContent()) ?? '', /constant error carousel/i);
    await s.page.keyboard.press('Enter');
    const frame = await answerFrame(s.page, hit.title);
    await step('the panel scrolled to the matching section', () =>
      waitFor(() =>
        frame.evaluate((anchor) => {
          const el = document.getElementById(`s-${anchor}`);
          if (!el) {
            return false;
          }
          const top = el.getBoundingClientRect().top;
          return el.classList.contains('search-target') && top >= -2 && top < window.innerHeight / 2;
        }, hit.anchor),
      ),
    );
  });

  it('answers a junk query with an honest "No match" and an offer to write a note', async function () {
    await typeQuery('pizza recipe');
    await step('"No match for" as the only result', () => quickPickRow(s.page, 'No match for "pizza recipe"').waitFor());
    await quickPickRow(s.page, 'Create a note titled "pizza recipe"').waitFor();
    const labels = await quickPickLabels(s.page);
    assert.equal(labels.length, 2, labels.join(' | '));
    await s.page.keyboard.press('Escape');
  });

  it('reveals what it opened in the Topics view, when the view is showing', async function () {
    const [hit] = engine.search('kv cache', 5);
    assert.ok(hit, 'a hit for "kv cache"');
    await runCommand(s.page, 'ML Interview Prep: Focus on Topics View');
    await typeQuery('kv cache');
    await step('the first result', () => quickPickRow(s.page, hit.title).waitFor());
    await s.page.keyboard.press('Enter');
    await answerFrame(s.page, hit.title);
    await step(`"${hit.title}" selected in the tree`, () => waitFor(async () => (await treeRow(s.page, hit.title).getAttribute('aria-selected')) === 'true'));
  });
});
