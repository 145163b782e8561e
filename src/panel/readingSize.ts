/** What the reading size is chosen from; each is undefined when the setting has no usable value. */
export interface ReadingSizeSettings {
  /** mlPrep.panel.fontSize: 0 means follow the others. */
  readonly own: unknown;
  /** markdown.preview.fontSize, only when the user set it (its built-in default says nothing about them). */
  readonly markdownPreview: unknown;
  readonly editor: unknown;
}

export const MIN_READING_SIZE = 6;
export const MAX_READING_SIZE = 64;
const FALLBACK = 14;

/** The answer panel's text size in pixels: our setting, else the Markdown preview's, else the editor's. */
export function readingSize(settings: ReadingSizeSettings): number {
  for (const value of [settings.own, settings.markdownPreview, settings.editor]) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
      return Math.min(MAX_READING_SIZE, Math.max(MIN_READING_SIZE, value));
    }
  }
  return FALLBACK;
}

/** Settings whose change redraws the reading size. */
export const READING_SIZE_SETTINGS = ['mlPrep.panel.fontSize', 'markdown.preview.fontSize', 'editor.fontSize'] as const;
