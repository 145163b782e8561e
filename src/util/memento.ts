/** The part of vscode.Memento the stores need, so tests can pass an in-memory one. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}
