import { randomBytes } from 'node:crypto';
import type { PanelState } from '../shared/protocol';
import { escapeHtml } from '../util/html';

/** The two things a webview offers that the HTML needs; vscode.Webview satisfies it via an adapter. */
export interface WebviewResources {
  readonly cspSource: string;
  /** URI string for a file inside the extension, by path relative to its root. */
  asWebviewUri(relativePath: string): string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export const newNonce = (): string => randomBytes(18).toString('base64url');

export interface PanelAssets {
  /** Extension-relative script path; defaults to the answer panel's. */
  readonly script?: string;
  /** Extra extension-relative style sheets after media/panel.css. */
  readonly styles?: readonly string[];
}

/** The full document for a panel; later content arrives as messages (see protocol.ts). */
export function panelHtml(
  resources: WebviewResources,
  title: string,
  articleHtml: string,
  state: PanelState,
  nonce = newNonce(),
  assets: PanelAssets = {},
): string {
  const styles = ['media/panel.css', ...(assets.styles ?? [])]
    .map((p) => `<link rel="stylesheet" href="${escapeHtml(resources.asWebviewUri(p))}">`)
    .join('\n');
  const script = resources.asWebviewUri(assets.script ?? 'dist/webview.js');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="entry" aria-labelledby="entry-title" data-state="${escapeHtml(JSON.stringify(state))}">
${articleHtml}
</main>
<script nonce="${nonce}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
}
