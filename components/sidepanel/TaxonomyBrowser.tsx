import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { TaxonomyNodeView, TaxonomyTreeNode } from '../../lib/messages/protocol';
import { errorText } from '../client';
import { t } from '../i18n';
import { openResult } from '../search/open-result';
import { FilterBox } from './FilterBox';

type Tree = { byId: Map<string, TaxonomyTreeNode>; roots: TaxonomyTreeNode[] };

/**
 * The taxonomy as a tree that opens and closes, with the number of papers under each node. A
 * node's own papers open right under it; a filter box narrows the tree to the nodes whose names
 * match, with the branches that lead to them.
 * @param focusNode A node to open on (from a breadcrumb or a method beside one); its ancestors are expanded.
 */
export function TaxonomyBrowser({ client, focusNode }: { client: BackgroundClient; focusNode: string | null }) {
  const [tree, setTree] = useState<Tree | null>(null);
  const [views, setViews] = useState<Record<string, TaxonomyNodeView>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call({ type: 'taxonomy.tree' }).then(
      ({ nodes }) => setTree({ byId: new Map(nodes.map((node) => [node.id, node])), roots: nodes.filter((node) => node.parentId === null) }),
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [client]);

  const showPapers = async (id: string) => {
    setSelected(id);
    if (views[id]) return;
    try {
      const view = await client.call({ type: 'taxonomy.node', id });
      setViews((now) => ({ ...now, [id]: view }));
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  useEffect(() => {
    if (!focusNode || !tree) return;
    const ancestors: string[] = [];
    for (let id = tree.byId.get(focusNode)?.parentId; id; id = tree.byId.get(id)?.parentId) ancestors.push(id);
    setFilter('');
    setExpanded((now) => new Set([...now, ...ancestors, focusNode]));
    void showPapers(focusNode);
    requestAnimationFrame(() => document.getElementById(`node-${focusNode}`)?.scrollIntoView({ block: 'start' }));
  }, [focusNode, tree]);

  // While filtering: the nodes whose names match, and every node on the way to one.
  const shownByFilter = useMemo(() => (tree && filter.trim() ? matchingBranches(tree, filter) : null), [tree, filter]);

  const toggle = (id: string) => setExpanded((now) => (now.has(id) ? new Set([...now].filter((open) => open !== id)) : new Set([...now, id])));
  const choose = (node: TaxonomyTreeNode) => {
    if (selected === node.id) return setSelected(null);
    if (node.childIds.length > 0 && !expanded.has(node.id)) toggle(node.id);
    void showPapers(node.id);
  };

  const renderNodes = (nodes: readonly TaxonomyTreeNode[]) => (
    <ul role="group">
      {nodes.map((node) => {
        if (shownByFilter && !shownByFilter.visible.has(node.id)) return null;
        const hasChildren = node.childIds.length > 0;
        const open = hasChildren && (shownByFilter ? shownByFilter.open.has(node.id) || expanded.has(node.id) : expanded.has(node.id));
        const view = selected === node.id ? views[node.id] : undefined;
        return (
          <li key={node.id} role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-selected={selected === node.id} id={`node-${node.id}`} data-node-id={node.id}>
            <div class="tree-row">
              {hasChildren ? (
                <button type="button" class="twisty" aria-label={open ? t('collapseNode', node.label) : t('expandNode', node.label)} onClick={() => toggle(node.id)}>
                  {open ? '▾' : '▸'}
                </button>
              ) : (
                <span class="twisty" aria-hidden="true" />
              )}
              <button type="button" class={shownByFilter?.matches.has(node.id) ? 'node-label match' : 'node-label'} aria-current={selected === node.id} onClick={() => choose(node)}>
                {node.label}
              </button>
              <span class="count">{node.subtreeEntryCount === 1 ? t('entryCountOne') : t('entryCount', String(node.subtreeEntryCount))}</span>
            </div>
            {view && <NodePapers view={view} />}
            {open && renderNodes(node.childIds.flatMap((id) => tree!.byId.get(id) ?? []))}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div class="taxonomy">
      <FilterBox value={filter} onChange={setFilter} label={t('filterTreeLabel')} placeholder={t('filterTreePlaceholder')} />
      {shownByFilter && (
        <p class="list-count" role="status">
          {shownByFilter.matches.size === 0 ? t('noNodeMatches', filter.trim()) : t('nodesMatch', String(shownByFilter.matches.size))}
        </p>
      )}
      {error && <p class="error">{t('errorPrefix', error)}</p>}
      {!tree ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <div class="tree" role="tree" aria-label={t('tabTaxonomy')}>
          {renderNodes(tree.roots)}
        </div>
      )}
    </div>
  );
}

/** A node's notes and the papers filed directly under it, shown in place under its row. */
function NodePapers({ view }: { view: TaxonomyNodeView }) {
  if (view.entries.length === 0 && view.node.notes.length === 0) return null;
  return (
    <section class="node-view" aria-label={t('taxonomyPapers')}>
      {view.node.notes.map((note, i) => (
        <p key={i} class="taxonomy-notes">
          {note}
        </p>
      ))}
      {view.entries.length > 0 && (
        <ul class="node-papers">
          {view.entries.map((entry) => (
            <li key={entry.entryId}>
              <button type="button" class="link" onClick={() => void openResult({ arxivId: entry.arxivIds[0] ?? null, title: entry.title ?? entry.method })}>
                {entry.title ?? entry.method}
              </button>
              {entry.title && entry.title !== entry.method && <span class="muted"> ({entry.method})</span>}
              {entry.summaryZh && (
                <p class="summary" lang="zh-CN">
                  {entry.summaryZh}
                </p>
              )}
              {entry.notes.slice(0, 3).map((note, i) => (
                <p key={i} class="taxonomy-notes">
                  {note}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The nodes whose labels hold every word of `filter` (any case, any accents), and the branches down to them. */
function matchingBranches(tree: Tree, filter: string): { matches: Set<string>; visible: Set<string>; open: Set<string> } {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const matches = new Set<string>();
  const open = new Set<string>();
  for (const node of tree.byId.values()) {
    const label = fold(node.label);
    if (!words.every((word) => label.includes(word))) continue;
    matches.add(node.id);
    for (let id = node.parentId; id && !open.has(id); id = tree.byId.get(id)?.parentId ?? null) open.add(id);
  }
  return { matches, visible: new Set([...matches, ...open]), open };
}
