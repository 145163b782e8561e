import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { CatalogSource } from '../catalog/catalogSource';
import { Emitter, type Event } from '../util/event';
import type { Logger } from '../util/logger';
import type { SearchDocument } from './searchDocs';
import { SearchEngine, SECTION_OPTIONS } from './searchEngine';

/**
 * The search engine of the current catalog, made on the first search (never at activation) from
 * the index the build wrote: the entries' part at once, the answer sections' part right after,
 * without blocking. Made again after the catalog changes (user content).
 */
export class SearchIndexes {
  private engine: SearchEngine | undefined;
  private readonly sectionsEmitter = new Emitter<void>();
  /** Fires when answer sections become searchable, so an open picker can search again. */
  readonly onDidLoadSections: Event<void> = this.sectionsEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly source: CatalogSource,
    private readonly distDir: string,
    private readonly logger: Logger,
  ) {
    this.subscription = source.onDidChange(() => {
      this.engine = undefined;
    });
  }

  current(): SearchEngine {
    if (this.engine) {
      return this.engine;
    }
    const catalog = this.source.current;
    const heads = this.readIndex('search-heads.json');
    const engine = new SearchEngine(catalog, heads ? { heads } : undefined);
    this.engine = engine;
    if (heads) {
      void this.loadSections(engine);
    }
    return engine;
  }

  private readIndex(name: string): AsPlainObject | undefined {
    try {
      return JSON.parse(readFileSync(join(this.distDir, name), 'utf8')) as AsPlainObject;
    } catch (e) {
      // Built from the catalog instead: slower, never broken.
      this.logger.error(`search: reading ${name}`, e);
      return undefined;
    }
  }

  private async loadSections(engine: SearchEngine): Promise<void> {
    try {
      const text = await readFile(join(this.distDir, 'search-sections.json'), 'utf8');
      const plain = JSON.parse(text) as AsPlainObject;
      const sections = await MiniSearch.loadJSAsync<SearchDocument>(plain, SECTION_OPTIONS);
      engine.attachSections(sections);
      if (this.engine === engine) {
        this.sectionsEmitter.fire();
      }
    } catch (e) {
      this.logger.error('search: loading the answer sections', e);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.sectionsEmitter.dispose();
  }
}
