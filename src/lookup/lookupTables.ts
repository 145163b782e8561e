import { readFileSync } from 'node:fs';
import { shippedFirst } from '../catalog/aliasPrecedence';
import type { Catalog } from '../catalog/catalog';
import type { CatalogSource } from '../catalog/catalogSource';
import { buildLookupTable, parseLookupTable, type LookupTable } from './lookupTable';

/**
 * The hover's alias table: the one compiled at build time for the shipped catalog (`file`, read on
 * the first hover), or one built from the merged catalog when user content is loaded.
 */
export function lookupTables(file: string, shipped: Catalog, source: CatalogSource): () => LookupTable {
  let built: { catalog: Catalog; table: LookupTable } | undefined;
  return () => {
    const catalog = source.current;
    if (built?.catalog !== catalog) {
      const table = catalog === shipped ? readLookupTable(file) : undefined;
      built = { catalog, table: table ?? buildLookupTable(shippedFirst(shipped, catalog)) };
    }
    return built.table;
  };
}

function readLookupTable(file: string): LookupTable | undefined {
  try {
    return parseLookupTable(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // Rebuilt from the catalog instead.
  }
}
