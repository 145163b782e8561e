import * as assert from 'node:assert/strict';
import {
  buildExport,
  EXPORT_FORMAT,
  ExportFile,
  MAX_IMPORT_CHARS,
  mergeNotes,
  mergePractice,
  mergeProgress,
  parseImport,
} from '../../src/practice/exportImport';
import { PracticeStore } from '../../src/practice/practiceStore';
import { reviewCard } from '../../src/practice/scheduler';
import { MAX_LOG_ENTRIES, PracticeState, ReviewEntry } from '../../src/practice/types';
import { ProgressState } from '../../src/progress/progressSchema';
import { ProgressStore } from '../../src/progress/progressStore';
import { MemoryMemento, shippedCatalog } from './helpers';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const NOW = T0 + 30 * DAY;

const ids = shippedCatalog().questions.map((q) => q.id);
const known = new Set(ids);
const [A, B, C] = ids;

/** An export made the way the extension makes one: through the stores. */
async function realExport(): Promise<ExportFile> {
  const clock = { now: T0 };
  const memento = new MemoryMemento();
  const progress = new ProgressStore(memento, () => clock.now);
  const practice = new PracticeStore(memento, progress, () => clock.now);
  await progress.load();
  await practice.load();
  await practice.record({ questionId: A, grade: 3, durationMs: 61_500, covered: [0, 1, 3], keyPointCount: 5 });
  clock.now += 2 * DAY;
  await practice.record({ questionId: A, grade: 1, durationMs: 5000, covered: [], keyPointCount: 5 });
  clock.now += 60_000;
  await practice.record({ questionId: B, grade: 4, durationMs: 12_000, covered: [0, 1, 2, 3], keyPointCount: 4 });
  await progress.setPracticed([C], true);
  return buildExport(progress.snapshot, practice.state, { [A]: `${A}.md` }, NOW);
}

/** Parsed JSON that the tests damage freely, at any depth and with any type: deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

/** A valid export as plain JSON, to be damaged one field at a time. */
async function exportJson(): Promise<LooseJson> {
  return JSON.parse(JSON.stringify(await realExport()));
}

function errorOf(result: ReturnType<typeof parseImport>): string {
  assert.ok('error' in result, `expected an error, got a file`);
  return result.error;
}

function entry(questionId: string, at: number, grade: 1 | 2 | 3 | 4 = 3): ReviewEntry {
  return { questionId, at, grade, durationMs: 1000, covered: [], keyPointCount: 4 };
}

