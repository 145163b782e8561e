// The labelled query set and its measures, shared by the unit test and npm run bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchEngine } from '../../src/search/searchEngine';

export interface LabelledQuery {
  readonly query: string;
  readonly group: string;
  readonly expect: readonly string[];
}

export interface GroupQuality {
  readonly group: string;
  readonly queries: number;
  readonly hit1: number;
  readonly hit5: number;
  readonly mrr: number;
  readonly misses: string[];
}

export function loadQueries(): LabelledQuery[] {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', 'search-queries.json'), 'utf8')) as LabelledQuery[];
}

export function evaluate(engine: SearchEngine, queries: readonly LabelledQuery[]): GroupQuality[] {
  const groups = [...new Set(queries.map((q) => q.group))];
  return groups.map((group) => {
    const list = queries.filter((q) => q.group === group);
    let hit1 = 0;
    let hit5 = 0;
    let rr = 0;
    const misses: string[] = [];
    for (const q of list) {
      const ids = engine.search(q.query, 10).map((h) => h.id);
      if (q.expect.length === 0) {
        // Junk: a hit is showing nothing.
        if (ids.length === 0) {
          hit1++;
          hit5++;
          rr++;
        } else {
          misses.push(`${q.query} -> ${ids.slice(0, 3).join(', ')}`);
        }
        continue;
      }
      const rank = ids.findIndex((id) => q.expect.includes(id));
      hit1 += rank === 0 ? 1 : 0;
      hit5 += rank >= 0 && rank < 5 ? 1 : 0;
      rr += rank >= 0 ? 1 / (rank + 1) : 0;
      if (rank !== 0) {
        misses.push(`${q.query} -> ${ids.slice(0, 3).join(', ') || '(nothing)'} (want ${q.expect.join(' | ')})`);
      }
    }
    return { group, queries: list.length, hit1: hit1 / list.length, hit5: hit5 / list.length, mrr: rr / list.length, misses };
  });
}

