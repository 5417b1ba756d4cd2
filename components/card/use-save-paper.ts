import type { BackgroundClient } from '../../lib/messages/background-client';
import type { PageLookup } from '../../lib/messages/protocol';
import { paperToSave, type PageFacts } from '../../lib/reading-list/paper-to-save';
import type { SavePaper } from '../../lib/reading-list/reading-list-entry';

/**
 * Saving the looked-up paper to the reading list, the same from the card, the popup and the side
 * panel: the corpus's title and authors when it knows the paper, else what the page says.
 * @returns The click handler a `SaveButton` takes; it throws what the background answered.
 */
export function useSavePaper(client: BackgroundClient, lookup: PageLookup, page: PageFacts, source: SavePaper['source']): () => Promise<void> {
  return async () => {
    const paper = paperToSave(lookup, page, source);
    if (paper) await client.call({ type: 'readingList.save', paper });
  };
}
