import * as assert from 'node:assert/strict';
import { reviewCard } from '../../src/study/scheduler';
import { MAX_LOG_ENTRIES, type ReviewEntry } from '../../src/study/types';
import { buildExport, EXPORT_FORMAT, MAX_IMPORT_CHARS, noteIdProblem, parseImport, type ExportFile } from '../../src/transfer/exportFile';
import { besideName, planNotes } from '../../src/transfer/notesImport';
import { STUDY_LOCAL_KEY, STUDY_SYNC_KEY, StudyStore } from '../../src/study/studyStore';
import { MemoryBackups, MemoryMemento, shippedCatalog } from './helpers';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const NOW = T0 + 30 * DAY;

const ids = shippedCatalog().questions.map((q) => q.id);
const [A, B, C] = ids;

function newStore(clock = { now: T0 }, memento = new MemoryMemento()) {
  return { store: new StudyStore({ memento, backups: new MemoryBackups(), now: () => clock.now }), memento, clock };
}

/** An export made the way the extension makes one: through the store. */
async function realExport(): Promise<ExportFile> {
  const { store, clock } = newStore();
  await store.load();
  await store.record({ questionId: A, grade: 3, durationMs: 61_500, covered: [0, 1, 3], keyPointCount: 5 });
  clock.now += 2 * DAY;
  await store.record({ questionId: A, grade: 1, durationMs: 5000, covered: [], keyPointCount: 5 });
  clock.now += 60_000;
  await store.record({ questionId: B, grade: 4, durationMs: 12_000, covered: [0, 1, 2, 3], keyPointCount: 4 });
  await store.setPracticed([C], true);
  return buildExport(store.state, { [A]: '# My answer\n\nResiduals.\n' }, NOW).file;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

async function exportJson(): Promise<LooseJson> {
  return JSON.parse(JSON.stringify(await realExport()));
}

function errorOf(result: ReturnType<typeof parseImport>): string {
  assert.ok('error' in result, `expected an error, got a file`);
  return result.error;
}

function fileOf(result: ReturnType<typeof parseImport>) {
  assert.ok('file' in result, 'error' in result ? result.error : '');
  return result.file;
}

function entry(questionId: string, at: number, grade: 1 | 2 | 3 | 4 = 3): ReviewEntry {
  return { questionId, at, grade, durationMs: 1000, covered: [], keyPointCount: 4 };
}

describe('export and import', () => {
  it('exports marks, cards, the full log and the text of notes, and reads them back unchanged', async () => {
    const file = await realExport();
    assert.equal(file.format, EXPORT_FORMAT);
    assert.equal(file.version, 2);
    assert.equal(file.exportedAt, NOW);
    assert.equal(file.log.length, 3);
    assert.equal(Object.keys(file.questions).length, 3);
    assert.ok(file.questions[A].card && !file.questions[C].card);
    assert.equal(file.notes[A], '# My answer\n\nResiduals.\n');
    const parsed = fileOf(parseImport(JSON.stringify(file, null, 1)));
    assert.deepEqual(parsed.state.questions, file.questions);
    assert.deepEqual(parsed.state.log, file.log);
    assert.deepEqual(parsed.notes, file.notes);
  });

  it('imports a review from a machine whose clock said 2019, or a week ahead (the time window does not depend on the clock)', async () => {
    const json = await exportJson();
    json.log.unshift(entry(A, Date.UTC(2019, 5, 1)));
    json.log.push(entry(B, Date.now() + 7 * DAY));
    const parsed = fileOf(parseImport(JSON.stringify(json)));
    assert.equal(parsed.state.log.length, 5);
  });

  it('keeps questions the catalog does not have (they may come from a content folder), and ids of 240 characters', async () => {
    const json = await exportJson();
    const long = 'q'.repeat(240);
    json.questions[long] = { practiced: true, updatedAt: T0, card: reviewCard(undefined, 3, T0) };
    json.questions['not-in-this-catalog'] = { practiced: true, updatedAt: T0 };
    json.log.push(entry(long, T0 + 5));
    const parsed = fileOf(parseImport(JSON.stringify(json)));
    assert.ok(parsed.state.questions[long].card);
    const { store } = newStore({ now: NOW });
    await store.load();
    await store.importState(parsed.state);
    assert.ok(store.card(long) && store.isPracticed('not-in-this-catalog'));
  });

  it('reads a version-1 file (the earlier export: marks and practice apart, note names only)', () => {
    const card = reviewCard(undefined, 3, T0);
    const v1 = {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: NOW,
      progress: { version: 2, questions: { [A]: { practiced: true, firstPracticedAt: T0, lastPracticedAt: T0 }, [C]: { practiced: false } } },
      practice: { version: 1, cards: { [A]: card }, log: [entry(A, T0), entry(A, Date.UTC(2019, 0, 1))] },
      notes: { [A]: `${A}.md` },
    };
    const parsed = fileOf(parseImport(JSON.stringify(v1)));
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.state.questions[A].card, card);
    assert.equal(parsed.state.questions[C].practiced, false);
    assert.equal(parsed.state.log.length, 2, 'a 2019 review from a wrong clock is kept');
    assert.deepEqual(parsed.noteNamesOnly, [`${A}.md`]);
  });

  describe('refuses a malformed or hostile file with a message naming the field', () => {
    const cases: [string, (json: LooseJson) => void, RegExp][] = [
      ['wrong format marker', (j) => (j.format = 'anki-deck'), /^format must be "ml-interview-prep-progress" \(found text "anki-deck"\)/],
      ['missing format marker', (j) => delete j.format, /^format must be .*found nothing/],
      ['newer file version', (j) => (j.version = 3), /^version must be 1 or 2 \(found number 3\); the file may come from a newer version/],
      ['export time as text', (j) => (j.exportedAt = 'yesterday'), /^exportedAt must be a time/],
      ['export time before 2000', (j) => (j.exportedAt = Date.UTC(1999, 11, 31)), /^exportedAt must be a time in milliseconds between 2000-01-01 and 2100-01-01/],
      ['questions missing', (j) => delete j.questions, /^questions must be an object \(found nothing\)/],
      ['questions as a list', (j) => (j.questions = []), /^questions must be an object \(found a list\)/],
      ['practiced as text', (j) => (j.questions[C].practiced = 'yes'), new RegExp(`^questions\\["${C}"\\]\\.practiced must be true or false`)],
      ['updatedAt missing', (j) => delete j.questions[C].updatedAt, /\.updatedAt must be a time .*found nothing/],
      ['practiced time negative', (j) => (j.questions[C].firstPracticedAt = -1), new RegExp(`^questions\\["${C}"\\]\\.firstPracticedAt must be a time`)],
      ['a card on a question not practiced', (j) => (j.questions[A].practiced = false), /\.card must be absent for a question not practiced/],
      ['an id over 240 characters', (j) => (j.questions['q'.repeat(241)] = j.questions[C]), /^the id of questions\["q{60}\.\.\."\] must be a question id, text of 1 to 240 characters/],
      ['card as null', (j) => (j.questions[A].card = null), new RegExp(`^questions\\["${A}"\\]\\.card must be an object \\(found null\\)`)],
      ['huge stability', (j) => (j.questions[A].card.stability = 1e300), /\.card\.stability must be a number from 0\.001 to 36500 \(found number 1e\+300\)/],
      ['fractional reps', (j) => (j.questions[A].card.reps = 1.5), /\.reps must be a whole number from 0 to 1000000/],
      ['negative lapses', (j) => (j.questions[A].card.lapses = -1), /\.lapses must be a whole number/],
      ['unknown card state', (j) => (j.questions[A].card.state = 4), /\.state must be 0, 1, 2 or 3 \(found number 4\)/],
      ['due centuries ahead', (j) => (j.questions[A].card.due = Date.UTC(2300, 0, 1)), /\.due must be a time/],
      ['lastReview as null', (j) => (j.questions[A].card.lastReview = null), /\.lastReview must be a time .*found null/],
      ['log as an object', (j) => (j.log = {}), /^log must be a list \(found an object\)/],
      ['grade 7', (j) => (j.log[1].grade = 7), /^log\[1\]\.grade must be 1, 2, 3 or 4 \(found number 7\)/],
      ['grade as text', (j) => (j.log[0].grade = '3'), /^log\[0\]\.grade must be 1, 2, 3 or 4 \(found text "3"\)/],
      ['covered beyond the key points', (j) => (j.log[0].covered = [0, 5]), /^log\[0\]\.covered\[1\] must be a whole number from 0 to 4 \(found number 5\)/],
      ['covered twice', (j) => (j.log[0].covered = [1, 1]), /^log\[0\]\.covered lists key point 1 twice/],
      ['covered longer than the key points', (j) => (j.log[0].covered = [0, 1, 2, 3, 4, 5]), /^log\[0\]\.covered must have at most 5 items/],
      ['too many key points', (j) => (j.log[0].keyPointCount = 51), /^log\[0\]\.keyPointCount must be a whole number from 0 to 50/],
      ['week-long duration', (j) => (j.log[0].durationMs = 7 * DAY), /^log\[0\]\.durationMs must be a number from 0 to 86400000/],
      ['review in 1970', (j) => (j.log[0].at = 0), /^log\[0\]\.at must be a time/],
      ['empty question id', (j) => (j.log[0].questionId = ''), /^log\[0\]\.questionId must be a question id/],
      ['notes as a list', (j) => (j.notes = []), /^notes must be an object \(found a list\)/],
      ['note text not text', (j) => (j.notes[A] = 5), /^notes\[".*"\] must be the note's text/],
      ['note for an id that is not a file name', (j) => (j.notes['../../.bashrc'] = 'x'), /must be keyed by a question id that is a plain file name \(no folder separators/],
      ['note for an id with a drive', (j) => (j.notes['C:evil'] = 'x'), /plain file name \(no control characters or any of/],
      ['note text too long', (j) => (j.notes[A] = 'a'.repeat(1024 * 1024 + 1)), /must be the note's text, at most 1048576 characters/],
    ];
    for (const [name, damage, message] of cases) {
      it(name, async () => {
        const json = await exportJson();
        damage(json);
        assert.match(errorOf(parseImport(JSON.stringify(json))), message);
      });
    }

    it('broken JSON, or JSON that is not an object', () => {
      assert.match(errorOf(parseImport('{"format": "ml-interview-prep-progress", ')), /^the file is not valid JSON \(/);
      for (const text of ['[]', '42', 'null', '"text"']) {
        assert.match(errorOf(parseImport(text)), /^the file must hold a JSON object/, text);
      }
    });

    it('a file larger than the limit, before parsing it', () => {
      assert.match(errorOf(parseImport(' '.repeat(MAX_IMPORT_CHARS + 1))), /^the file is too large \(40 MB; the limit is 40 MB\)/);
    });

    it('a log longer than MAX_LOG_ENTRIES', async () => {
      const json = await exportJson();
      json.log = Array.from({ length: MAX_LOG_ENTRIES + 1 }, (_, i) => entry(A, T0 + i));
      assert.match(errorOf(parseImport(JSON.stringify(json))), /^log must have at most 20000 items \(found 20001\)/);
    });

    it('deeply nested JSON, and input that is not text', () => {
      assert.match(errorOf(parseImport('['.repeat(100_000) + ']'.repeat(100_000))), /must hold a JSON object|not valid JSON/);
      assert.match(errorOf(parseImport(undefined as never)), /^the import must be text/);
    });

    it('"__proto__" as an id stays data and touches no prototype', async () => {
      const json = await exportJson();
      const text = JSON.stringify(json).replace('"questions":{', `"questions":{"__proto__":${JSON.stringify(json.questions[A])},`);
      const parsed = fileOf(parseImport(text));
      assert.ok(Object.hasOwn(parsed.state.questions, '__proto__'));
      assert.equal(({} as Record<string, unknown>).practiced, undefined);
    });
  });

  it('leaves out of an export only the notes an import would refuse, and says which', () => {
    const { file, notesLeftOut } = buildExport({ resetAt: 0, questions: {}, log: [] }, { ok: 'a', 'with:colon': 'b', 'trailing.': 'c' }, NOW);
    assert.deepEqual(Object.keys(file.notes), ['ok']);
    assert.deepEqual(notesLeftOut.sort(), ['trailing.', 'with:colon']);
    assert.equal(noteIdProblem('ok'), undefined);
  });

  describe('importing into the store', () => {
    it('merges: per question the newer record wins, the logs are united, nothing is duplicated', async () => {
      const file = await realExport();
      const { store, clock } = newStore({ now: T0 + 5 * DAY });
      await store.load();
      await store.record({ questionId: C, grade: 2, durationMs: 1, covered: [], keyPointCount: 0 });
      const parsed = fileOf(parseImport(JSON.stringify(file)));
      const summary = await store.importState(parsed.state);
      assert.deepEqual(summary, { questions: 2, reviews: 3 });
      assert.ok(store.card(C), 'C graded here after the file ticked it: the later record wins');
      assert.deepEqual(store.card(A), file.questions[A].card);
      assert.equal(store.state.log.length, 4);
      clock.now += 1000;
      assert.deepEqual(await store.importState(parsed.state), { questions: 0, reviews: 0 }, 'importing the same file again changes nothing');
    });

    it('is all or nothing: a merged result that would not be valid writes nothing', async () => {
      const { store, memento } = newStore({ now: NOW });
      await store.load();
      await store.setPracticed([A], true);
      const writes = memento.writes;
      const before = store.state;
      const bad = { resetAt: 0, questions: { [B]: { practiced: true, updatedAt: T0 }, ['z'.repeat(241)]: { practiced: true, updatedAt: T0 } }, log: [] };
      const plan = await store.planImport(bad);
      assert.ok('error' in plan && /must be a question id, text of 1 to 240 characters/.test(plan.error));
      await assert.rejects(store.importState(bad), /the result would not be valid/);
      assert.equal(memento.writes, writes);
      assert.equal(store.state, before);
      assert.equal(store.isPracticed(B), false, 'not even the valid part');
      assert.ok(memento.get(STUDY_LOCAL_KEY) && memento.get(STUDY_SYNC_KEY));
    });

    it('restores a backup taken before a reset, reviews keeping their times', async () => {
      const file = await realExport();
      const { store, clock } = newStore({ now: NOW });
      await store.load();
      await store.importState(fileOf(parseImport(JSON.stringify(file))).state);
      await store.reset();
      clock.now += 1000;
      const summary = await store.importState(fileOf(parseImport(JSON.stringify(file))).state);
      assert.deepEqual(summary, { questions: 3, reviews: 3 });
      assert.deepEqual(
        store.state.log.map((e) => e.at),
        file.log.map((e) => e.at),
      );
      assert.ok(store.state.log.every((e) => (e.restoredAt ?? 0) >= store.state.resetAt));
    });
  });

  describe('notes on import', () => {
    const folder = (files: Record<string, string>) => (name: string) => Promise.resolve(Object.hasOwn(files, name) ? files[name] : undefined);

    it('adds a missing note, skips an identical one and saves a different one beside the local one, never over it', async () => {
      const local = { 'a.md': 'same', 'b.md': 'mine' };
      const writes = await planNotes({ a: 'same', b: 'theirs', c: 'new' }, folder(local), '2025-03-01');
      assert.deepEqual(writes, [
        { id: 'b', name: 'b.imported-2025-03-01.md', text: 'theirs', beside: true },
        { id: 'c', name: 'c.md', text: 'new', beside: false },
      ]);
    });

    it('does not save the same incoming note twice, and numbers a second different one', async () => {
      const local = { 'b.md': 'mine', 'b.imported-2025-03-01.md': 'theirs' };
      assert.deepEqual(await planNotes({ b: 'theirs' }, folder(local), '2025-03-01'), []);
      assert.deepEqual(await planNotes({ b: 'other' }, folder(local), '2025-03-01'), [{ id: 'b', name: 'b.imported-2025-03-01-2.md', text: 'other', beside: true }]);
    });

    it('keeps the name beside a 240-character id within 255 characters', () => {
      const name = besideName('q'.repeat(240), '2025-03-01');
      assert.ok(name.length <= 255 && name.endsWith('.imported-2025-03-01.md'));
    });
  });
});
