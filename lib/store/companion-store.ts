import { arxivRefFromUrl, parseArxivId, parseArxivLink, type ArxivRef } from '../arxiv';
import { knowsPaper, taxonomyPlacement, validateCorpus, type Corpus, type CorpusTaxonomyEntry, type LookupResult, type TaxonomyPlacement } from '../corpus';
import * as v from 'valibot';
import { SettingsSchema, type CompanionApi, type PageLookup, type PageMeta, type RequestContext, type ResponseMap, type Settings, type TaxonomyNodeView } from '../messages/protocol';
import { readingListKey } from '../reading-list/entry-key';
import { searchIndex, type SearchIndex } from '../search';
import { TitleIndex } from '../titles';
import type { CompanionDatabase, StoredTaxonomyNode, TitleRow } from './database';
import { ImportStore } from './import-store';
import { cachedSearchIndex } from './search-index-cache';
import { ReadingListStore } from './reading-list-store';
import { corpusState, seedCorpus } from './seed-corpus';
import { StoreError, toStoreError } from './store-error';

/** Where the bundled corpus comes from: in the extension, `corpus-version.json` and `corpus.json`. */
export interface CorpusSource {
  /** The hash of the bundled corpus, read cheaply on every start. */
  hash(): Promise<string>;
  /** The whole corpus, read only when the database must be seeded. */
  load(): Promise<unknown>;
}

/**
 * The background's store: the database, seeded from the bundled corpus, behind the message API.
 *
 * Every call first makes sure the corpus tables hold the bundled corpus whole (seeding it when
 * they do not), so it works from a cold service worker, after an update, and after a seed that
 * was cut short. In-memory state (the search index, the title index) is only a cache of the
 * database and is rebuilt when a new worker starts.
 */
export class CompanionStore implements CompanionApi {
  readonly readingList: ReadingListStore;
  readonly imports: ImportStore;
  private ready: Promise<string> | null = null;
  private index: Promise<SearchIndex> | null = null;
  private titles: Promise<TitleIndex<TitleRow>> | null = null;

  constructor(
    private readonly db: CompanionDatabase,
    private readonly source: CorpusSource,
    private readonly hooks: {
      /** Opens the side panel in a tab on a taxonomy node; false when the browser would not (no user gesture). */
      openSidePanel?: (tabId: number | undefined, nodeId: string) => Promise<boolean>;
    } = {},
  ) {
    this.readingList = new ReadingListStore(db);
    this.imports = new ImportStore(db);
  }

  /**
   * Resolves with the corpus hash once the database holds the bundled corpus whole.
   * A failure is not cached: the next call tries again.
   */
  ensureCorpus(): Promise<string> {
    this.ready ??= this.seedIfNeeded().catch((error: unknown) => {
      this.ready = null;
      throw toStoreError(error);
    });
    return this.ready;
  }

  private async seedIfNeeded(): Promise<string> {
    const hash = await this.source.hash();
    const state = await this.withReopen(() => corpusState(this.db));
    if (state?.complete && state.hash === hash) return hash;
    const checked = validateCorpus(await this.source.load());
    if (!checked.ok) throw new StoreError('corpus-invalid', checked.issues.slice(0, 3).join('; '));
    if (checked.corpus.hash !== hash) throw new StoreError('corpus-invalid', 'corpus.json and its version file disagree');
    this.index = null;
    this.titles = null;
    await this.withReopen(() => seedCorpus(this.db, checked.corpus as Corpus));
    return hash;
  }

