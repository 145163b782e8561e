import { Emitter, type Event } from '../util/event';
import type { Catalog } from './catalog';

/**
 * The catalog in use: the shipped one, merged with the user's content folders when they change.
 * Consumers read `current` when they need it instead of keeping a Catalog.
 */
export class CatalogSource {
  private readonly changeEmitter = new Emitter<Catalog>();
  readonly onDidChange: Event<Catalog> = this.changeEmitter.event;

  constructor(private value: Catalog) {}

  get current(): Catalog {
    return this.value;
  }

  set(catalog: Catalog): void {
    this.value = catalog;
    this.changeEmitter.fire(catalog);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
