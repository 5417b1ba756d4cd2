import { parseArxivId } from '../arxiv';
import { TitleIndex } from '../titles';
import type { Corpus, CorpusPaper, CorpusTaxonomyEntry, CorpusTaxonomyNode } from './corpus-schema';

/** Taxonomy entries found by any of their titles: an entry may give several. */
export function entriesByTitle<T extends Pick<CorpusTaxonomyEntry, 'titles'>>(entries: readonly T[]): TitleIndex<T> {
  return new TitleIndex(entries.flatMap((entry) => entry.titles.map((title) => [title, entry] as const)));
}

/** Where one paper sits in the taxonomy. */
export interface TaxonomyPlacement {
  entryId: string;
  nodeId: string;
  /** From the top-level area down to the method heading: `['Text-to-Image', …, 'ID-Aligner (image + text)']`. */
  path: string[];
  method: string;
  qualifiers: string[];
  title: string | null;
  notes: string[];
  captions: string[];
  /** Labels of the nodes beside this method's node, in taxonomy order. */
  siblings: string[];
  /** Their node ids, in the same order. */
  siblingIds: string[];
}

/** What the corpus knows about one paper. */
export interface LookupResult {
  arxivId: string | null;
  digest: CorpusPaper | null;
  placements: TaxonomyPlacement[];
}

/** True when the corpus knows the paper: it has a digest, or a place in the taxonomy. */
export function knowsPaper(result: Pick<LookupResult, 'digest' | 'placements'> | null | undefined): boolean {
  return Boolean(result && (result.digest || result.placements.length > 0));
}

/**
 * Answers "what do we know about this paper?" by arXiv id or by title, over a loaded corpus.
 * Titles go through {@link TitleIndex}, so only high-confidence matches count.
 */
export class CorpusLookup {
  private readonly papers = new Map<string, CorpusPaper>();
  private readonly entries = new Map<string, CorpusTaxonomyEntry>();
  private readonly nodes = new Map<string, CorpusTaxonomyNode>();
  private readonly paperTitles: TitleIndex<CorpusPaper>;
  private readonly entryTitles: TitleIndex<CorpusTaxonomyEntry>;

  /** @param corpus A validated corpus (see `validateCorpus`). */
  constructor(corpus: Pick<Corpus, 'papers' | 'taxonomy'>) {
    for (const paper of corpus.papers) this.papers.set(paper.arxivId, paper);
    for (const node of corpus.taxonomy.nodes) this.nodes.set(node.id, node);
    for (const entry of corpus.taxonomy.entries) this.entries.set(entry.id, entry);
    this.paperTitles = new TitleIndex(corpus.papers.map((paper) => [paper.title, paper] as const));
    this.entryTitles = entriesByTitle(corpus.taxonomy.entries);
  }

  /**
   * Looks a paper up by arXiv id, with or without version (`2404.15449v1`, `hep-th/9901001`).
   * @returns The digest and placements; `arxivId` is null only when `id` is no arXiv id.
   */
  byId(id: string): LookupResult {
    const ref = parseArxivId(id);
    if (!ref) return { arxivId: null, digest: null, placements: [] };
    const digest = this.papers.get(ref.id) ?? null;
    // Taxonomy entries carry no ids of their own: only a digest links a paper id to them.
    const placements = (digest?.taxonomyEntryIds ?? []).map((entryId) => this.placement(this.entries.get(entryId)!));
    return { arxivId: ref.id, digest, placements };
  }

  /**
   * Looks a paper up by title: its taxonomy placements, and its digest when a digest has that title.
   * @param title A title as a page prints it.
   */
  byTitle(title: string): LookupResult {
    const digest = this.paperTitles.match(title)[0]?.item ?? null;
    if (digest) return this.byId(digest.arxivId);
    const entries = [...new Set(this.entryTitles.match(title).map((match) => match.item))];
    return {
      arxivId: entries.flatMap((entry) => entry.arxivIds)[0] ?? null,
      digest: null,
      placements: entries.map((entry) => this.placement(entry)),
    };
  }

  private placement(entry: CorpusTaxonomyEntry): TaxonomyPlacement {
    return taxonomyPlacement(entry, (id) => this.nodes.get(id));
  }
}

/**
 * Where a taxonomy entry sits: its path, notes, and the methods beside it.
 * @param nodeById Must know the entry's node, that node's parent, and the parent's children.
 */
export function taxonomyPlacement(
  entry: CorpusTaxonomyEntry,
  nodeById: (id: string) => Pick<CorpusTaxonomyNode, 'parentId' | 'childIds' | 'label'> | undefined,
): TaxonomyPlacement {
  const parentId = nodeById(entry.nodeId)?.parentId;
  const siblingIds = parentId ? (nodeById(parentId)?.childIds ?? []) : [];
  return {
    entryId: entry.id,
    nodeId: entry.nodeId,
    path: entry.path,
    method: entry.method,
    qualifiers: entry.qualifiers,
    title: entry.title,
    notes: entry.notes,
    captions: entry.captions,
    ...siblingsOf(siblingIds.filter((id) => id !== entry.nodeId), nodeById),
  };
}

function siblingsOf(ids: readonly string[], nodeById: (id: string) => Pick<CorpusTaxonomyNode, 'label'> | undefined): Pick<TaxonomyPlacement, 'siblings' | 'siblingIds'> {
  const known = ids.flatMap((id) => {
    const node = nodeById(id);
    return node ? [{ id, label: node.label }] : [];
  });
  return { siblings: known.map((node) => node.label), siblingIds: known.map((node) => node.id) };
}
