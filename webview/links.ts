// Links in panels never navigate the webview: entries open through the host, web pages through
// VS Code's openExternal (which asks the user), in-page anchors scroll.
export type LinkMessage = { readonly type: 'open'; readonly id: string } | { readonly type: 'openExternal'; readonly url: string };

/** Handles a click if it was on a link; returns whether it was. */
export function followLink(event: MouseEvent, post: (message: LinkMessage) => void): boolean {
  const link = (event.target as Element | null)?.closest('a');
  if (!link) {
    return false;
  }
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith('mlprep:')) {
    post({ type: 'open', id: href.slice('mlprep:'.length) });
  } else if (/^https?:/i.test(href)) {
    post({ type: 'openExternal', url: href });
  } else if (href.startsWith('#')) {
    document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
  }
  return true;
}
