import { arxivRefFromUrl, parseArxivId, parseArxivLink, type ArxivRef } from '../arxiv';
import { knowsPaper, type CorpusPaper, type LookupResult } from '../corpus';
import type { PageMeta } from '../page/page-meta';
import { readingListKey } from '../reading-list/entry-key';
import { TitleIndex } from '../titles';
import type { CorpusGate } from './corpus-gate';
import type { CompanionDatabase, TitleRow } from './database';
import type { ImportStore } from './import-store';
import type { ReadingListStore } from './reading-list-store';
import { StoreError } from './store-error';
import { placementsOf } from './taxonomy-view';

/** What a listing page is told of its papers: those with a digest (with what their markers show), and those saved. */
export interface ListingStatus {
  digests: { arxivId: string; title: string; authors: string[]; summary: string }[];
  saved: string[];
}

/** What the background knows about the paper on a page. */
export interface PageLookup extends LookupResult {
  /** How the page was recognised; null when it names no paper the extension can find. */
  matchedBy: 'url' | 'meta' | 'link' | 'title' | null;
  /** The version the page shows, when its URL or metadata says. */
  pageVersion: number | null;
  /** Set when the page shows a newer version than the digest was written from. */
  newerVersion: { page: number; digest: number } | null;
  /** The reading-list key the page's paper is saved under, and whether it is saved. */
  savedKey: string | null;
  saved: boolean;
}

/**
 * Finds papers: the one a page shows (by URL, citation metadata, links or title), one by id, and
 * which of a listing's papers have a digest. Only key reads: no lookup waits for the search index.
 */
export class PaperLookup {
  private titles: Promise<TitleIndex<TitleRow>> | null = null;
  /** Lookups by URL alone that have not answered yet, by URL. */
  private readonly pending = new Map<string, Promise<PageLookup>>();

  constructor(
    private readonly db: CompanionDatabase,
    private readonly corpus: CorpusGate,
    private readonly imports: ImportStore,
    private readonly readingList: ReadingListStore,
  ) {
    corpus.onReseed(() => this.forgetTitles());
    // A lookup that began before a save would answer "not saved": a later ask starts afresh.
    readingList.onChange(() => this.pending.clear());
  }

  /** Drops the title matcher, after the corpus or the imports changed. */
  forgetTitles(): void {
    this.titles = null;
    this.pending.clear();
  }

  /**
   * Recognises the paper on a page by its URL, its citation metadata, its links or its title.
   * Asked twice by URL alone while the first is still reading (the toolbar badge and the page's
   * card both ask as the tab loads, at once when the background has just woken), both get one answer.
   */
  page(request: { url: string; title?: string; meta?: PageMeta }): Promise<PageLookup> {
    if (request.title !== undefined || request.meta !== undefined) return this.lookUpPage(request);
    const pending = this.pending.get(request.url);
    if (pending) return pending;
    const lookup = this.lookUpPage(request).finally(() => {
      if (this.pending.get(request.url) === lookup) this.pending.delete(request.url);
    });
    this.pending.set(request.url, lookup);
    return lookup;
  }

  private lookUpPage({ url, title, meta }: { url: string; title?: string; meta?: PageMeta }): Promise<PageLookup> {
    return this.corpus.call(async (hash) => {
      const byUrl = arxivRefFromUrl(url);
      const byMeta = parseArxivId(meta?.citationArxivId ?? '') ?? (meta?.citationPdfUrl ? arxivRefFromUrl(meta.citationPdfUrl) : null);
      const byLink = soleRef(meta?.arxivLinks ?? []);
      const ref = byUrl ?? byMeta ?? byLink;
      const matchedBy = byUrl ? 'url' : byMeta ? 'meta' : byLink ? 'link' : null;
      const pageTitle = meta?.citationTitle ?? title ?? '';
      // A page that names its paper is saved under that id whatever the lookup finds: read it meanwhile.
      const idKey = ref ? readingListKey({ arxivId: ref.id, title: null }) : null;
      const savedById = this.isSaved(idKey);
      savedById.catch(() => undefined);

      let result: LookupResult = ref ? await this.byId(ref.id) : { arxivId: null, digest: null, placements: [] };
      let how: PageLookup['matchedBy'] = result.digest ? matchedBy : null;
      if (!result.digest && pageTitle) {
        const byTitle = await this.byTitle(pageTitle, hash);
        // A title may not overrule an id the page states: it only adds placements to that paper.
        const agrees = !ref || !byTitle.arxivId || byTitle.arxivId === ref.id;
        if (agrees && knowsPaper(byTitle)) {
          result = ref && !byTitle.digest ? { ...byTitle, arxivId: ref.id } : byTitle;
          how = ref ? matchedBy : 'title';
        }
      }
      if (!knowsPaper(result)) how = null;
      const arxivId = result.arxivId ?? ref?.id ?? null;
      const savedKey = readingListKey({ arxivId, title: result.digest?.title ?? pageTitle });
      const pageVersion = ref?.version ?? null;
      const digestVersion = result.digest?.version ?? null;
      return {
        ...result,
        arxivId,
        matchedBy: how,
        pageVersion,
        newerVersion: pageVersion && digestVersion && pageVersion > digestVersion ? { page: pageVersion, digest: digestVersion } : null,
        savedKey,
        saved: savedKey === idKey ? await savedById : await this.isSaved(savedKey),
      };
    });
  }

