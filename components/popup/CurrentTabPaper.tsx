import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { knowsPaper } from '../../lib/corpus/corpus-lookup';
import type { PageLookup } from '../../lib/messages/protocol';
import { SaveButton } from '../card/SaveButton';
import { useSavePaper } from '../card/use-save-paper';
import { t } from '../i18n';
import { SaveToZoteroButton } from '../zotero/SaveToZoteroButton';
import type { ActiveTab } from './PopupApp';

/** The paper in the current tab, with its Save button, when the corpus knows it. */
export function CurrentTabPaper({ client, activeTab }: { client: BackgroundClient; activeTab: Promise<ActiveTab | null> }) {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [lookup, setLookup] = useState<PageLookup | null | undefined>(undefined);
  useEffect(() => void activeTab.then(setTab, () => setTab(null)), [activeTab]);
  useEffect(() => {
    if (tab === undefined) return;
    if (tab === null) return setLookup(null);
    client.call({ type: 'page.lookup', url: tab.url, title: tab.title }).then(setLookup, () => setLookup(null));
  }, [client, tab]);
  // Nothing until the answer is in, rather than a "no paper" that turns into one.
  if (lookup === undefined) return null;
  if (!lookup || !knowsPaper(lookup)) return <p class="muted">{t('noCurrentPaper')}</p>;
  return <KnownPaper client={client} lookup={lookup} tab={tab ?? null} />;
}

function KnownPaper({ client, lookup, tab }: { client: BackgroundClient; lookup: PageLookup; tab: ActiveTab | null }) {
  const title = lookup.digest?.title ?? lookup.placements[0]?.title ?? tab?.title ?? '';
  const save = useSavePaper(client, lookup, { url: tab?.url ?? null, title }, 'popup');
  return (
    <section class="current" aria-label={t('currentPaper')}>
      <p class="paper-title">{title}</p>
      {lookup.digest?.summaryZh && (
        <p class="summary" lang="zh-CN">
          {lookup.digest.summaryZh}
        </p>
      )}
      {lookup.placements[0] && <p class="result-path">{lookup.placements[0].path.join(' › ')}</p>}
      <SaveButton saved={lookup.saved} onSave={save} />
      {lookup.savedKey && (lookup.arxivId || lookup.saved) && <SaveToZoteroButton save={() => client.call({ type: 'zotero.save', keys: [lookup.savedKey!] })} />}
    </section>
  );
}
