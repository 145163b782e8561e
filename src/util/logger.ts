/** Where caught errors and dropped messages go: the "ML Interview Prep" output channel. */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export class Logger {
  constructor(private readonly sink: LogSink) {}

  info(message: string): void {
    this.sink.info(message);
  }

  warn(message: string): void {
    this.sink.warn(message);
  }

  /** Logs an error with where it happened; never throws. */
  error(where: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.sink.error(`${where}: ${detail}`);
  }

  /** Runs an async handler (or a VS Code Thenable) so that a rejection is logged, never left unhandled. */
  run(where: string, work: () => PromiseLike<unknown> | unknown): void {
    try {
      const result = work();
      if (isThenable(result)) {
        Promise.resolve(result).catch((e: unknown) => this.error(where, e));
      }
    } catch (e) {
      this.error(where, e);
    }
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
