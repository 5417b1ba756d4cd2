import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { ReadingListEntry } from '../../lib/reading-list/reading-list-entry';
import { errorText } from '../client';
import { t } from '../i18n';
import { openResult } from '../search/open-result';

/** The most recent saves, newest first. */
export function RecentSaves({ client, count = 6 }: { client: BackgroundClient; count?: number }) {
  const [entries, setEntries] = useState<ReadingListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Only the few it shows: the popup must open as fast with ten thousand saves as with none.
    client.call({ type: 'readingList.list', limit: count }).then(
      ({ entries: latest }) => setEntries(latest),
      (failure: unknown) => setError(errorText(failure)),
    );
  }, [client, count]);
  if (error) return <p class="error">{t('errorPrefix', error)}</p>;
  if (!entries) return <p class="muted">{t('loading')}</p>;
  if (entries.length === 0) return <p class="muted">{t('noSaves')}</p>;
  return (
    <ul class="recent">
      {entries.map((entry) => (
        <li key={entry.key}>
          <button type="button" class="link" onClick={() => void openResult(entry)}>
            {entry.title}
          </button>
          {entry.arxivId && <span class="count recent-id">arXiv:{entry.arxivId}</span>}
        </li>
      ))}
    </ul>
  );
}
