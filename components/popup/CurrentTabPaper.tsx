import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../client';
import { copyBibtex } from '../search/copy-bibtex';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { knowsPaper } from '../../lib/corpus/corpus-lookup';
import type { PageLookup } from '../../lib/messages/protocol';
import { TabNoDigestPaper } from '../card/TabNoDigestPaper';
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
  if (lookup && !knowsPaper(lookup) && lookup.arxivId) {
    // A paper with no digest: the same bar as the card's, with Save.
    return (
      <section class="current" aria-label={t('currentPaper')}>
        <TabNoDigestPaper key={lookup.savedKey} client={client} lookup={lookup} tab={tab ?? null} source="popup" />
      </section>
    );
  }
  if (!lookup || !knowsPaper(lookup)) return <p class="muted">{t('noCurrentPaper')}</p>;
  return <KnownPaper client={client} lookup={lookup} tab={tab ?? null} />;
}

function KnownPaper({ client, lookup, tab }: { client: BackgroundClient; lookup: PageLookup; tab: ActiveTab | null }) {
  const title = lookup.digest?.title ?? lookup.placements[0]?.title ?? tab?.title ?? '';
  const save = useSavePaper(client, lookup, { url: tab?.url ?? null, title }, 'popup');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    copyBibtex({ arxivId: lookup.arxivId, title, authors: lookup.digest?.authors ?? [], url: tab?.url ?? null }).then(
      () => setCopied(t('bibtexCopiedOf', title)),
      (failure: unknown) => setCopied(t('copyFailed', errorText(failure))),
    );
  return (
    <section class="current" aria-label={t('currentPaper')}>
      <p class="paper-title">{title}</p>
      {lookup.digest?.summaryZh && (
        <p class="summary" lang="zh-CN">
          {lookup.digest.summaryZh}
        </p>
      )}
      {lookup.placements[0] && <p class="result-path">{lookup.placements[0].path.join(' › ')}</p>}
      <div class="paper-actions">
        <SaveButton saved={lookup.saved} onSave={save} />
        {lookup.savedKey && (lookup.arxivId || lookup.saved) && <SaveToZoteroButton save={() => client.call({ type: 'zotero.save', keys: [lookup.savedKey!] })} />}
        <button type="button" class="copy-bibtex" onClick={() => void copy()}>
          {t('copyBibtex')}
        </button>
      </div>
      {copied && (
        <p class="status" role="status">
          {copied}
        </p>
      )}
    </section>
  );
}
