import { parseArxivId } from '../arxiv';
import { toBibtex } from '../reading-list/export-bibtex';
import { toRis } from '../reading-list/export-ris';
import type { ReadingListEntry } from '../reading-list/reading-list-entry';
import type { CompanionStore } from '../store/companion-store';
import { StoreError } from '../store/store-error';
import type { ZoteroSaveOutcome } from './connector-client';
import { zoteroItem, type ZoteroConnectorItem, type ZoteroPaper } from './zotero-item';

/** A paper to cite or save: its reading-list entry (or one made from its digest) and what the corpus says. */
export type CitablePaper = ZoteroPaper & { entry: ReadingListEntry };

/** The citation files offered when a paper could not go to Zotero: BibTeX to copy, RIS to download. */
export interface CitationFallback {
  bibtex: string;
  ris: { filename: string; mimeType: string; text: string };
}

/** The answer to a save: Zotero's outcome, or the permission it lacked, and the citations when nothing was saved. */
export type ZoteroSaveAnswer = { status: 'saved'; items: number } | ((Exclude<ZoteroSaveOutcome, { status: 'saved' }> | { status: 'permission-needed' }) & { fallback: CitationFallback });

/** What the background hands the save to: it checks the host permission and speaks to Zotero. */
export type ZoteroSender = (items: ZoteroConnectorItem[]) => Promise<ZoteroSaveOutcome | { status: 'permission-needed' }>;

/**
 * The papers behind reading-list keys, in the order given: a saved entry with its tags, or for a
 * paper not saved (`arxiv:<id>` from a card or a search result) an entry made from its digest.
 * @throws StoreError `not-found` when none of the keys names a paper the extension knows.
 */
export async function citablePapers(store: CompanionStore, keys: readonly string[]): Promise<CitablePaper[]> {
  const papers: CitablePaper[] = [];
  for (const key of new Set(keys)) {
    const saved = await store.readingList.get(key);
    const arxivId = saved?.arxivId ?? (key.startsWith('arxiv:') ? (parseArxivId(key.slice('arxiv:'.length))?.id ?? null) : null);
    const known = arxivId ? await store.papers.paper(arxivId).catch(() => null) : null;
    const entry = saved ?? (known && entryFromDigest(key, known.digest));
    if (entry) papers.push({ entry, digest: known?.digest ?? null, placements: known?.placements ?? [] });
  }
  if (papers.length === 0) throw new StoreError('not-found', 'no such paper in the reading list or the digests');
  return papers;
}

/**
 * Saves papers to Zotero with their digests as notes, through `send`; when they do not get there,
 * the answer carries their BibTeX and RIS so the UI can offer them at once.
 */
export async function saveZoteroPapers(store: CompanionStore, keys: readonly string[], send: ZoteroSender): Promise<ZoteroSaveAnswer> {
  const papers = await citablePapers(store, keys);
  const outcome = await send(papers.map((paper, i) => zoteroItem(paper, `item-${i + 1}`)));
  if (outcome.status === 'saved') return outcome;
  const entries = papers.map((paper) => paper.entry);
  const name = entries.length === 1 && entries[0]!.arxivId ? entries[0]!.arxivId.replace('/', '-') : 'papers';
  return { ...outcome, fallback: { bibtex: toBibtex(entries), ris: { filename: `${name}.ris`, mimeType: 'application/x-research-info-systems', text: toRis(entries) } } };
}

function entryFromDigest(key: string, digest: NonNullable<ZoteroPaper['digest']>): ReadingListEntry {
  return {
    key,
    arxivId: digest.arxivId,
    version: digest.version,
    title: digest.title,
    authors: digest.authors,
    url: null,
    source: 'popup',
    // Only a paper without an id falls back to the save date for its year, and this one has an id.
    savedAt: 0,
    updatedAt: 0,
    status: 'to-read',
    note: '',
    tags: [],
  };
}
