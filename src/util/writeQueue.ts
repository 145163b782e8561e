import type { MementoLike } from '../progress/progressStore';

/** Stores values under one key in the order they were written, even if a write fails. */
export class WriteQueue {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly memento: MementoLike,
    private readonly key: string,
  ) {}

  write(value: unknown): Promise<void> {
    const run = () => this.memento.update(this.key, value);
    this.last = this.last.then(run, run);
    return this.last;
  }
}
