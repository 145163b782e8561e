import katexPlugin from '@vscode/markdown-it-katex';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import { AnchorMaker } from '../search/searchDocs';

// Only the languages answers use, so the bundle stays small.
const LANGUAGES = { python, bash, json, javascript, typescript, sql, yaml };
const ALIASES: Record<string, string> = { py: 'python', sh: 'bash', shell: 'bash', js: 'javascript', ts: 'typescript', yml: 'yaml' };

/**
 * Markdown to inert HTML: raw HTML is escaped, dangerous link schemes are dropped by markdown-it's
 * validateLink, and math is rendered as MathML so the strict CSP needs no inline styles.
 */
export class MarkdownRenderer {
  private readonly md: MarkdownIt.MarkdownIt;
  /** What is left of this render's highlighting budget (see highlightCost). */
  private budget = HIGHLIGHT_BUDGET;

  constructor() {
    for (const [name, lang] of Object.entries(LANGUAGES)) {
      hljs.registerLanguage(name, lang);
    }
    this.md = new MarkdownIt({
      html: false,
      linkify: true,
      typographer: false,
      highlight: (code, info) => this.highlightWithinBudget(code, info),
    });
    this.md.use(katexPlugin, { output: 'mathml', throwOnError: false, enableFencedBlocks: true, trust: false, maxExpand: 500 });
    // `##`/`###` headings get the anchors search hits point at (`s-<slug>`, as searchDocs makes them).
    this.md.core.ruler.push('section_anchors', (state) => {
      const anchors = new AnchorMaker();
      state.tokens.forEach((token, i) => {
        if (token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3')) {
          token.attrSet('id', `s-${anchors.next(state.tokens[i + 1]?.content ?? '')}`);
        }
      });
    });
    // No remote loads: an image is shown as its alt text, never fetched.
    this.md.renderer.rules.image = (tokens, idx) => `<span class="image-alt">[image: ${this.md.utils.escapeHtml(tokens[idx].content)}]</span>`;
    const validateLink = this.md.validateLink.bind(this.md);
    // Allow only links the panel knows how to follow: web pages and other entries.
    this.md.validateLink = (url: string) => validateLink(url) && /^(https?:|mlprep:|#)/i.test(url.trim());
  }

  render(markdown: string): string {
    this.budget = HIGHLIGHT_BUDGET;
    return this.md.render(markdown);
  }

  private highlightWithinBudget(code: string, info: string): string {
    const cost = highlightCost(code);
    if (cost === undefined || cost > this.budget) {
      // Empty: markdown-it escapes the code itself, shown plain.
      return '';
    }
    this.budget -= cost;
    return highlight(code, info);
  }

  /** One line of Markdown without a paragraph around it (one-liners, key points, sources). */
  renderInline(markdown: string): string {
    return this.md.renderInline(markdown);
  }
}

/**
 * highlight.js takes time quadratic in a line's length on some input (a comment of spaces), so a
 * block past these limits is shown plain, and one render highlights at most HIGHLIGHT_BUDGET of
 * summed squared line lengths (about 30 ms of worst-case input on this project's 2-core machine).
 */
export const HIGHLIGHT_LIMIT_CHARS = 20_000;
export const HIGHLIGHT_LINE_LIMIT_CHARS = 500;
export const HIGHLIGHT_BUDGET = 6_000_000;

/** Sum of squared line lengths, or undefined past the per-block limits. */
export function highlightCost(code: string): number | undefined {
  if (code.length > HIGHLIGHT_LIMIT_CHARS) {
    return undefined;
  }
  let cost = 0;
  for (let start = 0; start < code.length; ) {
    const end = code.indexOf('\n', start);
    const stop = end === -1 ? code.length : end;
    const length = stop - start;
    if (length > HIGHLIGHT_LINE_LIMIT_CHARS) {
      return undefined;
    }
    cost += length * length;
    start = stop + 1;
  }
  return cost;
}

function highlight(code: string, info: string): string {
  const lang = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const name = ALIASES[lang] ?? lang;
  if (name && hljs.getLanguage(name)) {
    try {
      return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
    } catch {
      // Fall through to markdown-it's own escaping.
    }
  }
  return '';
}
