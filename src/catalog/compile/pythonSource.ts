// A line scan of an exercise's Python files: the top-level functions and the hidden test cases.
// Nothing here runs Python; it reads `def` lines at column 0, which is what the content format
// asks for. Linear in the text: each line is looked at a bounded number of times.

export interface PythonDef {
  readonly name: string;
  /** 1-based. */
  readonly line: number;
  /** The text between the parentheses when the signature closes on the def line. */
  readonly params: string | undefined;
  /** The docstring's first line (as Python's `__doc__.strip()` would start), if there is one. */
  readonly docLabel: string | undefined;
}

const DEF = /^def[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(/;
/** The most lines a docstring is searched for its first line or its end. */
const DOC_SCAN_LINES = 40;

export function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Every `def name(` at column 0, in file order. */
export function topLevelDefs(text: string): PythonDef[] {
  const lines = sourceLines(text);
  const defs: PythonDef[] = [];
  lines.forEach((line, i) => {
    const match = DEF.exec(line);
    if (match) {
      defs.push({ name: match[1], line: i + 1, params: paramsOf(line, match[0].length), docLabel: docLabelAfter(lines, i + 1) });
    }
  });
  return defs;
}

/** What the harness shows for a test without a docstring. */
export function derivedLabel(name: string): string {
  return name.replace(/^test_/, '').replace(/_/g, ' ');
}

/** `import solution` or `from solution import ...` at any indentation. */
export function importsModule(text: string, module: string): number | undefined {
  const pattern = new RegExp(`^[ \\t]*(?:import[ \\t]+(?:[A-Za-z_][\\w.]*[ \\t]*,[ \\t]*)*${module}\\b|from[ \\t]+${module}\\b)`);
  const index = sourceLines(text).findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}

/** The parameter list when `)` closes on the same line (no nested parentheses in test signatures). */
function paramsOf(line: string, open: number): string | undefined {
  const close = line.indexOf(')', open);
  return close === -1 ? undefined : line.slice(open, close);
}

const DOC_START = /^[ \t]+(?:[rRuU])?("""|'''|"|')/;

/** Python's `(fn.__doc__ or "").strip().splitlines()[0].strip()`, read from the source. */
function docLabelAfter(lines: readonly string[], from: number): string | undefined {
  // The body starts after the signature; skip blank and comment lines, but not past a few.
  let i = from;
  const limit = Math.min(lines.length, from + DOC_SCAN_LINES);
  while (i < limit && (lines[i].trim() === '' || lines[i].trim().startsWith('#'))) {
    i++;
  }
  if (i >= limit) {
    return undefined;
  }
  const start = DOC_START.exec(lines[i]);
  if (!start) {
    return undefined;
  }
  const quote = start[1];
  const first = lines[i].slice(start[0].length);
  if (quote.length === 1) {
    const end = first.indexOf(quote);
    return end === -1 ? undefined : nonEmpty(first.slice(0, end).trim());
  }
  // A triple-quoted docstring: the first non-blank line of its text, up to the closing quotes.
  const last = Math.min(lines.length, i + DOC_SCAN_LINES);
  for (let j = i; j < last; j++) {
    const text = j === i ? first : lines[j];
    const end = text.indexOf(quote);
    const piece = (end === -1 ? text : text.slice(0, end)).trim();
    if (piece !== '') {
      return piece;
    }
    if (end !== -1) {
      return undefined;
    }
  }
  return undefined;
}

function nonEmpty(text: string): string | undefined {
  return text === '' ? undefined : text;
}
