import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import { arrangeEntries, prepareTextFilter, type ReadingListSort } from '../../lib/reading-list/arrange-entries';
import type { ZoteroSaveAnswer } from '../../lib/zotero/save-papers';
import { READING_STATUSES, type ReadingListEntry, type ReadingStatus } from '../../lib/reading-list/reading-list-entry';
import { errorText } from '../client';
import { t } from '../i18n';
import { openResult } from '../search/open-result';
import { FilterBox } from './FilterBox';
import { SyncAndBackup } from './SyncAndBackup';
import { useEditedField, useReadingListChanges } from './use-reading-list-edits';
import { SaveToZoteroButton } from '../zotero/SaveToZoteroButton';
import { useWindowedRows } from './use-windowed-rows';

const STATUS_LABEL: Record<ReadingStatus, () => string> = {
  'to-read': () => t('statusToRead'),
  reading: () => t('statusReading'),
  done: () => t('statusDone'),
};

const SORTS: { id: ReadingListSort; label: () => string }[] = [
  { id: 'saved', label: () => t('sortSaved') },
  { id: 'paper-date', label: () => t('sortPaperDate') },
  { id: 'title', label: () => t('sortTitle') },
  { id: 'status', label: () => t('sortStatus') },
];

/** Heights in CSS pixels of a row, and of a row opened for editing (see `.entry` in ui.css). */
const ENTRY_ROW_HEIGHT = 66;
const ENTRY_EDITOR_HEIGHT = 184;

// What the first paint asks for: a screenful and more, read from the end of the savedAt index.
const FIRST_PAINT_ENTRIES = 40;

type Patch = { status?: ReadingStatus; note?: string; tags?: string[] };
/** What the note and tags fields showed when editing began: an edit on a copy another window changed is merged. */
type EditBase = { note?: string; tags?: string[] };
const splitTags = (text: string) => text.split(/[,，]/).map((tag) => tag.trim()).filter(Boolean);

/**
 * The reading list: one compact row per entry (status, title, tags), opened in place to edit the
 * note and tags; a text filter, filters by status and tag, four sorts, export and import. Only the
 * rows on screen are in the DOM, so ten thousand entries sort and filter as fast as ten.
 */
