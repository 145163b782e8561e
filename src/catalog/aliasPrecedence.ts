import type { Catalog } from './catalog';
import type { Concept } from './types';

/**
 * The merged catalog's concepts with shipped terms kept for shipped concepts: a user concept may
 * not take over a shipped term, so its aliases (or titles) that a shipped concept has are dropped.
 */
export function shippedFirst(shipped: Catalog, catalog: Catalog): Concept[] {
  const taken = new Set(shipped.concepts.flatMap((c) => [c.title, ...c.aliases]).map((a) => a.toLowerCase()));
  return catalog.concepts.map((c) => (shipped.concept(c.id) ? c : { ...c, aliases: c.aliases.filter((a) => !taken.has(a.toLowerCase())) }));
}
