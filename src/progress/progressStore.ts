import { Emitter, Event } from '../util/event';
import { WriteQueue } from '../util/writeQueue';
import { emptyProgress, ProgressState, QuestionProgress, readProgress } from './progressSchema';

/** The part of vscode.Memento the store needs, so tests can pass an in-memory one. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const PROGRESS_KEY = 'mlPrep.progress';
export const PROGRESS_BACKUP_KEY = 'mlPrep.progress.backup';

export interface ProgressBackup {
  readonly savedAt: number;
  readonly reason: 'unreadable' | 'reset';
  readonly value: unknown;
}

export interface ProgressChange {
  /** Question ids whose state changed; empty after a reset or reload means "everything". */
  readonly ids: readonly string[];
}

/**
 * Practice marks over globalState. Memory is the source of truth; writes are queued so that
 * quick toggles are stored in order.
 */
export class ProgressStore {
  private state: ProgressState = emptyProgress();
  private readonly changeEmitter = new Emitter<ProgressChange>();
  readonly onDidChange: Event<ProgressChange> = this.changeEmitter.event;

  private readonly writes: WriteQueue;

  constructor(
    private readonly memento: MementoLike,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new WriteQueue(memento, PROGRESS_KEY);
  }

  /**
   * Reads the stored value. When it was damaged, keeps a backup of what was found, stores what
   * could be salvaged and returns the problems so the caller can tell the user once.
   */
  async load(): Promise<readonly string[]> {
    const raw = this.memento.get<unknown>(PROGRESS_KEY);
    const { state, problems, changed } = readProgress(raw);
    this.state = state;
    if (problems.length > 0) {
      await this.memento.update(PROGRESS_BACKUP_KEY, { savedAt: this.now(), reason: 'unreadable', value: raw } satisfies ProgressBackup);
    }
    if (changed) {
      await this.persist();
    }
    this.changeEmitter.fire({ ids: [] });
    return problems;
  }

  /** The whole state, for export. */
  get snapshot(): ProgressState {
    return this.state;
  }

  /** Replaces the whole state (after an import has validated and merged it). */
  async replace(state: ProgressState): Promise<void> {
    this.state = state;
    this.changeEmitter.fire({ ids: [] });
    await this.persist();
  }

  get(id: string): QuestionProgress | undefined {
    return this.state.questions[id];
  }

  isPracticed(id: string): boolean {
    return this.state.questions[id]?.practiced === true;
  }

  countPracticed(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) {
      if (this.isPracticed(id)) {
        n++;
      }
    }
    return n;
  }

  async setPracticed(ids: readonly string[], practiced: boolean): Promise<void> {
    const at = this.now();
    const questions = { ...this.state.questions };
    const changed: string[] = [];
    for (const id of ids) {
      const old = questions[id];
      if ((old?.practiced ?? false) === practiced) {
        continue;
      }
      questions[id] = practiced
        ? { practiced: true, firstPracticedAt: old?.firstPracticedAt ?? at, lastPracticedAt: at }
        : { ...old, practiced: false };
      changed.push(id);
    }
    if (changed.length === 0) {
      return;
    }
    this.state = { ...this.state, questions };
    this.changeEmitter.fire({ ids: changed });
    await this.persist();
  }

  toggle(id: string): Promise<void> {
    return this.setPracticed([id], !this.isPracticed(id));
  }

  /** Clears every mark after keeping the old state as a backup. */
  async reset(): Promise<void> {
    await this.memento.update(PROGRESS_BACKUP_KEY, { savedAt: this.now(), reason: 'reset', value: this.state } satisfies ProgressBackup);
    this.state = emptyProgress();
    this.changeEmitter.fire({ ids: [] });
    await this.persist();
  }

  private persist(): Promise<void> {
    return this.writes.write(this.state);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