  /**
   * Runs a database call, reopening the database once if it was closed under us: the browser may
   * close an idle service worker's connection, and Dexie then throws `DatabaseClosedError`.
   */
  async withReopen<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if ((error as { name?: string })?.name !== 'DatabaseClosedError') throw error;
      await this.db.open();
      return operation();
    }
  }

  /** A database call that needs the corpus whole; it gets the corpus hash. */
  private async corpusCall<T>(operation: (hash: string) => Promise<T>): Promise<T> {
    const hash = await this.ensureCorpus();
    return this.withReopen(() => operation(hash));
  }

  /** Recognises the paper on a page by its URL, its citation metadata, its links or its title. */
  async lookupPage({ url, title, meta }: { url: string; title?: string; meta?: PageMeta }): Promise<PageLookup> {
    return this.corpusCall(async (hash) => {
      const byUrl = arxivRefFromUrl(url);
      const byMeta = parseArxivId(meta?.citationArxivId ?? '') ?? (meta?.citationPdfUrl ? arxivRefFromUrl(meta.citationPdfUrl) : null);
      const byLink = soleRef(meta?.arxivLinks ?? []);
      const ref = byUrl ?? byMeta ?? byLink;
      const matchedBy = byUrl ? 'url' : byMeta ? 'meta' : byLink ? 'link' : null;
      const pageTitle = meta?.citationTitle ?? title ?? '';

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
        saved: savedKey ? (await this.readingList.get(savedKey)) !== undefined : false,
      };
    });
  }

  /** The digest and placements of one paper. */
  async getPaper({ arxivId }: { arxivId: string }): Promise<ResponseMap['getPaper']> {
    return this.corpusCall(async () => {
      const ref = parseArxivId(arxivId);
      const result = ref ? await this.byId(ref.id) : null;
      if (!result?.digest) throw new StoreError('not-found', `no digest for ${arxivId}`);
      return { ...result, digest: result.digest };
    });
  }

  /** Searches the corpus; see `searchIndex` for the ranking. */
  async search({ query, filters, limit }: { query: string; filters: { kind: 'all' | 'paper' | 'entry'; savedOnly: boolean; subtree?: string }; limit: number }): Promise<ResponseMap['search']> {
    const [index, savedKeys] = await Promise.all([this.searchIndex(), this.withReopen(() => this.readingList.keys())]);
    const hits = searchIndex(index, query, { kind: filters.kind, subtree: filters.subtree, savedKeys: filters.savedOnly ? savedKeys : undefined }, limit);
    return {
      hits: hits.map((hit) => ({ ...hit, saved: savedKeys.has(readingListKey(hit) ?? '') })),
    };
  }

  /** A taxonomy node with its ancestors, children and the papers filed under it. */
  async taxonomyNode({ id }: { id: string }): Promise<TaxonomyNodeView> {
    return this.corpusCall(async () => {
      const node = await this.db.taxonomyNodes.get(id);
      if (!node) throw new StoreError('not-found', `no taxonomy node ${id}`);
      const ancestors: StoredTaxonomyNode[] = [];
      for (let parentId = node.parentId; parentId; ) {
        const parent = await this.db.taxonomyNodes.get(parentId);
        if (!parent || ancestors.includes(parent)) break;
        ancestors.unshift(parent);
        parentId = parent.parentId;
      }
      const children = (await this.db.taxonomyNodes.bulkGet(node.childIds)).filter((child) => child !== undefined);
      const entries = (await this.db.taxonomyEntries.bulkGet(node.entryIds)).filter((entry) => entry !== undefined);
      const imported = await this.imports.importsLinkedTo(entries.map((entry) => entry.id));
      const arxivIdsOf = (entry: CorpusTaxonomyEntry) => [...new Set([...entry.arxivIds, ...imported.filter((paper) => paper.taxonomyEntryIds.includes(entry.id)).map((paper) => paper.arxivId)])];
      const digests = await this.imports.visiblePapers(entries.flatMap(arxivIdsOf));
      const placements = await this.placements(entries);
      return {
        node,
        ancestors: ancestors.map(({ id, label }) => ({ id, label })),
        children: children.map(({ id, label, kind, subtreeEntryCount }) => ({ id, label, kind, subtreeEntryCount })),
        entries: placements.map((placement, i) => {
          const arxivIds = arxivIdsOf(entries[i]!);
          return { ...placement, arxivIds, summaryZh: arxivIds.map((id) => digests.get(id)?.summaryZh).find(Boolean) ?? null };
        }),
      };
    });
  }

  /** Which of the given papers have a digest, and which are saved. */
  async paperStatus({ arxivIds }: { arxivIds: string[] }): Promise<ResponseMap['paperStatus']> {
    return this.corpusCall(async () => {
      const ids = [...new Set(arxivIds.flatMap((id) => parseArxivId(id)?.id ?? []))];
      const [papers, saved] = await Promise.all([this.imports.visiblePapers(ids), this.readingList.keys()]);
      return { digests: [...papers.keys()], saved: ids.filter((id) => saved.has(readingListKey({ arxivId: id, title: null })!)) };
    });
  }

  /** Remembers the node for the side panel, then asks the browser to open the panel. */
  async openTaxonomyNode({ nodeId }: { nodeId: string }, context: RequestContext): Promise<ResponseMap['openTaxonomyNode']> {
    await this['settings.update']({ patch: { pendingTaxonomyNode: nodeId } });
    return { opened: (await this.hooks.openSidePanel?.(context.tabId, nodeId).catch(() => false)) ?? false };
  }

  /** The user's settings, defaults filled in. */
  async ['settings.get'](): Promise<Settings> {
    const rows = await this.withReopen(() => this.db.settings.toArray());
    const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
    // A value written by an older release that no longer fits its schema falls back to the default.
    const parsed = v.safeParse(SettingsSchema, stored);
    return parsed.success ? parsed.output : v.parse(SettingsSchema, {});
  }

  /** Changes some settings in one transaction and returns them all. */
  async ['settings.update']({ patch }: { patch: Partial<Settings> }): Promise<Settings> {
    await this.withReopen(() =>
      this.db.transaction('rw', this.db.settings, () => this.db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })))),
    ).catch((error: unknown) => {
      throw toStoreError(error);
    });
    return this['settings.get']();
  }

  async ['readingList.list'](): Promise<ResponseMap['readingList.list']> {
    return { entries: await this.withReopen(() => this.readingList.list()) };
  }

  async ['readingList.save']({ paper }: { paper: Parameters<ReadingListStore['save']>[0] }): Promise<ResponseMap['readingList.save']> {
    return this.withReopen(() => this.readingList.save(paper));
  }

  async ['readingList.update']({ key, patch }: { key: string; patch: Parameters<ReadingListStore['update']>[1] }): Promise<ResponseMap['readingList.update']> {
    return { entry: await this.withReopen(() => this.readingList.update(key, patch)) };
  }

  async ['readingList.remove']({ key }: { key: string }): Promise<ResponseMap['readingList.remove']> {
    await this.withReopen(() => this.readingList.remove(key));
    return { removed: true };
  }

  async ['readingList.export']({ format }: { format: 'bibtex' | 'markdown' | 'json' }): Promise<ResponseMap['readingList.export']> {
    return this.withReopen(() => this.readingList.exportAs(format));
  }

  async ['readingList.import']({ text }: { text: string }): Promise<ResponseMap['readingList.import']> {
    return this.withReopen(() => this.readingList.importJson(text));
  }

  /** The top-level areas of the taxonomy, with their entry counts. */
  async taxonomyRoots(): Promise<ResponseMap['taxonomyRoots']> {
    return this.corpusCall(async () => {
      const roots = await this.db.taxonomyNodes.filter((node) => node.parentId === null).toArray();
      return { roots: roots.sort((a, b) => a.line - b.line).map(({ id, label, kind, subtreeEntryCount }) => ({ id, label, kind, subtreeEntryCount })) };
    });
  }

  /**
   * The search index for the current corpus and imports, loaded from its cache in the database:
   * loading the serialised index is faster than rebuilding it (`npm run bench` measures both).
   * Imported papers are laid over it (see `cachedSearchIndex`).
   */
  searchIndex(): Promise<SearchIndex> {
    this.index ??= this.corpusCall((hash) => cachedSearchIndex(this.db, hash)).catch((error: unknown) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  /** Every import, newest first. */
  async ['imports.list'](): Promise<ResponseMap['imports.list']> {
    return { batches: await this.withReopen(() => this.imports.batches()) };
  }

  /** Removes one import with every digest it brought. */
  async ['imports.remove']({ batchId }: { batchId: string }): Promise<ResponseMap['imports.remove']> {
    const removed = await this.withReopen(() => this.imports.remove(batchId));
    await this['imports.changed']();
    return removed;
  }

  /**
   * Forgets what was read from imported digests (the search index, the titles) after an import was
   * added or removed, and starts rebuilding the search index so that the next search is quick.
   */
  ['imports.changed'](): Promise<ResponseMap['imports.changed']> {
    this.index = null;
    this.titles = null;
    void this.searchIndex().catch(() => undefined);
    return Promise.resolve({ ok: true as const });
  }

  private async byId(id: string): Promise<LookupResult> {
    const digest = (await this.imports.visiblePaper(id)) ?? null;
    // Taxonomy entries carry no ids of their own: a digest links an id to them, or a title does.
    const entries = digest ? await this.db.taxonomyEntries.bulkGet(digest.taxonomyEntryIds) : await this.db.taxonomyEntries.where('arxivIds').equals(id).toArray();
    return { arxivId: id, digest, placements: await this.placements(entries.filter((entry) => entry !== undefined)) };
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
    return { arxivId: entries.flatMap((entry) => entry.arxivIds)[0] ?? null, digest: null, placements: await this.placements(entries) };
  }

  private async placements(entries: readonly CorpusTaxonomyEntry[]): Promise<TaxonomyPlacement[]> {
    const nodes = new Map<string, StoredTaxonomyNode>();
    const fetch = async (ids: readonly string[]) => {
      const wanted = ids.filter((id) => !nodes.has(id));
      for (const node of await this.db.taxonomyNodes.bulkGet(wanted)) if (node) nodes.set(node.id, node);
    };
    await fetch(entries.map((entry) => entry.nodeId));
    await fetch(entries.flatMap((entry) => nodes.get(entry.nodeId)?.parentId ?? []));
    await fetch(entries.flatMap((entry) => nodes.get(nodes.get(entry.nodeId)?.parentId ?? '')?.childIds ?? []));
    return entries.map((entry) => taxonomyPlacement(entry, (id) => nodes.get(id)));
  }
}

/** The one paper a page links to, when all its arXiv links name the same paper. */
function soleRef(links: readonly string[]): ArxivRef | null {
  const refs = links.map((link) => parseArxivLink(link)).filter((ref) => ref !== null);
  const ids = new Set(refs.map((ref) => ref.id));
  return ids.size === 1 ? refs[0]! : null;
}

