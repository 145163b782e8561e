// The alias table behind term hovers: which words in code, comments and prose name a concept.
// Built at build time into dist/lookup.json from the shipped catalog, and at run time when user
// content is merged. Plain JSON, so it is read without any rebuilding.
import { isRecord } from '../util/isRecord';
import { COMMON_WORDS } from './commonWords';

export interface PhraseEntry {
  readonly conceptId: string;
  /** Lower-case tokens (see `tokenize`): words, and punctuation characters one by one. */
  readonly tokens: readonly string[];
}

export interface LookupTable {
  readonly version: 1;
  /**
   * Single identifiers and dotted names (`LoRA`, `top_p`, `nn.LayerNorm`) to concept ids,
   * matched case-sensitively, as code is: the variable `moe` is not the term `MoE`.
   */
  readonly symbols: Readonly<Record<string, string>>;
  /**
   * Everything else ("KV cache", "top-p", "O(n^2) attention"), matched case-insensitively with
   * spaces and hyphens alike, keyed by the first token.
   */
  readonly phrases: Readonly<Record<string, readonly PhraseEntry[]>>;
}

export interface LookupConcept {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
}

/** Two or more concepts claim one term; the hover shows `chosen`. */
export interface AliasClash {
  /** The symbol, or the phrase's tokens joined by spaces. */
  readonly term: string;
  /** Every claimant, sorted by id. */
  readonly conceptIds: readonly string[];
  readonly chosen: string;
}

export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

// Word characters are those of identifiers in any script. Spaces and hyphens (ASCII, Unicode
// hyphens, the en dash of "bias–variance") only separate; every other character is a token.
const TOKEN = /([\p{L}\p{M}\p{N}_]+)|[^\s\p{L}\p{M}\p{N}_\-\u2010\u2011\u2013]/gu;
const SYMBOL = /^[\p{L}\p{M}\p{N}_]+(?:\.[\p{L}\p{M}\p{N}_]+)*$/u;
// What makes a single word look like a term rather than English: LoRA, GAN, top_p, 6ND, nn.X.
const TERM_LIKE = /[\p{Lu}\p{N}_.]/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length, isWord: m[1] !== undefined });
  }
  return tokens;
}

type Term = { kind: 'symbol'; key: string } | { kind: 'phrase'; key: string; tokens: string[] };

/**
 * The table key for a title or alias, or undefined when it may not trigger a hover: a single
 * word must look like a term (an upper-case letter, a digit, `_` or `.`) and not be a common
 * word; a phrase made only of common words must be a title or at least three words long ("the
 * model" and "tool use" are everyday prose, "key value cache" is not).
 */
function termOf(text: string, isTitle: boolean): Term | undefined {
  const trimmed = text.trim();
  if (SYMBOL.test(trimmed)) {
    const eligible = trimmed.length >= 2 && TERM_LIKE.test(trimmed) && !COMMON_WORDS.has(trimmed.toLowerCase());
    return eligible ? { kind: 'symbol', key: trimmed } : undefined;
  }
  const tokens = tokenize(trimmed);
  const words = tokens.filter((t) => t.isWord).map((t) => t.lower);
  if (words.length === 0) {
    return undefined;
  }
  if (tokens.length === 1) {
    // A lone word wrapped in separators ("-GAN-"): judge it as the word.
    return termOf(tokens[0].text, isTitle);
  }
  const ordinary = words.every((w) => COMMON_WORDS.has(w));
  if (ordinary && !isTitle && words.length < 3) {
    return undefined;
  }
  const lower = tokens.map((t) => t.lower);
  return { kind: 'phrase', key: lower.join(' '), tokens: lower };
}

interface Claim {
  readonly term: Term;
  /** Concept id to whether the term is that concept's title. */
  readonly claimants: Map<string, boolean>;
}

export function buildLookupTable(concepts: readonly LookupConcept[], onClash?: (clash: AliasClash) => void): LookupTable {
  const claims = new Map<string, Claim>();
  for (const concept of concepts) {
    const names: [string, boolean][] = [[concept.title, true], ...concept.aliases.map((a): [string, boolean] => [a, false])];
    for (const [name, isTitle] of names) {
      const term = termOf(name, isTitle);
      if (!term) {
        continue;
      }
      const mapKey = `${term.kind}:${term.key}`;
      const claim = claims.get(mapKey) ?? { term, claimants: new Map<string, boolean>() };
      claim.claimants.set(concept.id, (claim.claimants.get(concept.id) ?? false) || isTitle);
      claims.set(mapKey, claim);
    }
  }

  const symbols: [string, string][] = [];
  const phrases = new Map<string, PhraseEntry[]>();
  for (const { term, claimants } of claims.values()) {
    const ids = [...claimants.keys()].sort(byCodeUnits);
    const chosen = ids.find((id) => claimants.get(id)) ?? ids[0];
    if (ids.length > 1) {
      onClash?.({ term: term.key, conceptIds: ids, chosen });
    }
    if (term.kind === 'symbol') {
      symbols.push([term.key, chosen]);
    } else {
      const list = phrases.get(term.tokens[0]) ?? [];
      list.push({ conceptId: chosen, tokens: term.tokens });
      phrases.set(term.tokens[0], list);
    }
  }
  // Object.fromEntries defines own properties, so even a "__proto__" alias stays plain data.
  return { version: 1, symbols: Object.fromEntries(symbols), phrases: Object.fromEntries(phrases) };
}

// Not localeCompare: the choice must not depend on the machine's locale.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** dist/lookup.json as written by build-content, or undefined for a damaged or older file. */
export function parseLookupTable(text: string): LookupTable | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const d = data as Partial<Record<keyof LookupTable, unknown>> | null;
  if (!isRecord(d) || d.version !== 1 || !isRecord(d.symbols) || !isRecord(d.phrases)) {
    return undefined;
  }
  const symbolsOk = Object.values(d.symbols).every((id) => typeof id === 'string');
  const phrasesOk = Object.values(d.phrases).every(
    (list) =>
      Array.isArray(list) &&
      list.every(
        (e: unknown) =>
          isRecord(e) && typeof e.conceptId === 'string' && Array.isArray(e.tokens) && e.tokens.length > 0 && e.tokens.every((t) => typeof t === 'string'),
      ),
  );
  return symbolsOk && phrasesOk ? (d as unknown as LookupTable) : undefined;
}
