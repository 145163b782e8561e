// Validates content/ and compiles it into dist/catalog.json. Fails with every problem listed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileCatalog, ContentFile, formatProblem } from '../src/content/compileCatalog';
import { AliasClash, buildLookupTable } from '../src/lookup/lookupTable';

const root = join(__dirname, '..');
const contentDir = process.argv[2] ?? join(root, 'content');
const outFile = process.argv[3] ?? join(root, 'dist', 'catalog.json');
const lookupFile = join(outFile, '..', 'lookup.json');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const files: ContentFile[] = listFiles(contentDir).map((file) => ({
  path: relative(contentDir, file).split(sep).join('/'),
  text: readFileSync(file, 'utf8'),
}));
const { catalog, problems } = compileCatalog(files);
if (!catalog) {
  const shown = relative(process.cwd(), contentDir) || '.';
  for (const p of problems) {
    console.error(formatProblem({ ...p, file: join(shown, p.file) }));
  }
  console.error(`\n${problems.length} problem(s) in ${shown}; no catalog written.`);
  process.exit(1);
}
mkdirSync(join(outFile, '..'), { recursive: true });
writeFileSync(outFile, JSON.stringify(catalog));
const drafts = catalog.questions.filter((q) => q.status === 'draft').length + catalog.concepts.filter((c) => c.status === 'draft').length;
console.log(
  `catalog: ${catalog.topics.length} topics, ${catalog.questions.length} questions, ${catalog.concepts.length} concepts, ` +
    `${catalog.paths.length} study paths (${drafts} drafts) -> ${relative(process.cwd(), outFile)}`,
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
