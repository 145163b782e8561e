import { Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';

export interface ParsedFile {
  /** Front-matter fields, or undefined when the YAML could not be read. */
  readonly fields: Record<string, unknown> | undefined;
  /** 1-based line of each top-level key in the file. */
  readonly fieldLines: ReadonlyMap<string, number>;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  readonly errors: readonly { line: number; message: string }[];
}

/** Caps that keep every parse short, whatever a content folder holds. */
export const FILE_LIMIT_CHARS = 1_000_000;
// The shipped content's largest front matter is under 4 KB; yaml needs about 20 ms per 8 KB of keys, warm.
export const FRONT_MATTER_LIMIT_CHARS = 8 * 1024;

const FENCE = '---';

/**
 * Splits the front matter with our own line scan and parses it with `yaml` alone, core schema,
 * no custom tags. Generic front-matter libraries choose a parse engine from the text after the
 * opening dashes (`---js` runs JavaScript), so nothing but exactly `---` opens front matter here.
 * Every step is linear in the size of the file.
 */
export function parseFrontMatter(raw: string): ParsedFile {
  // Editors on Windows save CRLF and some add a byte-order mark; neither changes line numbers.
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.length > FILE_LIMIT_CHARS) {
    return failed('', 1, [{ line: 1, message: `file is too large: ${text.length.toLocaleString('en-US')} characters, at most ${FILE_LIMIT_CHARS.toLocaleString('en-US')}` }]);
  }
  const firstEnd = lineEnd(text, 0);
  const firstLine = text.slice(0, firstEnd);
  if (!firstLine.startsWith(FENCE)) {
    return failed(text, 1, [{ line: 1, message: 'missing front matter: the file must start with a line "---"' }]);
  }
  if (firstLine.trimEnd() !== FENCE) {
    return failed(text, 1, [{ line: 1, message: `front matter must start with a line of exactly three dashes, not ${JSON.stringify(firstLine.slice(0, 40))}` }]);
  }
  // Find the closing fence line by line.
  let line = 2;
  let start = firstEnd + 1;
  let close = -1;
  while (start <= text.length) {
    const end = lineEnd(text, start);
    if (text.slice(start, end).trimEnd() === FENCE) {
      close = start;
      break;
    }
    if (start - firstEnd > FRONT_MATTER_LIMIT_CHARS) {
      break;
    }
    start = end + 1;
    line++;
  }
  const matterText = close === -1 ? '' : text.slice(firstEnd + 1, close);
  if (close === -1 || matterText.length > FRONT_MATTER_LIMIT_CHARS) {
    const message =
      start - firstEnd > FRONT_MATTER_LIMIT_CHARS || matterText.length > FRONT_MATTER_LIMIT_CHARS
        ? `front matter is too large: at most ${FRONT_MATTER_LIMIT_CHARS.toLocaleString('en-US')} characters`
        : 'front matter is not closed: add a line "---" after the fields';
    return failed(text, 1, [{ line: 1, message }]);
  }
  const bodyStart = Math.min(text.length, lineEnd(text, close) + 1);
  return parseFields(matterText, text.slice(bodyStart), line + 1);
}

function parseFields(matterText: string, body: string, bodyLine: number): ParsedFile {
  const lineCounter = new LineCounter();
  // `uniqueKeys: false`: yaml's own duplicate check compares every pair of keys; ours is linear.
  // Offsets are relative to the line after the opening fence, hence the +1.
  const doc: Document = parseDocument(matterText, { lineCounter, schema: 'core', customTags: [], uniqueKeys: false, merge: false });
  // An error at the very end (an unclosed bracket) is shown on the last line of the front matter.
  const lastLine = Math.max(2, bodyLine - 2);
  const lineOf = (offset: number) => Math.min(lastLine, lineCounter.linePos(offset).line + 1);
  const errors = doc.errors.map((e) => ({ line: lineOf(e.pos[0]), message: `front matter is not valid YAML: ${e.message.split('\n')[0]}` }));
  errors.push(...duplicateKeys(doc, lineOf));
  if (errors.length > 0) {
    return { fields: undefined, fieldLines: new Map(), body, bodyLine, errors };
  }
  const fieldLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        fieldLines.set(String(pair.key.value), lineOf(pair.key.range[0]));
      }
    }
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb, for one: yaml throws rather than reports.
    return { fields: undefined, fieldLines, body, bodyLine, errors: [{ line: 1, message: `front matter could not be read: ${(e as Error).message}` }] };
  }
  if (value === null || value === undefined) {
    return { fields: {}, fieldLines, body, bodyLine, errors: [] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { fields: undefined, fieldLines, body, bodyLine, errors: [{ line: 2, message: 'front matter must be a set of "field: value" lines' }] };
  }
  return { fields: value as Record<string, unknown>, fieldLines, body, bodyLine, errors: [] };
}

/** One Set per map: linear in the number of keys. */
function duplicateKeys(doc: Document, lineOf: (offset: number) => number): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) {
          continue;
        }
        const key = String(pair.key.value);
        if (seen.has(key)) {
          found.push({ line: pair.key.range ? lineOf(pair.key.range[0]) : 1, message: `field "${key}" is given twice` });
        }
        seen.add(key);
      }
    },
  });
  return found;
}

/**
 * parseFrontMatter, with every problem passed to `report` by line. Undefined when the fields
 * could not be read; then the problems say why.
 */
export function parseReported(raw: string, report: (line: number, message: string) => void): (ParsedFile & { readonly fields: Record<string, unknown> }) | undefined {
  let parsed: ParsedFile;
  try {
    parsed = parseFrontMatter(raw);
  } catch (e) {
    // yaml throws rather than reports on some hostile input (an alias bomb, for one).
    report(1, `front matter could not be read: ${(e as Error).message}`);
    return undefined;
  }
  parsed.errors.forEach((e) => report(e.line, e.message));
  const fields = parsed.fields;
  return fields ? { ...parsed, fields } : undefined;
}

function failed(body: string, bodyLine: number, errors: { line: number; message: string }[]): ParsedFile {
  return { fields: undefined, fieldLines: new Map(), body, bodyLine, errors };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}
