import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FileBackupRing } from '../../src/study/backups';

describe('backup ring', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mlprep-backups-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the last five timestamped copies, never one slot that a reset overwrites', async () => {
    let now = Date.UTC(2025, 2, 1);
    const ring = new FileBackupRing(join(dir, 'backups'), () => now);
    const saved: string[] = [];
    for (let i = 0; i < 7; i++) {
      saved.push(await ring.save(i % 2 ? 'before-reset' : 'unreadable', { i }));
      now += 1000;
    }
    const files = await ring.list();
    assert.equal(files.length, 5);
    assert.deepEqual(files, saved.slice(2), 'the two oldest went');
    assert.deepEqual(JSON.parse(readFileSync(files[4], 'utf8')), { i: 6 });
    assert.match(basename(files[0]), /^study-2025-03-01T00-00-02-000Z-002-unreadable\.json$/);
    assert.deepEqual(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.tmp')), [], 'written through a temp file, renamed');
  });

  it('keeps two backups of the same millisecond apart', async () => {
    const ring = new FileBackupRing(dir, () => 0);
    const a = await ring.save('x', 1);
    const b = await ring.save('x', 2);
    assert.notEqual(a, b);
    assert.equal((await ring.list()).length, 2);
  });
});