describe('export and import', () => {
  it('round-trips an export through JSON text unchanged', async () => {
    const file = await realExport();
    assert.equal(file.format, EXPORT_FORMAT);
    assert.equal(file.version, 1);
    assert.equal(file.exportedAt, NOW);
    assert.equal(file.practice.log.length, 3);
    assert.equal(Object.keys(file.progress.questions).length, 3, 'graded questions were marked practiced');
    const parsed = parseImport(JSON.stringify(file, null, 1), known, NOW);
    assert.ok('file' in parsed, 'error' in parsed ? parsed.error : '');
    assert.deepEqual(parsed.file, file);
  });

  it('leaves ids the catalog lost out of an export when asked, so it can be imported again', async () => {
    const file = await realExport();
    const withStale = buildExport(
      { ...file.progress, questions: { ...file.progress.questions, gone: { practiced: true } } },
      { ...file.practice, cards: { ...file.practice.cards, gone: reviewCard(undefined, 3, T0) }, log: [...file.practice.log, entry('gone', T0)] },
      { ...file.notes, gone: 'gone.md' },
      NOW,
      known,
    );
    assert.deepEqual({ ...withStale }, file);
    assert.ok('error' in parseImport(JSON.stringify(buildExport(file.progress, { ...file.practice, log: [entry('gone', T0)] }, {}, NOW)), known, NOW));
  });

  it('accepts fields in any order, ignores unknown extra fields and sorts the log oldest first', async () => {
    const json = await exportJson();
    json.comment = 'from my laptop';
    json.practice.log.reverse();
    json.practice.log[0].extra = true;
    const parsed = parseImport(JSON.stringify(json), known, NOW);
    assert.ok('file' in parsed, 'error' in parsed ? parsed.error : '');
    assert.equal('comment' in parsed.file, false);
    assert.equal('extra' in parsed.file.practice.log[2], false);
    assert.deepEqual(parsed.file.practice.log, (await realExport()).practice.log);
  });

  describe('refuses a malformed or hostile file with a message naming the field', () => {
    const cases: [string, (json: LooseJson) => void, RegExp][] = [
      ['wrong format marker', (j) => (j.format = 'anki-deck'), /^format must be "ml-interview-prep-progress" \(found text "anki-deck"\)/],
      ['missing format marker', (j) => delete j.format, /^format must be .*found nothing/],
      ['newer file version', (j) => (j.version = 2), /^version must be 1 \(found number 2\)/],
      ['export time as text', (j) => (j.exportedAt = 'yesterday'), /^exportedAt must be a time/],
      ['export time before 2020', (j) => (j.exportedAt = Date.UTC(2019, 11, 31)), /^exportedAt must be a time in milliseconds between 2020-01-01 and 2025-04-01/],
      ['export time in the future', (j) => (j.exportedAt = NOW + 2 * DAY), /^exportedAt must be a time/],
      ['progress missing', (j) => delete j.progress, /^progress must be an object \(found nothing\)/],
      ['progress version', (j) => (j.progress.version = 1), /^progress\.version must be 2/],
      ['questions as a list', (j) => (j.progress.questions = []), /^progress\.questions must be an object \(found a list\)/],
      ['practiced as text', (j) => (j.progress.questions[C].practiced = 'yes'), new RegExp(`^progress\\.questions\\["${C}"\\]\\.practiced must be true or false`)],
      ['practiced time negative', (j) => (j.progress.questions[C].firstPracticedAt = -1), new RegExp(`^progress\\.questions\\["${C}"\\]\\.firstPracticedAt must be a time`)],
      ['practice version', (j) => (j.practice.version = '1'), /^practice\.version must be 1 \(found text "1"\)/],
      ['cards as a list', (j) => (j.practice.cards = [1]), /^practice\.cards must be an object \(found a list\)/],
      ['card as null', (j) => (j.practice.cards[A] = null), new RegExp(`^practice\\.cards\\["${A}"\\] must be an object \\(found null\\)`)],
      ['huge stability', (j) => (j.practice.cards[A].stability = 1e300), new RegExp(`^practice\\.cards\\["${A}"\\]\\.stability must be a number from 0\\.001 to 36500 \\(found number 1e\\+300\\)`)],
      ['fractional reps', (j) => (j.practice.cards[A].reps = 1.5), /\.reps must be a whole number from 0 to 1000000/],
      ['negative lapses', (j) => (j.practice.cards[A].lapses = -1), /\.lapses must be a whole number/],
      ['unknown card state', (j) => (j.practice.cards[A].state = 4), /\.state must be 0, 1, 2 or 3 \(found number 4\)/],
      ['due centuries ahead', (j) => (j.practice.cards[A].due = NOW + 200 * 365 * DAY), /\.due must be a time/],
      ['lastReview as null', (j) => (j.practice.cards[A].lastReview = null), /\.lastReview must be a time .*found null/],
      ['log as an object', (j) => (j.practice.log = {}), /^practice\.log must be a list \(found an object\)/],
      ['grade 7', (j) => (j.practice.log[1].grade = 7), /^practice\.log\[1\]\.grade must be 1, 2, 3 or 4 \(found number 7\)/],
      ['grade as text', (j) => (j.practice.log[0].grade = '3'), /^practice\.log\[0\]\.grade must be 1, 2, 3 or 4 \(found text "3"\)/],
      ['grade 0', (j) => (j.practice.log[2].grade = 0), /^practice\.log\[2\]\.grade must be 1, 2, 3 or 4/],
      ['covered beyond the key points', (j) => (j.practice.log[0].covered = [0, 5]), /^practice\.log\[0\]\.covered\[1\] must be a whole number from 0 to 4 \(found number 5\)/],
      ['covered fractional', (j) => (j.practice.log[0].covered = [0.5]), /^practice\.log\[0\]\.covered\[0\] must be a whole number/],
      ['covered twice', (j) => (j.practice.log[0].covered = [1, 1]), /^practice\.log\[0\]\.covered lists key point 1 twice/],
      ['covered longer than the key points', (j) => (j.practice.log[0].covered = [0, 1, 2, 3, 4, 5]), /^practice\.log\[0\]\.covered must have at most 5 items/],
      ['covered as text', (j) => (j.practice.log[0].covered = '0,1'), /^practice\.log\[0\]\.covered must be a list/],
      ['too many key points', (j) => (j.practice.log[0].keyPointCount = 51), /^practice\.log\[0\]\.keyPointCount must be a whole number from 0 to 50/],
      ['negative duration', (j) => (j.practice.log[0].durationMs = -5), /^practice\.log\[0\]\.durationMs must be a number from 0 to 86400000/],
      ['week-long duration', (j) => (j.practice.log[0].durationMs = 7 * DAY), /^practice\.log\[0\]\.durationMs must be a number/],
      ['review before 2020', (j) => (j.practice.log[0].at = 0), /^practice\.log\[0\]\.at must be a time/],
      ['empty question id', (j) => (j.practice.log[0].questionId = ''), /^practice\.log\[0\]\.questionId must be a question id/],
      ['question id as a number', (j) => (j.practice.log[0].questionId = 7), /^practice\.log\[0\]\.questionId must be a question id.*found number 7/],
      ['notes as a list', (j) => (j.notes = []), /^notes must be an object \(found a list\)/],
      ['note name not text', (j) => (j.notes[A] = 5), /^notes\[".*"\] must be a plain file name \(it must be non-empty text; found number 5\)/],
      ['note name going up', (j) => (j.notes[A] = '../../.bashrc'), /must be a plain file name \(no folder separators/],
      ['note name with ..', (j) => (j.notes[A] = '..'), /must be a plain file name \(no "\.\."/],
      ['note name with a folder', (j) => (j.notes[A] = 'sub/note.md'), /must be a plain file name \(no folder separators/],
      ['note name with a backslash', (j) => (j.notes[A] = '..\\..\\evil.md'), /must be a plain file name \(no folder separators/],
      ['note name with a drive', (j) => (j.notes[A] = 'C:evil.md'), /must be a plain file name \(no control characters or any of/],
      ['note name with a NUL', (j) => (j.notes[A] = 'a\u0000.md'), /must be a plain file name \(no control characters/],
      ['note name that is long', (j) => (j.notes[A] = 'a'.repeat(300)), /must be a plain file name \(at most 255 characters/],
    ];
    for (const [name, damage, message] of cases) {
      it(name, async () => {
        const json = await exportJson();
        damage(json);
        assert.match(errorOf(parseImport(JSON.stringify(json), known, NOW)), message);
      });
    }

    it('broken JSON', () => {
      assert.match(errorOf(parseImport('{"format": "ml-interview-prep-progress", ', known, NOW)), /^the file is not valid JSON \(/);
      assert.match(errorOf(parseImport('', known, NOW)), /not valid JSON/);
    });

    it('JSON that is not an object', () => {
      for (const text of ['[]', '42', 'null', '"text"']) {
        assert.match(errorOf(parseImport(text, known, NOW)), /^the file must hold a JSON object/, text);
      }
    });

    it('numbers too large for a double', async () => {
      const json = await exportJson();
      json.practice.log[0].durationMs = 123456789;
      const text = JSON.stringify(json).replace('123456789', '1e400');
      assert.match(errorOf(parseImport(text, known, NOW)), /^practice\.log\[0\]\.durationMs must be a number .*found number Infinity/);
    });

    it('a file larger than the limit, before parsing it', () => {
      assert.match(errorOf(parseImport(' '.repeat(MAX_IMPORT_CHARS + 1), known, NOW)), /^the file is too large \(20 MB; the limit is 20 MB\)/);
    });

    it('a log longer than MAX_LOG_ENTRIES', async () => {
      const json = await exportJson();
      json.practice.log = Array.from({ length: MAX_LOG_ENTRIES + 1 }, (_, i) => entry(A, T0 + i));
      assert.match(errorOf(parseImport(JSON.stringify(json), known, NOW)), /^practice\.log must have at most 20000 items \(found 20001\)/);
    });

    it('deeply nested JSON', () => {
      const text = '['.repeat(100_000) + ']'.repeat(100_000);
      assert.match(errorOf(parseImport(text, known, NOW)), /must hold a JSON object|not valid JSON/);
    });

    it('input that is not text at all', () => {
      assert.match(errorOf(parseImport(undefined as never, known, NOW)), /^the import must be text/);
    });

    it('unknown question ids, naming the first five and counting the rest', async () => {
      const json = await exportJson();
      json.progress.questions['gone-1'] = { practiced: true };
      json.practice.cards['gone-2'] = json.practice.cards[A];
      json.practice.log.push(entry('gone-3', T0), entry('gone-3', T0 + 1), entry('gone-4', T0));
      json.notes['gone-5'] = 'gone-5.md';
      json.notes['gone-6'] = 'gone-6.md';
      json.notes['gone-7'] = 'gone-7.md';
      const error = errorOf(parseImport(JSON.stringify(json), known, NOW));
      assert.match(error, /^the file names 7 question ids this version does not have: /);
      assert.match(error, /"gone-1" \(progress\.questions\), "gone-2" \(practice\.cards\), "gone-3" \(practice\.log\), "gone-4" \(practice\.log\), "gone-5" \(notes\) and 2 more$/);
      assert.doesNotMatch(error, /gone-6/);
    });

    it('"__proto__" as an id: refused as unknown, and no prototype is touched', async () => {
      const json = await exportJson();
      const text = JSON.stringify(json).replace('"cards":{', `"cards":{"__proto__":${JSON.stringify(json.practice.cards[A])},`);
      assert.match(errorOf(parseImport(text, known, NOW)), /"__proto__" \(practice\.cards\)/);
      assert.equal(({} as Record<string, unknown>).stability, undefined);
    });
  });

  describe('merging', () => {
    it('keeps, per question, the progress record practiced later, with the earliest first time', () => {
      const local: ProgressState = {
        version: 2,
        questions: {
          both: { practiced: true, firstPracticedAt: T0, lastPracticedAt: T0 + DAY },
          localNewer: { practiced: false, firstPracticedAt: T0 + 5, lastPracticedAt: T0 + 3 * DAY },
          onlyLocal: { practiced: true },
          tie: { practiced: true, lastPracticedAt: T0 },
        },
      };
      const incoming: ProgressState = {
        version: 2,
        questions: {
          both: { practiced: false, firstPracticedAt: T0 - DAY, lastPracticedAt: T0 + 2 * DAY },
          localNewer: { practiced: true, firstPracticedAt: T0, lastPracticedAt: T0 + DAY },
          onlyIncoming: { practiced: true, firstPracticedAt: T0 },
          tie: { practiced: false, lastPracticedAt: T0 },
        },
      };
      assert.deepEqual(mergeProgress(local, incoming), {
        version: 2,
        questions: {
          both: { practiced: false, firstPracticedAt: T0 - DAY, lastPracticedAt: T0 + 2 * DAY },
          localNewer: { practiced: false, firstPracticedAt: T0, lastPracticedAt: T0 + 3 * DAY },
          onlyLocal: { practiced: true },
          tie: { practiced: true, lastPracticedAt: T0 },
          onlyIncoming: { practiced: true, firstPracticedAt: T0 },
        },
      });
    });

    it('falls back to firstPracticedAt when there is no lastPracticedAt', () => {
      const merged = mergeProgress(
        { version: 2, questions: { q: { practiced: true, firstPracticedAt: T0 } } },
        { version: 2, questions: { q: { practiced: false, firstPracticedAt: T0 + DAY } } },
      );
      assert.deepEqual(merged.questions.q, { practiced: false, firstPracticedAt: T0 });
    });

    it('keeps, per question, the card reviewed later, and every card on either side', () => {
      const older = reviewCard(undefined, 3, T0);
      const newer = reviewCard(older, 1, T0 + DAY);
      const local: PracticeState = { version: 1, cards: { a: newer, b: older, onlyLocal: older }, log: [] };
      const incoming: PracticeState = { version: 1, cards: { a: older, b: newer, onlyIncoming: newer }, log: [] };
      assert.deepEqual(mergePractice(local, incoming).cards, { a: newer, b: newer, onlyLocal: older, onlyIncoming: newer });
    });

    it('unites the logs without duplicates, oldest first, losing nothing', () => {
      const local: PracticeState = { version: 1, cards: {}, log: [entry('a', T0), entry('a', T0 + 2 * DAY), entry('b', T0 + DAY)] };
      const incoming: PracticeState = { version: 1, cards: {}, log: [entry('a', T0, 1), entry('c', T0 + 1), entry('b', T0 + DAY)] };
      const merged = mergePractice(local, incoming);
      assert.deepEqual(merged.log, [entry('a', T0), entry('c', T0 + 1), entry('b', T0 + DAY), entry('a', T0 + 2 * DAY)]);
      const key = (e: ReviewEntry) => `${e.questionId}@${e.at}`;
      const keys = new Set(merged.log.map(key));
      for (const e of [...local.log, ...incoming.log]) {
        assert.ok(keys.has(key(e)), key(e));
      }
      assert.deepEqual(mergePractice(merged, incoming), merged, 'importing the same file again changes nothing');
    });

    it('bounds the merged log to MAX_LOG_ENTRIES, dropping the oldest', () => {
      const half = MAX_LOG_ENTRIES / 2 + 10;
      const local: PracticeState = { version: 1, cards: {}, log: Array.from({ length: half }, (_, i) => entry('l', T0 + 2 * i)) };
      const incoming: PracticeState = { version: 1, cards: {}, log: Array.from({ length: half }, (_, i) => entry('i', T0 + 2 * i + 1)) };
      const merged = mergePractice(local, incoming);
      assert.equal(merged.log.length, MAX_LOG_ENTRIES);
      assert.equal(merged.log[0].at, T0 + 20, 'the 20 oldest went');
      assert.equal(merged.log[merged.log.length - 1].at, T0 + 2 * (half - 1) + 1);
    });

    it('unites the notes indexes, keeping the local name on a clash', () => {
      assert.deepEqual(mergeNotes({ a: 'a.md', b: 'b.md' }, { b: 'b-other.md', c: 'c.md' }), { a: 'a.md', b: 'b.md', c: 'c.md' });
      assert.deepEqual(mergeNotes({}, {}), {});
    });

    it('merges an imported export into empty local state as the export itself', async () => {
      const file = await realExport();
      const parsed = parseImport(JSON.stringify(file), known, NOW);
      assert.ok('file' in parsed);
      assert.deepEqual(mergeProgress({ version: 2, questions: {} }, parsed.file.progress), file.progress);
      assert.deepEqual(mergePractice({ version: 1, cards: {}, log: [] }, parsed.file.practice), file.practice);
      assert.deepEqual(mergeNotes({}, parsed.file.notes), file.notes);
    });
  });
});
