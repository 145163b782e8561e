// scripts/buildContent.ts end to end on a small content tree: exercises compile into
// dist/exercises.json, and a broken one fails the build with every problem listed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseExerciseData } from '../../src/exercises/loadExercises';
import { FIXTURES, goodExercise } from '../support/exerciseFixtures';
import { validFiles } from './helpers';

const ROOT = join(__dirname, '..', '..');

function build(contentDir: string, outDir: string) {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return spawnSync(process.execPath, [tsx, join(ROOT, 'scripts', 'buildContent.ts'), contentDir, join(outDir, 'catalog.json')], { encoding: 'utf8', cwd: ROOT });
}

describe('build: exercises', function () {
  this.timeout(60_000);
  let dir: string;
  let content: string;
  let out: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlprep-build-'));
    content = join(dir, 'content');
    out = join(dir, 'dist');
    // The catalog the fixture links to (topic basics, concept bias, question what-is-bias).
    for (const f of validFiles()) {
      mkdirSync(join(content, f.path, '..'), { recursive: true });
      writeFileSync(join(content, f.path), f.text);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an empty list when there is no exercises folder', () => {
    const result = build(content, out);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(parseExerciseData(readFileSync(join(out, 'exercises.json'), 'utf8')), { schemaVersion: 1, exercises: [] });
  });

  it('compiles exercise folders into dist/exercises.json, ignoring bytecode caches', () => {
    cpSync(join(FIXTURES, 'good', 'add-one'), join(content, 'exercises', 'add-one'), { recursive: true });
    mkdirSync(join(content, 'exercises', 'add-one', '__pycache__'));
    writeFileSync(join(content, 'exercises', 'add-one', '__pycache__', 'tests.cpython-312.pyc'), 'x');
    const result = build(content, out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /exercises: 1 \(0 drafts left out\), 3 hidden tests/);
    assert.deepEqual(parseExerciseData(readFileSync(join(out, 'exercises.json'), 'utf8')), { schemaVersion: 1, exercises: [goodExercise()] });
  });

  it('fails with every problem listed by file and line, and writes nothing', () => {
    const exercises = join(content, 'exercises');
    cpSync(join(FIXTURES, 'good', 'add-one'), join(exercises, 'add-one'), { recursive: true });
    const md = join(exercises, 'add-one', 'exercise.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('topic: basics', 'topic: nowhere'));
    rmSync(join(exercises, 'add-one', 'tests.py'));
    writeFileSync(join(exercises, 'README.md'), 'x');
    const result = build(content, out);
    assert.equal(result.status, 1);
    const shown = relative(ROOT, exercises);
    const lines = result.stderr.trim().split('\n');
    assert.ok(lines.includes(`${join(shown, 'README.md')}:1: unexpected file: exercises/ holds one folder per exercise`), result.stderr);
    assert.ok(lines.includes(`${join(shown, 'add-one', 'tests.py')}:1: missing file: every exercise needs exercise.md, starter.py, solution.py, tests.py`), result.stderr);
    assert.ok(lines.includes(`${join(shown, 'add-one', 'exercise.md')}:5: field "topic" links to unknown topic "nowhere"`), result.stderr);
    assert.match(result.stderr.trim(), /3 problem\(s\) in .*; no catalog or exercises written\.$/);
    assert.equal(existsSync(join(out, 'exercises.json')), false);
    assert.equal(existsSync(join(out, 'catalog.json')), false);
  });

  it('lists the problems of the catalog and of the exercises in the same run', () => {
    cpSync(join(FIXTURES, 'good', 'add-one'), join(content, 'exercises', 'add-one'), { recursive: true });
    const concept = join(content, 'concepts', 'bias.md');
    writeFileSync(concept, readFileSync(concept, 'utf8').replace('status: "draft"', 'status: "unknown"'));
    rmSync(join(content, 'exercises', 'add-one', 'starter.py'));
    const result = build(content, out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /concepts\/bias\.md:\d+: field "status" must be one of draft, published/);
    assert.match(result.stderr, /exercises\/add-one\/starter\.py:1: missing file/);
    assert.doesNotMatch(result.stderr, /unknown (topic|id)/, 'the ids of a catalog with problems still count');
  });
});
