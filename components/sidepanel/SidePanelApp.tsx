import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { isPanelNotice } from '../../lib/messages/notices';
import { t } from '../i18n';
import { SearchPanel } from '../search/SearchPanel';
import { ActiveTabPaper } from './ActiveTabPaper';
import { ReadingListView } from './ReadingListView';
import { TaxonomyBrowser } from './TaxonomyBrowser';

type Tab = 'current' | 'search' | 'taxonomy' | 'reading-list';
const TABS: { id: Tab; label: () => string }[] = [
  { id: 'current', label: () => t('tabCurrent') },
  { id: 'search', label: () => t('tabSearch') },
  { id: 'taxonomy', label: () => t('tabTaxonomy') },
  { id: 'reading-list', label: () => t('tabReadingList') },
];

/** The side panel: the active tab's paper, search with room, the taxonomy browser and the reading list. */
export function SidePanelApp({ client }: { client: BackgroundClient }) {
  const [tab, setTab] = useState<Tab>('current');
  const [focusNode, setFocusNode] = useState<string | null>(null);

  const openNode = (nodeId: string) => {
    setFocusNode(nodeId);
    setTab('taxonomy');
  };

  useEffect(() => {
    // A node a card's breadcrumb asked for is shown once, then no longer pending.
    const landOn = (nodeId: string) => {
      openNode(nodeId);
      void client.call({ type: 'settings.update', patch: { pendingTaxonomyNode: null } });
    };
    // Asked for before the panel was open…
    client.call({ type: 'settings.get' }).then(({ pendingTaxonomyNode }) => pendingTaxonomyNode && landOn(pendingTaxonomyNode), () => {});
    // …or while it was open.
    const onNotice = (message: unknown) => {
      if (isPanelNotice(message)) landOn(message.nodeId);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onNotice);
    return () => browser.runtime.onMessage.removeListener(onNotice);
  }, [client]);

  return (
    <main class="panel">
      <div class="tabs" role="tablist">
        {TABS.map(({ id, label }) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`tabpanel-${id}`} onClick={() => setTab(id)}>
            {label()}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'current' && <ActiveTabPaper client={client} onOpenNode={openNode} />}
        {tab === 'search' && <SearchPanel client={client} idPrefix="panel" limit={50} />}
        {tab === 'taxonomy' && <TaxonomyBrowser client={client} focusNode={focusNode} />}
        {tab === 'reading-list' && <ReadingListView client={client} />}
      </section>
    </main>
  );
}
