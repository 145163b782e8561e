import { escapeHtml } from '../util/html';

/** Back and Forward above the article; each names where it goes. */
export function historyNav(previous: string | undefined, next: string | undefined, titleOf: (id: string) => string): string {
  const button = (action: 'back' | 'forward', target: string | undefined, label: string, key: string) => {
    const where = target ? `${action === 'back' ? 'Back to' : 'Forward to'} ${titleOf(target)} (${key})` : `Nothing to go ${action} to`;
    return `<button type="button" class="secondary" data-action="${action}" aria-keyshortcuts="${key.replace('Left', 'ArrowLeft').replace('Right', 'ArrowRight')}" title="${escapeHtml(where)}"${
      target ? '' : ' disabled'
    }>${label}</button>`;
  };
  return `<nav class="history" aria-label="Panel history">${button('back', previous, '← Back', 'Alt+Left')}${button('forward', next, 'Forward →', 'Alt+Right')}</nav>\n`;
}
