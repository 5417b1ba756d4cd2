import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { PageLookup } from '../../lib/messages/protocol';
import type { PageFacts } from '../../lib/reading-list/paper-to-save';
import { useSavePaper } from './use-save-paper';
import { PaperCard } from './PaperCard';

/** Alt+Shift+D: free on arXiv, Hugging Face and alphaXiv, and typed by one hand. */
function isToggleShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyD';
}

/**
 * The card on a paper page, wired to the background: its collapsed state is a setting, saving
 * goes to the reading list, and a breadcrumb opens the side panel on its node.
 */
export function OverlayCard({
  lookup,
  page,
  client,
  initiallyCollapsed,
  floating,
  pageShowsAbstract,
}: {
  lookup: PageLookup;
  page: PageFacts;
  client: BackgroundClient;
  initiallyCollapsed: boolean;
  floating: boolean;
  pageShowsAbstract: boolean;
}) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const changeCollapsed = (next: boolean) => {
    setCollapsed(next);
    void client.call({ type: 'settings.update', patch: { cardCollapsed: next } }).catch(() => {});
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isToggleShortcut(event)) return;
      event.preventDefault();
      setCollapsed((now) => {
        void client.call({ type: 'settings.update', patch: { cardCollapsed: !now } }).catch(() => {});
        return !now;
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [client]);

  const save = useSavePaper(client, lookup, page, 'card');
  const openNode = (nodeId: string) => void client.call({ type: 'taxonomy.open', nodeId }).catch(() => {});

  const arxivId = lookup.arxivId;
  const saveToZotero = arxivId ? () => client.call({ type: 'zoteroPaper.save', arxivId }) : undefined;

  return (
    <PaperCard lookup={lookup} collapsed={collapsed} floating={floating} pageShowsAbstract={pageShowsAbstract} actions={{ save, openNode, setCollapsed: changeCollapsed, saveToZotero }} />
  );
}
