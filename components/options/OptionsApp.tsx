import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { ResponseMap } from '../../lib/messages/protocol';
import { errorText } from '../client';
import { t } from '../i18n';
import { FeedsSection } from './FeedsSection';
import { ImportDigests } from './ImportDigests';
import { ImportReport } from './ImportReport';

/**
 * The options page: import digest files, and the imports made so far, each removable as a whole.
 * @param startWorker Creates the import worker; the page never parses or writes on its own thread.
 */
export function OptionsApp({ client, startWorker }: { client: BackgroundClient; startWorker: () => Worker }) {
  const [batches, setBatches] = useState<ResponseMap['imports.list']['batches'] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setBatches((await client.call({ type: 'imports.list' })).batches.filter((batch) => !batch.feed));
    } catch (error) {
      setMessage({ text: t('errorPrefix', errorText(error)), error: true });
    }
  }, [client]);
  useEffect(() => void refresh(), [refresh]);

  const imported = async () => {
    await client.call({ type: 'imports.changed' }).catch(() => undefined);
    await refresh();
  };

  const remove = async (batchId: string) => {
    try {
      const { papers } = await client.call({ type: 'imports.remove', batchId });
      setMessage({ text: t('importRemoved', String(papers)), error: false });
    } catch (error) {
      setMessage({ text: t('errorPrefix', errorText(error)), error: true });
    }
    await refresh();
  };

  return (
    <main class="options">
      <h1>{t('extensionName')}</h1>
      <ImportDigests startWorker={startWorker} onImported={imported} />
      <FeedsSection client={client} onPapersChanged={() => void refresh()} />
      <section aria-labelledby="import-history">
        <h2 id="import-history">{t('importHistoryHeading')}</h2>
        <p class={message?.error ? 'error' : 'status'} role="status">
          {message?.text}
        </p>
        {batches === null ? (
          <p class="status">{t('loading')}</p>
        ) : batches.length === 0 ? (
          <p class="status">{t('importHistoryEmpty')}</p>
        ) : (
          <ul class="import-batches">
            {batches.map((batch) => (
              <li key={batch.id} class="import-batch" data-batch-id={batch.id}>
                <div class="import-batch-head">
                  <span>
                    {t('importBatchSummary', new Date(batch.importedAt).toLocaleString(), String(batch.papers), batch.files.flatMap((file) => (file.status === 'imported' ? [file.file] : [])).join(', '))}
                  </span>
                  <button type="button" onClick={() => void remove(batch.id)}>
                    {t('removeImport')}
                  </button>
                </div>
                <details>
                  <summary>{t('importReport')}</summary>
                  <ImportReport files={batch.files} />
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
