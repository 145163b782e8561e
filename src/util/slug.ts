/**
 * A heading's anchor: lower-case words joined by hyphens, like GitHub's. The renderer gives each
 * heading this id and search hits point at it, so both must use this one function.
 */
export function slugify(heading: string): string {
  return (
    heading
      .toLowerCase()
      .replace(/[`*_~[\]()]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'section'
  );
}
