/** A short description of a found value for messages; never echoes more than 40 characters. */
export function describeValue(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (v === undefined) {
    return 'nothing';
  }
  if (Array.isArray(v)) {
    return 'a list';
  }
  if (typeof v === 'string') {
    return `text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v)}`;
  }
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
