import { LookupTable, Token, tokenize } from './lookupTable';

export interface TermMatch {
  readonly conceptId: string;
  /** Character offsets within the line, end exclusive: the hover's range. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The concept term at `character` in `line`, or undefined. A cursor just after a term (offset ==
 * end, as when the hover is opened from the keyboard) also finds it.
 *
 * - Code symbols: the dotted name up to and including the part under the cursor, then its dotted
 *   suffixes, longest first, matched exactly. On `LayerNorm` in `torch.nn.LayerNorm` that is
 *   `torch.nn.LayerNorm`, `nn.LayerNorm`, `LayerNorm`; on `torch` it is only `torch`, as a
 *   language server would read it.
 * - Phrases: any sequence of tokens equal to an alias, ignoring case, with spaces and hyphens
 *   alike, that contains the cursor.
 * Matches are whole tokens only, so "GAN" is never found inside "organ". The longer of the two
 * wins; a symbol wins a tie.
 */
export function termAt(table: LookupTable, line: string, character: number): TermMatch | undefined {
  if (!Number.isInteger(character) || character < 0 || character > line.length) {
    return undefined;
  }
  const tokens = tokenize(line);
  // A term found one character back but not here necessarily ends here.
  return matchAt(table, line, tokens, character) ?? (character > 0 ? matchAt(table, line, tokens, character - 1) : undefined);
}

function matchAt(table: LookupTable, line: string, tokens: readonly Token[], c: number): TermMatch | undefined {
  const symbol = symbolAt(table, line, tokens, c);
  const phrase = phraseAt(table, line, tokens, c);
  if (phrase && (!symbol || phrase.end - phrase.start > symbol.end - symbol.start)) {
    return phrase;
  }
  return symbol;
}

const own = (record: object, key: string): boolean => Object.hasOwn(record, key);

function symbolAt(table: LookupTable, line: string, tokens: readonly Token[], c: number): TermMatch | undefined {
  const k = tokens.findIndex((t) => t.start <= c && c < t.end);
  if (k === -1 || !tokens[k].isWord) {
    return undefined;
  }
  // Walk left over `.name` links with nothing in between, to the start of the dotted name.
  let first = k;
  while (first >= 2 && tokens[first - 1].text === '.' && tokens[first - 2].isWord && tokens[first - 2].end === tokens[first - 1].start && tokens[first - 1].end === tokens[first].start) {
    first -= 2;
  }
  const end = tokens[k].end;
  for (let i = first; i <= k; i += 2) {
    const text = line.slice(tokens[i].start, end);
    if (own(table.symbols, text)) {
      return { conceptId: table.symbols[text], start: tokens[i].start, end, text };
    }
  }
  return undefined;
}

function phraseAt(table: LookupTable, line: string, tokens: readonly Token[], c: number): TermMatch | undefined {
  let best: TermMatch | undefined;
  for (let i = 0; i < tokens.length && tokens[i].start <= c; i++) {
    const candidates = own(table.phrases, tokens[i].lower) ? table.phrases[tokens[i].lower] : undefined;
    for (const { conceptId, tokens: words } of candidates ?? []) {
      const last = i + words.length - 1;
      if (last >= tokens.length || tokens[last].end <= c || (best && tokens[last].end - tokens[i].start <= best.end - best.start)) {
        continue;
      }
      if (words.every((w, j) => tokens[i + j].lower === w)) {
        best = { conceptId, start: tokens[i].start, end: tokens[last].end, text: line.slice(tokens[i].start, tokens[last].end) };
      }
    }
  }
  return best;
}
