import { taxonomyPlacement, type CorpusTaxonomyEntry, type TaxonomyPlacement } from '../corpus';
import type { CorpusGate } from './corpus-gate';
import type { CompanionDatabase, StoredTaxonomyNode } from './database';
import type { ImportStore } from './import-store';
import { StoreError } from './store-error';

/** A node's child, as the tree browser lists it. */
export type TaxonomyChildView = { id: string; label: string; kind: StoredTaxonomyNode['kind']; subtreeEntryCount: number };

/** A node of the whole tree, as the tree browser draws and filters it. */
export type TaxonomyTreeNode = TaxonomyChildView & { parentId: string | null; childIds: string[]; entryCount: number };

/** A taxonomy node with what the tree browser shows around it. */
export interface TaxonomyNodeView {
  node: StoredTaxonomyNode;
  ancestors: { id: string; label: string }[];
  children: TaxonomyChildView[];
  /** The papers filed directly under the node, each with its digest's summary when it has one. */
  entries: (TaxonomyPlacement & { arxivIds: string[]; summaryZh: string | null })[];
}

/** The taxonomy tree as the side panel browses it, bundled and imported papers together. */
export class TaxonomyView {
  constructor(
    private readonly db: CompanionDatabase,
    private readonly corpus: CorpusGate,
    private readonly imports: ImportStore,
  ) {}

  /** A taxonomy node with its ancestors, children and the papers filed under it. */
  node(id: string): Promise<TaxonomyNodeView> {
    return this.corpus.call(async () => {
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
      const placements = await placementsOf(this.db, entries);
      return {
        node,
        ancestors: ancestors.map(({ id, label }) => ({ id, label })),
        children: children.map(childView),
        entries: placements.map((placement, i) => {
          const arxivIds = arxivIdsOf(entries[i]!);
          return { ...placement, arxivIds, summaryZh: arxivIds.map((arxivId) => digests.get(arxivId)?.summaryZh).find(Boolean) ?? null };
        }),
      };
    });
  }

  /**
   * Every node of the tree, in the taxonomy's order, without notes or papers: about a thousand
   * small rows, so that the browser can draw any branch and filter the whole tree without asking again.
   */
  tree(): Promise<{ nodes: TaxonomyTreeNode[] }> {
    return this.corpus.call(async () => {
      const nodes = await this.db.taxonomyNodes.toArray();
      return {
        nodes: nodes.sort((a, b) => a.line - b.line).map((node) => ({ ...childView(node), parentId: node.parentId, childIds: node.childIds, entryCount: node.entryIds.length })),
      };
    });
  }
}

function childView({ id, label, kind, subtreeEntryCount }: StoredTaxonomyNode): TaxonomyChildView {
  return { id, label, kind, subtreeEntryCount };
}

/** Where each entry sits in the tree, with its path and the methods beside it, in three reads. */
export async function placementsOf(db: CompanionDatabase, entries: readonly CorpusTaxonomyEntry[]): Promise<TaxonomyPlacement[]> {
  const nodes = new Map<string, StoredTaxonomyNode>();
  const fetch = async (ids: readonly string[]) => {
    const wanted = ids.filter((id) => !nodes.has(id));
    for (const node of await db.taxonomyNodes.bulkGet(wanted)) if (node) nodes.set(node.id, node);
  };
  await fetch(entries.map((entry) => entry.nodeId));
  await fetch(entries.flatMap((entry) => nodes.get(entry.nodeId)?.parentId ?? []));
  await fetch(entries.flatMap((entry) => nodes.get(nodes.get(entry.nodeId)?.parentId ?? '')?.childIds ?? []));
  return entries.map((entry) => taxonomyPlacement(entry, (id) => nodes.get(id)));
}
