import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { SearchResultHit } from '../../lib/messages/protocol';
import { errorText } from '../client';
import { t } from '../i18n';
import { copyBibtex } from './copy-bibtex';
import { matchedReason } from './matched-reason';
import { openResult } from './open-result';

type Filter = 'all' | 'paper' | 'entry' | 'saved';
const FILTERS: { id: Filter; label: () => string }[] = [
  { id: 'all', label: () => t('filterAll') },
  { id: 'paper', label: () => t('filterDigests') },
  { id: 'entry', label: () => t('filterTaxonomy') },
  { id: 'saved', label: () => t('filterSaved') },
];

/** Ctrl+S, or ⌘S on a Mac: saves the selected result instead of saving the page. */
function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';
}

/**
 * Search as you type over the corpus, driven by the keyboard alone: ↑/↓ choose, Enter opens the
 * paper on arXiv, Ctrl+S saves it, Esc clears. Shown in the popup and the side panel.
 * @param whenEmpty What to show while the box is empty (the current tab's paper, recent saves).
 */
export function SearchPanel({ client, limit = 20, whenEmpty, idPrefix }: { client: BackgroundClient; limit?: number; whenEmpty?: ComponentChildren; idPrefix: string }) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [hits, setHits] = useState<SearchResultHit[]>([]);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [searched, setSearched] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const sequence = useRef(0);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const current = ++sequence.current;
    setNotice(null);
    if (query.trim() === '') {
      setHits([]);
      setSearched('');
      return;
    }
    // A short pause lets fast typing send one request, not one per letter.
    const timer = setTimeout(async () => {
      try {
        const filters = filter === 'saved' ? { kind: 'all' as const, savedOnly: true } : { kind: filter, savedOnly: false };
        const { hits: found } = await client.call({ type: 'search.query', query, filters, limit });
        if (current !== sequence.current) return;
        setHits(found);
        setSelected(0);
        setError(null);
        setSearched(query);
      } catch (failure) {
        if (current === sequence.current) setError(t('searchFailed', errorText(failure)));
      }
    }, 60);
    return () => clearTimeout(timer);
  }, [query, filter, client, limit]);

  const save = async (hit: SearchResultHit) => {
    try {
      await client.call({ type: 'readingList.save', paper: { arxivId: hit.arxivId, title: hit.title, source: 'popup' } });
      setHits((now) => now.map((h) => (h.id === hit.id ? { ...h, saved: true } : h)));
    } catch (failure) {
      setError(t('saveFailed', errorText(failure)));
    }
  };

  const copy = async (hit: SearchResultHit) => {
    try {
      // A paper's digest knows its authors; a taxonomy entry has only its title and id.
      const authors = hit.kind === 'paper' && hit.arxivId ? (await client.call({ type: 'paper.get', arxivId: hit.arxivId })).digest.authors : [];
      await copyBibtex({ arxivId: hit.arxivId, title: hit.title, authors });
      setNotice(t('bibtexCopiedOf', hit.title));
    } catch (failure) {
      setError(t('copyFailed', errorText(failure)));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const hit = hits[selected];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length > 0) setSelected((i) => (i + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter' && hit) {
      event.preventDefault();
      void openResult(hit);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    } else if (isSaveShortcut(event) && hit) {
      event.preventDefault();
      void save(hit);
    }
  };

  const listId = `${idPrefix}-results`;
  const optionId = (i: number) => `${idPrefix}-result-${i}`;
  return (
    <div class="search">
      <input
        ref={input}
        type="search"
        class="search-box"
        role="combobox"
        list={undefined}
        aria-label={t('searchLabel')}
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length > 0 ? optionId(selected) : undefined}
        aria-describedby={`${idPrefix}-help`}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="filters" role="radiogroup" aria-label={t('filterAll')}>
        {FILTERS.map(({ id, label }) => (
          <button key={id} type="button" role="radio" aria-checked={filter === id} class={filter === id ? 'filter active' : 'filter'} onClick={() => setFilter(id)}>
            {label()}
          </button>
        ))}
      </div>
      <p class="help" id={`${idPrefix}-help`}>
        {t('searchHelp')}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {query.trim() === '' ? (
        whenEmpty
      ) : (
        <>
          <p class="status" role="status">
            {notice ?? (searched && hits.length === 0 ? t('noResults', searched) : searched ? (hits.length === 1 ? t('resultCountOne') : t('resultCount', String(hits.length))) : '')}
          </p>
          {searched && hits.length === 0 && (
            <p class="search-elsewhere">
              <a href={`https://arxiv.org/search/?${new URLSearchParams({ query: searched.trim(), searchtype: 'all' })}`} target="_blank" rel="noreferrer">
                {t('searchArxivFor', searched.trim())}
              </a>
            </p>
          )}
          <ul class="results" role="listbox" id={listId} aria-label={t('searchLabel')} data-query={searched}>
            {hits.map((hit, i) => (
              <li
                key={hit.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === selected}
                class={i === selected ? 'result selected' : 'result'}
                onMouseEnter={() => setSelected(i)}
                onClick={() => void openResult(hit)}
              >
                <span class="result-title">
                  {hit.title}
                  {hit.saved && (
                    <span class="saved-marker" title={t('savedMarker')} aria-label={t('savedMarker')}>
                      {' '}★
                    </span>
                  )}
                </span>
                {hit.summary && (
                  <span class="result-summary" lang="zh-CN">
                    {hit.summary}
                  </span>
                )}
                <MatchedReason hit={hit} query={searched} />
                {hit.placement.length > 0 && <span class="result-path">{hit.placement.join(' › ')}</span>}
                <span class="result-foot">
                  <span class="result-meta">{hit.arxivId ? `arXiv:${hit.arxivId}` : t('filterTaxonomy')}</span>
                  <button
                    type="button"
                    class="link copy-bibtex"
                    tabIndex={-1}
                    onClick={(event) => {
                      event.stopPropagation();
                      void copy(hit);
                    }}
                  >
                    {t('copyBibtex')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function MatchedReason({ hit, query }: { hit: SearchResultHit; query: string }) {
  const reason = matchedReason(hit, query);
  return reason ? <span class="result-why">{reason}</span> : null;
}
