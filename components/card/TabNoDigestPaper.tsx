import browser from 'webextension-polyfill';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { PageLookup } from '../../lib/messages/protocol';
import { isArxivPdfUrl } from '../../lib/page/paper-views';
import { cleanPageTitle } from '../../lib/page/read-page-meta';
import { paperToSave } from '../../lib/reading-list/paper-to-save';
import type { SavePaper } from '../../lib/reading-list/reading-list-entry';
import { NoDigestPaper } from './NoDigestPaper';
import { useSavePaper } from './use-save-paper';

/**
 * The no-digest bar for the active tab's paper, in the popup and the side panel: the card's bar,
 * with Save and the way to import digests.
 */
export function TabNoDigestPaper({ client, lookup, tab, source }: { client: BackgroundClient; lookup: PageLookup; tab: { url: string; title: string } | null; source: SavePaper['source'] }) {
  // A PDF tab is titled by its file name or the PDF's own metadata, not by the paper: such a paper
  // is saved under its id until a digest names it.
  const page = { url: tab?.url ?? null, title: isArxivPdfUrl(tab?.url) ? '' : cleanPageTitle(tab?.title ?? '') };
  const save = useSavePaper(client, lookup, page, source);
  return <NoDigestPaper title={paperToSave(lookup, page, source)?.title ?? page.title} saved={lookup.saved} onSave={save} onOpenImport={() => void browser.runtime.openOptionsPage()} />;
}
