import matter from 'gray-matter';
import { Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';

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

/**
 * Splits front matter with gray-matter and parses it with `yaml`, which keeps node positions so
 * every problem can name its line. gray-matter's own YAML engine is bypassed for that reason.
 */
export function parseFrontMatter(text: string): ParsedFile {
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const bodyLine = countLines(text.slice(0, text.length - split.content.length)) + 1;
  if (!text.startsWith('---')) {
    return {
      fields: undefined,
      fieldLines: new Map(),
      body: split.content,
      bodyLine,
      errors: [{ line: 1, message: 'missing front matter: the file must start with a line "---"' }],
    };
  }
  const lineCounter = new LineCounter();
  // The matter string starts right after the opening "---", so its line numbers are the file's.
  const doc: Document = parseDocument(split.matter, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const errors = doc.errors.map((e) => ({
    line: lineOf(e.pos[0]),
    message: `front matter is not valid YAML: ${e.message.split('\n')[0]}`,
  }));
  if (errors.length > 0) {
    return { fields: undefined, fieldLines: new Map(), body: split.content, bodyLine, errors };
  }
  const fieldLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        fieldLines.set(String(pair.key.value), lineOf(pair.key.range[0]));
      }
    }
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) {
    return { fields: {}, fieldLines, body: split.content, bodyLine, errors: [] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      fields: undefined,
      fieldLines,
      body: split.content,
      bodyLine,
      errors: [{ line: 2, message: 'front matter must be a set of "field: value" lines' }],
    };
  }
  return { fields: value as Record<string, unknown>, fieldLines, body: split.content, bodyLine, errors: [] };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}
