// Validates content/ and compiles it into dist/catalog.json and dist/exercises.json. Fails with every problem listed.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Catalog } from '../src/catalog/catalog';
import { SearchEngine } from '../src/search/searchEngine';
import { join, relative, resolve, sep } from 'node:path';
import { compileCatalog, ContentFile, formatProblem, Problem } from '../src/catalog/compile/compileCatalog';
import { editorialChecks } from '../src/catalog/compile/editorialChecks';
import { compileExercises, EXERCISES_DIR, knownIdsFromPaths, knownIdsOf } from '../src/catalog/compile/compileExercises';
import { readExerciseFolders } from '../src/catalog/compile/exerciseFolders';
import type { ExerciseData } from '../src/exercises/exerciseTypes';
import { AliasClash, buildLookupTable } from '../src/lookup/lookupTable';

const root = join(__dirname, '..');
const shippedDir = join(root, 'content');
const contentDir = process.argv[2] ?? shippedDir;
const outFile = process.argv[3] ?? join(root, 'dist', 'catalog.json');
const lookupFile = join(outFile, '..', 'lookup.json');
const exercisesFile = join(outFile, '..', 'exercises.json');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const toPath = (file: string, from: string) => relative(from, file).split(sep).join('/');
// Exercises are their own content kind, compiled after the catalog they link to.
const files: ContentFile[] = listFiles(contentDir)
  .filter((file) => !toPath(file, contentDir).startsWith(`${EXERCISES_DIR}/`))
  .map((file) => ({ path: toPath(file, contentDir), text: readFileSync(file, 'utf8') }));
const { catalog, problems } = compileCatalog(files);
const shown = relative(process.cwd(), contentDir) || '.';
function failBuild(found: readonly Problem[], what: string): never {
  for (const p of found) {
    console.error(formatProblem({ ...p, file: join(shown, p.file) }));
  }
  console.error(`\n${found.length} problem(s) in ${shown}; no ${what} written.`);
  process.exit(1);
}
const exerciseFolders = readExerciseFolders(join(contentDir, EXERCISES_DIR));
const known = catalog ? knownIdsOf(catalog) : knownIdsFromPaths(files.map((f) => f.path));
const compiledExercises = compileExercises(exerciseFolders.folders, known);
// The editorial rules are the shipped bank's bar, not the format's: other trees (test fixtures) skip them.
const editorial = catalog && resolve(contentDir) === shippedDir ? editorialChecks(catalog, files) : [];
const allProblems = [...problems, ...exerciseFolders.problems, ...compiledExercises.problems, ...editorial];
if (!catalog || allProblems.length > 0) {
  failBuild(allProblems, 'catalog or exercises');
}
mkdirSync(join(outFile, '..'), { recursive: true });
// Answers and explanations go to one file each, read when shown: the catalog the extension
// parses at activation then holds only what the tree and search need.
const bodiesDir = join(outFile, '..', 'bodies');
rmSync(bodiesDir, { recursive: true, force: true });
mkdirSync(bodiesDir, { recursive: true });
for (const entry of [...catalog.questions, ...catalog.concepts]) {
  writeFileSync(join(bodiesDir, `${entry.id}.md`), entry.body);
}
const lean = {
  ...catalog,
  questions: catalog.questions.map((q) => ({ ...q, body: '' })),
  concepts: catalog.concepts.map((c) => ({ ...c, body: '' })),
};
writeFileSync(outFile, JSON.stringify(lean));
const exerciseData: ExerciseData = { schemaVersion: 1, exercises: compiledExercises.exercises };
writeFileSync(exercisesFile, JSON.stringify(exerciseData));
const drafts = catalog.questions.filter((q) => q.status === 'draft').length + catalog.concepts.filter((c) => c.status === 'draft').length;
console.log(
  `catalog: ${catalog.topics.length} topics, ${catalog.questions.length} questions, ${catalog.concepts.length} concepts, ` +
    `${catalog.paths.length} study paths (${drafts} drafts) -> ${relative(process.cwd(), outFile)}`,
);
console.log(
  `exercises: ${compiledExercises.exercises.length} (${compiledExercises.drafts.length} drafts left out), ` +
    `${compiledExercises.exercises.reduce((n, e) => n + e.testCases.length, 0)} hidden tests -> ${relative(process.cwd(), exercisesFile)}`,
);

// The hover's alias table, next to the catalog. A clash is only a warning: the hover still picks
// one concept (the one whose title it is, else the first by id), but the author should know.
const clashes: AliasClash[] = [];
const table = buildLookupTable(catalog.concepts, (clash) => clashes.push(clash));
writeFileSync(lookupFile, JSON.stringify(table));
for (const c of clashes) {
  console.warn(`warning: "${c.term}" is an alias of ${c.conceptIds.join(', ')}; hovers show ${c.chosen}`);
}
const phraseCount = Object.values(table.phrases).reduce((n, list) => n + list.length, 0);
console.log(`lookup: ${Object.keys(table.symbols).length} symbols, ${phraseCount} phrases (${clashes.length} clashes) -> ${relative(process.cwd(), lookupFile)}`);

// The search index of the shipped catalog, built here so the first search only loads it.
// Two files: the entries' index is loaded on the first search, the sections' one right after.
const index = new SearchEngine(new Catalog(catalog)).serialize();
const headsFile = join(outFile, '..', 'search-heads.json');
const sectionsFile = join(outFile, '..', 'search-sections.json');
writeFileSync(headsFile, JSON.stringify(index.heads));
writeFileSync(sectionsFile, JSON.stringify(index.sections));
const kib = (f: string) => (statSync(f).size / 1024).toFixed(0);
console.log(`search index -> ${relative(process.cwd(), headsFile)} (${kib(headsFile)} KiB), ${relative(process.cwd(), sectionsFile)} (${kib(sectionsFile)} KiB)`);
