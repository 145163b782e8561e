// Which note files an import writes. A note never goes over another: a question without a local
// note gets `<id>.md`; one whose local note says something else gets the incoming text beside it,
// as `<id>.imported-<date>.md` (then `-2`, `-3`... if that name is taken by other text). Pure but
// for the injected reads, so it is unit-tested without a file system.

export interface NoteWrite {
  readonly id: string;
  /** File name in the notes folder. */
  readonly name: string;
  readonly text: string;
  /** True when it is saved beside a local note that differs. */
  readonly beside: boolean;
}

const MAX_NAME = 255;

/**
 * `read(name)` gives the text of a file in the notes folder, or undefined when there is none.
 * Notes whose text is already there (as the note or as an earlier import beside it) are skipped.
 */
export async function planNotes(
  incoming: Readonly<Record<string, string>>,
  read: (name: string) => Promise<string | undefined>,
  date: string,
): Promise<NoteWrite[]> {
  const writes: NoteWrite[] = [];
  const planned = new Set<string>();
  for (const [id, text] of Object.entries(incoming)) {
    const own = `${id}.md`;
    const local = await read(own);
    if (local === undefined && !planned.has(own)) {
      writes.push({ id, name: own, text, beside: false });
      planned.add(own);
      continue;
    }
    if (local === text) {
      continue;
    }
    for (let n = 1; ; n++) {
      const name = besideName(id, date, n);
      if (planned.has(name)) {
        continue;
      }
      const there = await read(name);
      if (there === text) {
        break;
      }
      if (there === undefined) {
        writes.push({ id, name, text, beside: true });
        planned.add(name);
        break;
      }
    }
  }
  return writes;
}

/** `<id>.imported-<date>.md`, then `-2`...; the id is shortened if the name would pass 255 characters. */
export function besideName(id: string, date: string, n = 1): string {
  const suffix = `.imported-${date}${n > 1 ? `-${n}` : ''}.md`;
  return `${id.slice(0, Math.max(1, MAX_NAME - suffix.length))}${suffix}`;
}
