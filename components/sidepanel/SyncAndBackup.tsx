import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { ResponseMap } from '../../lib/messages/protocol';
import { errorText } from '../client';
import { t } from '../i18n';
import { useReadingListChanges } from './use-reading-list-edits';

type SyncView = ResponseMap['sync.status'];
type Backups = ResponseMap['backup.list']['backups'];

const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toLocaleTimeString());

/** The sync's state in words. */
function syncText({ enabled, status }: SyncView): string {
  if (!enabled) return t('syncOff');
  const kb = String(Math.ceil(status.bytes / 1024));
  switch (status.state) {
    case 'synced':
      return t('syncSynced', String(status.synced), kb);
    case 'partial':
      return t('syncPartial', String(status.synced), String(status.total), String(status.total - status.synced));
    case 'rate-limited':
      return t('syncRateLimited', time(status.retryAt));
    case 'failed':
      return t('syncFailed', status.detail ?? '', time(status.retryAt));
    default:
      return t('syncSyncing');
  }
}

/**
 * The reading list's sync (opt-in) and its automatic backups, with *Restore from backup*, which
 * merges a copy back through the validated JSON import.
 */
export function SyncAndBackup({ client, onRestored }: { client: BackgroundClient; onRestored: (message: string) => void }) {
  const [sync, setSync] = useState<SyncView | null>(null);
  const [backups, setBackups] = useState<Backups>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = () => {
    client.call({ type: 'sync.status' }).then(setSync, (failure: unknown) => setError(errorText(failure)));
    client.call({ type: 'backup.list' }).then(({ backups: all }) => setBackups(all), () => {});
  };
  useEffect(() => {
    refresh();
    // The sync works in the background; its state is read again every few seconds while shown.
    const timer = setInterval(() => client.call({ type: 'sync.status' }).then(setSync, () => {}), 3000);
    return () => clearInterval(timer);
  }, [client]);
  useReadingListChanges(refresh);

  const toggle = async (enabled: boolean) => {
    try {
      setSync(await client.call({ type: 'sync.set', enabled }));
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const restore = async () => {
    const id = chosen ?? backups[0]?.id;
    if (id === undefined) return;
    try {
      const result = await client.call({ type: 'backup.restore', id });
      onRestored(t('imported', String(result.added), String(result.updated), String(result.unchanged)));
    } catch (failure) {
      setError(t('importFailed', errorText(failure)));
    }
  };

  return (
    <details class="sync-backup">
      <summary>{t('syncAndBackup')}</summary>
      <label class="sync-toggle">
        <input type="checkbox" checked={sync?.enabled ?? false} disabled={!sync} onChange={(event) => void toggle(event.currentTarget.checked)} /> {t('syncToggle')}
      </label>
      <p class="muted">{t('syncExplain')}</p>
      {sync && (
        <p class={sync.enabled && sync.status.state === 'failed' ? 'sync-status error' : 'sync-status'} role="status">
          {syncText(sync)}
        </p>
      )}
      <div class="file-actions">
        {backups.length === 0 ? (
          <span class="muted">{t('noBackups')}</span>
        ) : (
          <>
            <select aria-label={t('chooseBackup')} value={String(chosen ?? backups[0]!.id)} onChange={(event) => setChosen(Number(event.currentTarget.value))}>
              {backups.map((backup) => (
                <option key={backup.id} value={String(backup.id)}>
                  {t('backupOption', new Date(backup.takenAt).toLocaleString(), String(backup.entries))}
                </option>
              ))}
            </select>
            <button type="button" class="restore-backup" onClick={() => void restore()}>
              {t('restoreFromBackup')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
