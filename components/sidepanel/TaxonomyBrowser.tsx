import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { TaxonomyNodeView } from '../../lib/messages/protocol';
import { errorText } from '../client';
import { t } from '../i18n';
import { openResult } from '../search/open-result';

type NodeSummary = TaxonomyNodeView['children'][number];

/**
 * The taxonomy as a tree that opens and closes, with the number of papers under each node and the
 * papers filed at the selected one.
 * @param focusNode A node to open on (from a card's breadcrumb); its ancestors are expanded.
 */
export function TaxonomyBrowser({ client, focusNode }: { client: BackgroundClient; focusNode: string | null }) {
  const [roots, setRoots] = useState<NodeSummary[] | null>(null);
  const [views, setViews] = useState<Record<string, TaxonomyNodeView>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (id: string): Promise<TaxonomyNodeView> => {
    const view = views[id] ?? (await client.call({ type: 'taxonomy.node', id }));
    setViews((now) => ({ ...now, [id]: view }));
    return view;
  };

  useEffect(() => {
    client.call({ type: 'taxonomy.roots' }).then(
      ({ roots: found }) => setRoots(found),
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [client]);

  useEffect(() => {
    if (!focusNode) return;
    void (async () => {
      try {
        const view = await load(focusNode);
        await Promise.all(view.ancestors.map((ancestor) => load(ancestor.id)));
        setExpanded((now) => new Set([...now, ...view.ancestors.map((a) => a.id), focusNode]));
        setSelected(focusNode);
        requestAnimationFrame(() => document.getElementById(`node-${focusNode}`)?.scrollIntoView({ block: 'center' }));
      } catch (failure) {
        setError(errorText(failure));
      }
    })();
  }, [focusNode]);

  const toggle = async (id: string) => {
    if (expanded.has(id)) {
      setExpanded((now) => new Set([...now].filter((open) => open !== id)));
      return;
    }
    try {
      await load(id);
      setExpanded((now) => new Set([...now, id]));
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const select = async (id: string) => {
    setSelected(id);
    await load(id).catch((failure: unknown) => setError(errorText(failure)));
  };

  const renderNodes = (nodes: readonly NodeSummary[]) => (
    <ul role="group">
      {nodes.map((node) => {
        const open = expanded.has(node.id);
        const children = views[node.id]?.children ?? [];
        const leaf = node.kind === 'method' && views[node.id] !== undefined && children.length === 0;
        return (
          <li key={node.id} role="treeitem" aria-expanded={leaf ? undefined : open} aria-selected={selected === node.id} id={`node-${node.id}`}>
            <div class="tree-row">
              <button type="button" class="twisty" aria-label={open ? t('collapse') : t('expand')} onClick={() => void toggle(node.id)} disabled={leaf}>
                {leaf ? '·' : open ? '▾' : '▸'}
              </button>
              <button type="button" class="node-label" aria-current={selected === node.id} onClick={() => void select(node.id)}>
                {node.label}
              </button>
              <span class="count">{node.subtreeEntryCount === 1 ? t('entryCountOne') : t('entryCount', String(node.subtreeEntryCount))}</span>
            </div>
            {open && children.length > 0 && renderNodes(children)}
          </li>
        );
      })}
    </ul>
  );

  const view = selected ? views[selected] : undefined;
  return (
    <div class="taxonomy">
      {error && <p class="error">{t('errorPrefix', error)}</p>}
      {!roots ? <p class="muted">{t('loading')}</p> : <div class="tree" role="tree" aria-label={t('tabTaxonomy')}>{renderNodes(roots)}</div>}
      {view && (
        <section class="node-view" aria-label={t('taxonomyPapers')}>
          <h2>{view.node.path.join(' › ')}</h2>
          {view.node.notes.map((note, i) => (
            <p key={i} class="taxonomy-notes">
              {note}
            </p>
          ))}
          {view.entries.length === 0 ? (
            <p class="muted">{t('noPapersHere')}</p>
          ) : (
            <ul class="node-papers">
              {view.entries.map((entry) => (
                <li key={entry.entryId}>
                  <button type="button" class="link" onClick={() => void openResult({ arxivId: entry.arxivIds[0] ?? null, title: entry.title ?? entry.method })}>
                    {entry.title ?? entry.method}
                  </button>
                  <span class="count"> · {entry.method}</span>
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
      )}
    </div>
  );
}
