import type { Disposable } from './event';

/** Owns the disposables it registers and disposes them all, once. */
export abstract class DisposableBase implements Disposable {
  private readonly owned: Disposable[] = [];
  private disposed = false;

  protected register<T extends Disposable>(value: T): T {
    if (this.disposed) {
      value.dispose();
    } else {
      this.owned.push(value);
    }
    return value;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) {
      d.dispose();
    }
  }
}
