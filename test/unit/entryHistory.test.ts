import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntryHistory } from '../../src/panel/entryHistory';

describe('EntryHistory', () => {
  it('goes back and forward over visited entries, like a browser tab', () => {
    const h = new EntryHistory('a');
    h.visit('b');
    h.visit('c');
    assert.deepEqual(h.snapshot(), { back: ['a', 'b'], forward: [] });
    assert.equal(h.goBack(), 'b');
    assert.equal(h.goBack(), 'a');
    assert.equal(h.goBack(), undefined, 'nothing before the first entry');
    assert.equal(h.current, 'a');
    assert.equal(h.goForward(), 'b');
    assert.deepEqual(h.snapshot(), { back: ['a'], forward: ['c'] });
    assert.equal(h.previous, 'a');
    assert.equal(h.next, 'c');
  });

  it('drops what was ahead when a new entry is visited, and ignores a visit to the current one', () => {
    const h = new EntryHistory('a');
    h.visit('b');
    h.goBack();
    h.visit('a');
    assert.ok(h.canGoForward, 'visiting the entry already shown keeps forward');
    h.visit('c');
    assert.deepEqual(h.snapshot(), { back: ['a'], forward: [] });
    assert.ok(!h.canGoForward);
  });

  it('starts with the first entry shown and no history', () => {
    const h = new EntryHistory();
    h.visit('a');
    assert.deepEqual(h.snapshot(), { back: [], forward: [] });
    assert.ok(!h.canGoBack);
  });

  it('skips and forgets entries that no longer exist', () => {
    const h = new EntryHistory('a');
    h.visit('gone');
    h.visit('c');
    assert.equal(h.goBack((id) => id !== 'gone'), 'a');
    assert.deepEqual(h.snapshot(), { back: [], forward: ['c'] });
    const only = new EntryHistory('x');
    only.visit('y');
    assert.equal(only.goBack(() => false), undefined);
    assert.equal(only.current, 'y', 'no step when nothing behind exists');
  });

  it('keeps at most `limit` entries each side', () => {
    const h = new EntryHistory('e0', 3);
    for (let i = 1; i <= 10; i++) {
      h.visit(`e${i}`);
    }
    assert.deepEqual(h.snapshot().back, ['e7', 'e8', 'e9']);
  });

  it('restores a saved snapshot, dropping malformed parts', () => {
    const h = EntryHistory.restore('b', { back: ['a', 7, '', null], forward: ['c'] });
    assert.deepEqual(h.snapshot(), { back: ['a'], forward: ['c'] });
    assert.deepEqual(EntryHistory.restore('b', 'junk').snapshot(), { back: [], forward: [] });
    assert.deepEqual(EntryHistory.restore('b', { back: 'a' }).snapshot(), { back: [], forward: [] });
  });

  it('agrees with a list-and-cursor model for any sequence of visits, backs and forwards', () => {
    type Op = { op: 'visit'; id: string } | { op: 'back' } | { op: 'forward' };
    const op = fc.oneof(
      fc.record({ op: fc.constant('visit' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.constant({ op: 'back' } as const),
      fc.constant({ op: 'forward' } as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops: Op[]) => {
        const h = new EntryHistory('start', 1000);
        let list = ['start'];
        let at = 0;
        for (const o of ops) {
          if (o.op === 'visit') {
            h.visit(o.id);
            if (list[at] !== o.id) {
              list = [...list.slice(0, at + 1), o.id];
              at++;
            }
          } else if (o.op === 'back') {
            assert.equal(h.goBack(), at > 0 ? list[at - 1] : undefined);
            at = Math.max(0, at - 1);
          } else {
            assert.equal(h.goForward(), at < list.length - 1 ? list[at + 1] : undefined);
            at = Math.min(list.length - 1, at + 1);
          }
          assert.equal(h.current, list[at]);
          assert.deepEqual(h.snapshot(), { back: list.slice(0, at), forward: list.slice(at + 1) });
        }
      }),
    );
  });
});
