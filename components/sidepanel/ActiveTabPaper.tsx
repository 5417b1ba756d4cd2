import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { knowsPaper } from '../../lib/corpus/corpus-lookup';
import type { PageLookup } from '../../lib/messages/protocol';
import { TabNoDigestPaper } from '../card/TabNoDigestPaper';
import { SaveButton } from '../card/SaveButton';
import { useSavePaper } from '../card/use-save-paper';
import { errorText } from '../client';
import { DigestDetails } from '../digest/DigestDetails';
import { DigestSummary } from '../digest/DigestSummary';
import { Placements } from '../digest/Placements';
import { t } from '../i18n';
import { SaveToZoteroButton } from '../zotero/SaveToZoteroButton';

/**
 * The full digest of the paper in the active tab, following the user from tab to tab. PDF tabs
 * included: the lookup goes by URL, so it needs no content script.
 */
export function ActiveTabPaper({ client, onOpenNode }: { client: BackgroundClient; onOpenNode: (nodeId: string) => void }) {
  const [tab, setTab] = useState<{ url: string; title: string } | null>(null);
  const [lookup, setLookup] = useState<PageLookup | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The active tab of the last focused browser window: never the panel itself, wherever it is shown.
    const refresh = async () => {
      const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] } as browser.Windows.GetInfo).catch(() => undefined);
      const [active] = await browser.tabs.query(window?.id === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId: window.id });
      setTab(active?.url ? { url: active.url, title: active.title ?? '' } : null);
    };
    const onUpdated = (_id: number, change: browser.Tabs.OnUpdatedChangeInfoType, updated: browser.Tabs.Tab) => {
      if (updated.active && (change.url || change.title)) void refresh();
    };
    void refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  useEffect(() => {
    if (!tab) return setLookup(null);
    let current = true;
    client.call({ type: 'page.lookup', url: tab.url, title: tab.title }).then(
      (found) => current && (setLookup(found), setError(null)),
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, tab?.url, tab?.title]);

  if (error) return <p class="error">{t('errorPrefix', error)}</p>;
  if (lookup && !knowsPaper(lookup) && lookup.arxivId) {
    // A paper with no digest: the same bar as the card's, with Save.
    return (
      <article class="current-paper" data-arxiv-id={lookup.arxivId}>
        <TabNoDigestPaper key={lookup.savedKey} client={client} lookup={lookup} tab={tab ?? null} source="side-panel" />
      </article>
    );
  }
  if (!lookup || !knowsPaper(lookup)) return <p class="muted">{t('noCurrentPaper')}</p>;
  const { digest, placements } = lookup;
  const title = digest?.title ?? placements[0]?.title ?? tab?.title ?? '';
  const save = useSavePaper(client, lookup, { url: tab?.url ?? null, title }, 'side-panel');
  return (
    <article class="current-paper" data-arxiv-id={lookup.arxivId ?? ''}>
      <p class="paper-title">{title}</p>
      {digest && digest.authors.length > 0 && <p class="authors">{digest.authors.join(', ')}</p>}
      {lookup.newerVersion && <p class="notice">{t('newerVersion', String(lookup.newerVersion.page), String(lookup.newerVersion.digest))}</p>}
      {digest ? <DigestSummary paper={digest} /> : <p class="notice">{t('taxonomyOnly')}</p>}
      {placements.length > 0 && (
        <>
          <h3>{t('taxonomy')}</h3>
          <Placements placements={placements} onOpenNode={onOpenNode} />
        </>
      )}
      <SaveButton key={lookup.savedKey} saved={lookup.saved} onSave={save} />
      {lookup.savedKey && (lookup.arxivId || lookup.saved) && <SaveToZoteroButton key={`zotero-${lookup.savedKey}`} save={() => client.call({ type: 'zotero.save', keys: [lookup.savedKey!] })} />}
      <DigestDetails paper={digest} placements={placements} />
    </article>
  );
}
