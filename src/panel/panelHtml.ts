import { randomBytes } from 'node:crypto';
import type { PanelState } from '../shared/protocol';
import { escapeHtml } from './entryHtml';

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

/** The full document for an answer panel; later entries arrive as messages (see protocol.ts). */
export function panelHtml(resources: WebviewResources, title: string, articleHtml: string, state: PanelState, nonce = newNonce()): string {
  const css = resources.asWebviewUri('media/panel.css');
  const script = resources.asWebviewUri('dist/webview.js');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(css)}">
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
