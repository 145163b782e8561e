import type { CatalogSource } from '../catalog/catalogSource';
import { conceptDocs, questionDocs, SearchIndex } from './searchIndex';

/** The two search indexes, built on first search (not at activation) and again after a catalog change. */
export class SearchIndexes {
  private concepts: SearchIndex | undefined;
  private everything: SearchIndex | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly source: CatalogSource) {
    this.subscription = source.onDidChange(() => {
      this.concepts = undefined;
      this.everything = undefined;
    });
  }

  conceptIndex(): SearchIndex {
    return (this.concepts ??= new SearchIndex(conceptDocs(this.source.current)));
  }

  everythingIndex(): SearchIndex {
    return (this.everything ??= new SearchIndex([...conceptDocs(this.source.current), ...questionDocs(this.source.current)]));
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
