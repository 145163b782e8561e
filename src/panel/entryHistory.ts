import type { HistorySnapshot } from '../shared/protocol';

export const HISTORY_LIMIT = 50;

/**
 * Back/forward history of one answer panel, like a browser tab's: visiting an entry clears what
 * was ahead; each side keeps at most `limit` entries so the saved webview state stays small.
 */
export class EntryHistory {
  private back: string[] = [];
  private forward: string[] = [];

  constructor(
    private currentId = '',
    private readonly limit = HISTORY_LIMIT,
  ) {}

  /** Rebuilds a history from a saved snapshot; anything malformed in it is dropped. */
  static restore(current: string, saved: unknown, limit = HISTORY_LIMIT): EntryHistory {
    const history = new EntryHistory(current, limit);
    if (typeof saved === 'object' && saved !== null) {
      const { back, forward } = saved as Record<string, unknown>;
      history.back = ids(back).slice(-limit);
      history.forward = ids(forward).slice(0, limit);
    }
    return history;
  }

  get current(): string {
    return this.currentId;
  }

  get canGoBack(): boolean {
    return this.back.length > 0;
  }

  get canGoForward(): boolean {
    return this.forward.length > 0;
  }

  /** The entry Back would show, if any. */
  get previous(): string | undefined {
    return this.back.at(-1);
  }

  /** The entry Forward would show, if any. */
  get next(): string | undefined {
    return this.forward[0];
  }

  /** Shows `id` as a new step; showing the current entry again changes nothing. */
  visit(id: string): void {
    if (id === this.currentId) {
      return;
    }
    if (this.currentId) {
      this.back.push(this.currentId);
      if (this.back.length > this.limit) {
        this.back.shift();
      }
    }
    this.forward = [];
    this.currentId = id;
  }

  /**
   * Steps back to the nearest entry for which `exists` holds (entries can leave the catalog),
   * dropping those that do not; returns it, or undefined when there is none (nothing changes).
   */
  goBack(exists: (id: string) => boolean = () => true): string | undefined {
    return this.step(this.back, this.forward, exists, (list) => list.pop(), (list, id) => list.unshift(id));
  }

  /** Steps forward, as goBack does backward. */
  goForward(exists: (id: string) => boolean = () => true): string | undefined {
    return this.step(this.forward, this.back, exists, (list) => list.shift(), (list, id) => list.push(id));
  }

  snapshot(): HistorySnapshot {
    return { back: [...this.back], forward: [...this.forward] };
  }

  private step(
    from: string[],
    to: string[],
    exists: (id: string) => boolean,
    take: (list: string[]) => string | undefined,
    put: (list: string[], id: string) => void,
  ): string | undefined {
    const kept = from.filter(exists);
    if (kept.length === 0) {
      return undefined;
    }
    from.splice(0, from.length, ...kept);
    const id = take(from)!;
    if (this.currentId) {
      put(to, this.currentId);
      if (to.length > this.limit) {
        // The far end of the other side goes: back loses its oldest, forward its farthest.
        if (to === this.back) {
          to.shift();
        } else {
          to.pop();
        }
      }
    }
    this.currentId = id;
    return id;
  }
}

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 240) : [];
}
