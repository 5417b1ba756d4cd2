import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { READING_STATUSES, type ReadingListEntry, type ReadingStatus } from '../../lib/reading-list/reading-list-entry';
import { errorText } from '../client';
import { t } from '../i18n';
import { openResult } from '../search/open-result';

const STATUS_LABEL: Record<ReadingStatus, () => string> = {
  'to-read': () => t('statusToRead'),
  reading: () => t('statusReading'),
  done: () => t('statusDone'),
};

/**
 * The reading list: sorted by date saved or title, filtered by status and tag, with a status, a
 * note and tags per entry, and export and import.
 */
export function ReadingListView({ client }: { client: BackgroundClient }) {
  const [entries, setEntries] = useState<ReadingListEntry[] | null>(null);
  const [sort, setSort] = useState<'saved' | 'title'>('saved');
  const [status, setStatus] = useState<ReadingStatus | ''>('');
  const [tag, setTag] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const reload = () =>
    client.call({ type: 'readingList.list' }).then(
      ({ entries: all }) => setEntries(all),
      (failure: unknown) => setMessage({ text: t('errorPrefix', errorText(failure)), error: true }),
    );
  useEffect(() => void reload(), [client]);

  const tags = useMemo(() => [...new Set((entries ?? []).flatMap((entry) => entry.tags))].sort(), [entries]);
  const shown = useMemo(() => {
    const filtered = (entries ?? []).filter((entry) => (!status || entry.status === status) && (!tag || entry.tags.includes(tag)));
    return sort === 'title' ? [...filtered].sort((a, b) => a.title.localeCompare(b.title)) : filtered;
  }, [entries, sort, status, tag]);

  const update = async (key: string, patch: { status?: ReadingStatus; note?: string; tags?: string[] }) => {
    try {
      const { entry } = await client.call({ type: 'readingList.update', key, patch });
      setEntries((now) => now?.map((e) => (e.key === key ? entry : e)) ?? null);
    } catch (failure) {
      setMessage({ text: t('errorPrefix', errorText(failure)), error: true });
    }
  };
  const remove = async (key: string) => {
    try {
      await client.call({ type: 'readingList.remove', key });
      setEntries((now) => now?.filter((e) => e.key !== key) ?? null);
    } catch (failure) {
      setMessage({ text: t('errorPrefix', errorText(failure)), error: true });
    }
  };
  const exportAs = async (format: 'bibtex' | 'markdown' | 'json') => {
    try {
      const file = await client.call({ type: 'readingList.export', format });
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
      Object.assign(document.createElement('a'), { href: url, download: file.filename }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setMessage({ text: t('errorPrefix', errorText(failure)), error: true });
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await client.call({ type: 'readingList.import', text: await file.text() });
      setMessage({ text: t('imported', String(result.added), String(result.updated), String(result.unchanged)), error: false });
      await reload();
    } catch (failure) {
      setMessage({ text: t('importFailed', errorText(failure)), error: true });
    }
  };

  return (
    <div class="reading-list">
      <div class="file-actions">
        <span>{t('exportAs')}:</span>
        <button type="button" onClick={() => void exportAs('bibtex')}>
          BibTeX
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          Markdown
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          JSON
        </button>
        <label class="import">
          {t('importJson')}{' '}
          <input type="file" accept="application/json,.json" onChange={(event) => void importFile(event.currentTarget.files?.[0])} />
        </label>
      </div>
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="list-controls">
        <label>
          {t('sortBy')}{' '}
          <select value={sort} onChange={(event) => setSort(event.currentTarget.value as 'saved' | 'title')}>
            <option value="saved">{t('sortSaved')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </label>
        <label>
          {t('filterByStatus')}{' '}
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as ReadingStatus | '')}>
            <option value="">{t('anyStatus')}</option>
            {READING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterByTag')}{' '}
          <select value={tag} onChange={(event) => setTag(event.currentTarget.value)}>
            <option value="">{t('anyTag')}</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!entries ? (
        <p class="muted">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="muted">{t('emptyList')}</p>
      ) : shown.length === 0 ? (
        <p class="muted">{t('noMatchingEntries')}</p>
      ) : (
        <ul class="entries">
          {shown.map((entry) => (
            <ReadingListItem key={entry.key} entry={entry} onUpdate={(patch) => void update(entry.key, patch)} onRemove={() => void remove(entry.key)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ReadingListItem({ entry, onUpdate, onRemove }: { entry: ReadingListEntry; onUpdate: (patch: { status?: ReadingStatus; note?: string; tags?: string[] }) => void; onRemove: () => void }) {
  const id = `entry-${entry.key.replace(/[^\w-]/g, '_')}`;
  return (
    <li class="entry" data-key={entry.key}>
      <button type="button" class="link paper-title" onClick={() => void openResult(entry)}>
        {entry.title}
      </button>
      <p class="authors">
        {entry.authors.join(', ')}
        {entry.arxivId && ` · arXiv:${entry.arxivId}`} · {new Date(entry.savedAt).toLocaleDateString()}
      </p>
      <div class="entry-fields">
        <label for={`${id}-status`}>{t('statusFilter')}</label>
        <select id={`${id}-status`} class="status-select" value={entry.status} onChange={(event) => onUpdate({ status: event.currentTarget.value as ReadingStatus })}>
          {READING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]()}
            </option>
          ))}
        </select>
        <label for={`${id}-note`}>{t('note')}</label>
        {/* Uncontrolled, so that saving one field never resets what is being typed in another. */}
        <textarea id={`${id}-note`} class="note" defaultValue={entry.note} onBlur={(event) => event.currentTarget.value !== entry.note && onUpdate({ note: event.currentTarget.value })} />
        <label for={`${id}-tags`}>{t('tags')}</label>
        <input
          id={`${id}-tags`}
          class="tags"
          defaultValue={entry.tags.join(', ')}
          onBlur={(event) => {
            const tags = event.currentTarget.value.split(/[,，]/).map((tag) => tag.trim()).filter(Boolean);
            if (tags.join(',') !== entry.tags.join(',')) onUpdate({ tags });
          }}
        />
      </div>
      <button type="button" class="remove" onClick={onRemove}>
        {t('remove')}
      </button>
    </li>
  );
}
