import browser from 'webextension-polyfill';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { t } from '../i18n';
import { SearchPanel } from '../search/SearchPanel';
import { CurrentTabPaper } from './CurrentTabPaper';
import { FeedNews } from './FeedNews';
import { RecentSaves } from './RecentSaves';

/** The page in the active tab, as the popup reads it. */
export type ActiveTab = { url: string; title: string };

/** The toolbar popup: quick search, and with no query the current tab's paper and recent saves. */
export function PopupApp({ client, activeTab }: { client: BackgroundClient; activeTab: Promise<ActiveTab | null> }) {
  return (
    <main class="popup">
      <SearchPanel
        client={client}
        idPrefix="popup"
        limit={12}
        whenEmpty={
          <>
            <FeedNews client={client} />
            <h2>{t('currentPaper')}</h2>
            <CurrentTabPaper client={client} activeTab={activeTab} />
            <h2>{t('recentSaves')}</h2>
            <RecentSaves client={client} />
            <p class="help">
              <a href="#" onClick={(event) => (event.preventDefault(), void browser.runtime.openOptionsPage())}>
                {t('openOptions')}
              </a>
            </p>
          </>
        }
      />
    </main>
  );
}