  /** The digest and placements of one paper. */
  paper(arxivId: string): Promise<LookupResult & { digest: CorpusPaper }> {
    return this.corpus.call(async () => {
      const ref = parseArxivId(arxivId);
      const result = ref ? await this.byId(ref.id) : null;
      if (!result?.digest) throw new StoreError('not-found', `no digest for ${arxivId}`);
      return { ...result, digest: result.digest };
    });
  }

  /**
   * Which of the given papers have a digest, with what a marker on a listing page shows of each,
   * and which are saved: one answer for a whole listing.
   */
  status(arxivIds: readonly string[]): Promise<ListingStatus> {
    return this.corpus.call(async () => {
      const ids = [...new Set(arxivIds.flatMap((id) => parseArxivId(id)?.id ?? []))];
      const [papers, saved] = await Promise.all([this.imports.visiblePapers(ids), this.readingList.keys()]);
      return {
        digests: [...papers].map(([arxivId, paper]) => ({ arxivId, title: paper.title, authors: paper.authors, summary: paper.summaryZh || paper.takeaways[0] || paper.title })),
        saved: ids.filter((id) => saved.has(readingListKey({ arxivId: id, title: null })!)),
      };
    });
  }

  private async isSaved(key: string | null): Promise<boolean> {
    return key ? (await this.readingList.get(key)) !== undefined : false;
  }

  private async byId(id: string): Promise<LookupResult> {
    const digest = (await this.imports.visiblePaper(id)) ?? null;
    // Taxonomy entries carry no ids of their own: a digest links an id to them, or a title does.
    const entries = digest ? await this.db.taxonomyEntries.bulkGet(digest.taxonomyEntryIds) : await this.db.taxonomyEntries.where('arxivIds').equals(id).toArray();
    return { arxivId: id, digest, placements: await placementsOf(this.db, entries.filter((entry) => entry !== undefined)) };
  }

  private async byTitle(title: string, hash: string): Promise<LookupResult> {
    this.titles ??= Promise.all([this.db.titleIndexes.get(hash), this.imports.titles()]).then(([row, imported]) => {
      const rows: TitleRow[] = [...(row?.titles ?? []), ...imported.map(({ title, arxivId }) => ({ title, arxivId, entryId: null }))];
      return new TitleIndex(rows.map((entry) => [entry.title, entry] as const));
    });
    const matches = (await this.titles).match(title).map((match) => match.item);
    const paper = matches.find((row) => row.arxivId);
    if (paper) return this.byId(paper.arxivId!);
    const entryIds = [...new Set(matches.flatMap((row) => row.entryId ?? []))];
    const entries = (await this.db.taxonomyEntries.bulkGet(entryIds)).filter((entry) => entry !== undefined);
    return { arxivId: entries.flatMap((entry) => entry.arxivIds)[0] ?? null, digest: null, placements: await placementsOf(this.db, entries) };
  }
}

/** The one paper a page links to, when all its arXiv links name the same paper. */
function soleRef(links: readonly string[]): ArxivRef | null {
  const refs = links.map((link) => parseArxivLink(link)).filter((ref) => ref !== null);
  const ids = new Set(refs.map((ref) => ref.id));
  return ids.size === 1 ? refs[0]! : null;
}