export function ReadingListView({ client }: { client: BackgroundClient }) {
  const [entries, setEntries] = useState<ReadingListEntry[] | null>(null);
  const [sort, setSort] = useState<ReadingListSort>('saved');
  const [status, setStatus] = useState<ReadingStatus | ''>('');
  const [tag, setTag] = useState('');
  const [text, setText] = useState('');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const fail = (failure: unknown) => setMessage({ text: t('errorPrefix', errorText(failure)), error: true });
  const reload = async () => {
    try {
      setEntries((await client.call({ type: 'readingList.list' })).entries);
    } catch (failure) {
      fail(failure);
    }
  };
  useEffect(() => {
    let current = true;
    // The newest few paint at once; the whole list follows and replaces them.
    client.call({ type: 'readingList.list', limit: FIRST_PAINT_ENTRIES }).then(({ entries: first }) => current && setEntries((now) => now ?? first), () => {});
    client.call({ type: 'readingList.list' }).then(({ entries: all }) => current && setEntries(all), (failure: unknown) => current && fail(failure));
    return () => {
      current = false;
    };
  }, [client]);
  // Another panel, the popup, a card or the sync changed the list.
  useReadingListChanges(() => void reload());

  useEffect(() => {
    // While the user reads the list, not when they first type into the filter.
    if (!entries || entries.length < 500) return;
    const idle = requestIdleCallback(() => prepareTextFilter(entries));
    return () => cancelIdleCallback(idle);
  }, [entries]);

  const tags = useMemo(() => [...new Set((entries ?? []).flatMap((entry) => entry.tags))].sort(), [entries]);
  const shown = useMemo(() => arrangeEntries(entries ?? [], sort, { status, tag, text }), [entries, sort, status, tag, text]);
  const openIndex = openKey === null ? -1 : shown.findIndex((entry) => entry.key === openKey);
  const rows = useWindowedRows(shown.length, ENTRY_ROW_HEIGHT, openIndex, ENTRY_EDITOR_HEIGHT);

  const update = async (key: string, patch: Patch, base?: EditBase) => {
    try {
      const { entry } = await client.call({ type: 'readingList.update', key, patch, base });
      setEntries((now) => now?.map((e) => (e.key === key ? entry : e)) ?? null);
    } catch (failure) {
      fail(failure);
    }
  };
  const remove = async (key: string) => {
    try {
      await client.call({ type: 'readingList.remove', key });
      setEntries((now) => now?.filter((e) => e.key !== key) ?? null);
    } catch (failure) {
      fail(failure);
    }
  };
  const exportAs = async (format: 'bibtex' | 'ris' | 'csl-json' | 'markdown' | 'json') => {
    try {
      const file = await client.call({ type: 'readingList.export', format });
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
      Object.assign(document.createElement('a'), { href: url, download: file.filename }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      fail(failure);
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await client.call({ type: 'readingList.import', text: await file.text() });
      const conflicts = result.conflicts.length > 0 ? ` ${t('importNoteConflicts', result.conflicts.map((c) => c.title).join('; '))}` : '';
      setMessage({ text: t('imported', String(result.added), String(result.updated), String(result.unchanged)) + conflicts, error: false });
      await reload();
    } catch (failure) {
      setMessage({ text: t('importFailed', errorText(failure)), error: true });
    }
  };

  return (
    <div class="reading-list">
      <div class="list-controls">
        <FilterBox value={text} onChange={setText} label={t('filterListLabel')} placeholder={t('filterListPlaceholder')} />
        <label>
          {t('sortBy')}{' '}
          <select value={sort} onChange={(event) => setSort(event.currentTarget.value as ReadingListSort)}>
            {SORTS.map(({ id, label }) => (
              <option key={id} value={id}>
                {label()}
              </option>
            ))}
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
      <div class="file-actions">
        <span>{t('exportAs')}:</span>
        <button type="button" onClick={() => void exportAs('bibtex')}>
          BibTeX
        </button>
        <button type="button" onClick={() => void exportAs('ris')}>
          RIS
        </button>
        <button type="button" onClick={() => void exportAs('csl-json')}>
          CSL-JSON
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          Markdown
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          JSON
        </button>
        <label class="import">
          {t('importJson')}
          <input type="file" class="visually-hidden" accept="application/json,.json" onChange={(event) => void importFile(event.currentTarget.files?.[0])} />
        </label>
      </div>
      {shown.length > 0 && (
        // Every entry the filters show: filter by text, status or tag to choose which go to Zotero.
        <SaveToZoteroButton key={`${sort}|${status}|${tag}|${text}|${shown.length}`} label={t('saveSelectedToZotero', String(Math.min(shown.length, 500)))} save={() => client.call({ type: 'zotero.save', keys: shown.slice(0, 500).map((entry) => entry.key) })} />
      )}
      <SyncAndBackup client={client} onRestored={(text) => setMessage({ text, error: false })} />
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {!entries ? (
        <p class="muted">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="muted">{t('emptyList')}</p>
      ) : shown.length === 0 ? (
        <p class="muted">{t('noMatchingEntries')}</p>
      ) : (
        <>
          <p class="list-count" role="status">
            {shown.length === entries.length ? t('entryCount', String(entries.length)) : t('entriesShown', String(shown.length), String(entries.length))}
          </p>
          <ul class="entries" ref={rows.ref} style={{ height: `${rows.totalHeight}px`, paddingTop: `${rows.offset}px` }} data-count={shown.length}>
            {shown.slice(rows.start, rows.end).map((entry) => (
              <ReadingListRow
                key={entry.key}
                entry={entry}
                open={entry.key === openKey}
                onToggle={() => setOpenKey((now) => (now === entry.key ? null : entry.key))}
                onUpdate={(patch, base) => void update(entry.key, patch, base)}
                onRemove={() => void remove(entry.key)}
                onZotero={() => client.call({ type: 'zotero.save', keys: [entry.key] })}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ReadingListRow({ entry, open, onToggle, onUpdate, onRemove, onZotero }: { entry: ReadingListEntry; open: boolean; onToggle: () => void; onUpdate: (patch: Patch, base?: EditBase) => void; onRemove: () => void; onZotero: () => Promise<ZoteroSaveAnswer> }) {
  const id = `entry-${entry.key.replace(/[^\w-]/g, '_')}`;
  const note = useEditedField<HTMLTextAreaElement>(entry.note);
  const tagsField = useEditedField<HTMLInputElement>(entry.tags.join(', '));
  const meta = [entry.authors[0] && (entry.authors.length > 1 ? `${entry.authors[0]} et al.` : entry.authors[0]), entry.arxivId && `arXiv:${entry.arxivId}`].filter(Boolean).join(' · ');
  return (
    <li class={open ? 'entry open' : 'entry'} data-key={entry.key} data-status={entry.status}>
      <div class="entry-row">
        {/* The badge is the status itself: choosing another changes it in place. */}
        <select class={`status-select status-${entry.status}`} aria-label={t('statusFilter')} value={entry.status} onChange={(event) => onUpdate({ status: event.currentTarget.value as ReadingStatus })}>
          {READING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'done' ? `✓ ${STATUS_LABEL[s]()}` : STATUS_LABEL[s]()}
            </option>
          ))}
        </select>
        <div class="entry-text">
          <button type="button" class="link paper-title" title={entry.title} onClick={() => void openResult(entry)}>
            {entry.title}
          </button>
          <p class="entry-meta">
            {entry.tags.map((name) => (
              <span key={name} class="tag">
                {name}
              </span>
            ))}
            <span class="muted">{meta}</span>
          </p>
        </div>
        <button type="button" class="edit-toggle" aria-expanded={open} aria-controls={`${id}-editor`} aria-label={t('editEntry')} title={t('editEntry')} onClick={onToggle}>
          {open ? '▴' : '✎'}
        </button>
      </div>
      {open && (
        <div class="entry-fields" id={`${id}-editor`}>
          <label for={`${id}-note`}>{t('note')}</label>
          {/* Uncontrolled, so that saving one field never resets what is being typed in another. */}
          <textarea
            id={`${id}-note`}
            class="note"
            ref={note.ref}
            defaultValue={entry.note}
            onFocus={note.onFocus}
            onBlur={(event) => event.currentTarget.value !== entry.note && onUpdate({ note: event.currentTarget.value }, { note: note.base() })}
          />
          <label for={`${id}-tags`}>{t('tags')}</label>
          <input
            id={`${id}-tags`}
            class="tags"
            ref={tagsField.ref}
            defaultValue={entry.tags.join(', ')}
            onFocus={tagsField.onFocus}
            onBlur={(event) => {
              const tags = splitTags(event.currentTarget.value);
              if (tags.join(',') !== entry.tags.join(',')) onUpdate({ tags }, { tags: splitTags(tagsField.base()) });
            }}
          />
          <span class="muted">{t('savedOn', new Date(entry.savedAt).toLocaleDateString())}</span>
          <button type="button" class="remove" onClick={onRemove}>
            {t('remove')}
          </button>
          <SaveToZoteroButton save={onZotero} />
        </div>
      )}
    </li>
  );
}
