/**
 * Runs tasks one at a time, in the order they were queued, whether or not an earlier one failed.
 * A task's result (or error) goes to its own caller only.
 */
export class SerialQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | PromiseLike<T>): Promise<T> {
    const result = this.last.then(task, task);
    // The chain itself never rejects, so one failed task does not poison the next.
    this.last = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.last.then(() => undefined);
  }
}
