import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Catalog } from './catalog';
import type { CatalogData } from './types';

export type LoadResult = { readonly catalog: Catalog } | { readonly error: string };

/**
 * Reads the catalog compiled at build time. Never throws: a broken or missing file becomes an
 * error message naming the file, so activation can go on with an empty catalog.
 */
export async function loadCatalog(file: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { error: `Could not read the question catalog ${file}: ${(e as Error).message}` };
  }
  return parseCatalog(text, file, bodiesFrom(join(dirname(file), 'bodies')));
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads `<dir>/<id>.md`, the body the build split out of the catalog; undefined when missing. */
export function bodiesFrom(dir: string): (id: string) => string | undefined {
  return (id) => {
    if (!ID.test(id)) {
      return undefined;
    }
    try {
      return readFileSync(join(dir, `${id}.md`), 'utf8');
    } catch {
      return undefined;
    }
  };
}

export function parseCatalog(text: string, file: string, loadBody?: (id: string) => string | undefined): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `The question catalog ${file} is not valid JSON: ${(e as Error).message}` };
  }
  const problem = shapeProblem(data);
  if (problem) {
    return { error: `The question catalog ${file} is damaged: ${problem}. Reinstall the extension.` };
  }
  return { catalog: new Catalog(data as CatalogData, loadBody) };
}

// The build step validated every field; this only guards against a truncated or foreign file.
function shapeProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) {
    return 'expected an object';
  }
  const d = data as Record<string, unknown>;
  if (d.schemaVersion !== 1) {
    return `unsupported schemaVersion ${JSON.stringify(d.schemaVersion)}`;
  }
  for (const key of ['topics', 'questions', 'concepts', 'paths']) {
    const list = d[key];
    if (!Array.isArray(list)) {
      return `field "${key}" is not a list`;
    }
    const bad = list.findIndex((e) => typeof e !== 'object' || e === null || typeof (e as { id?: unknown }).id !== 'string');
    if (bad !== -1) {
      return `${key}[${bad}] has no id`;
    }
  }
  return undefined;
}

export const emptyCatalog = (): Catalog =>
  new Catalog({ schemaVersion: 1, topics: [], questions: [], concepts: [], paths: [] });
