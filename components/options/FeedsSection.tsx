import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ARCHIVE_TOPICS, CHATPAPER_ARCHIVE, DEFAULT_TOPICS, FEED_WINDOWS, parseFolderInput, type FeedSpec, type FeedWindow } from '../../lib/feeds/feed-spec';
import { feedStatus } from '../../lib/feeds/feed-status';
import { FEED_HOST_PERMISSIONS } from '../../lib/feeds/github-urls';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { ResponseMap } from '../../lib/messages/protocol';
import { errorText } from '../client';
import { t } from '../i18n';
import '../feeds.css';

type FeedList = ResponseMap['feeds.list'];
type Message = { text: string; error: boolean } | null;

const WINDOW_TEXT = { days30: 'feedWindowDays30', year: 'feedWindowYear', all: 'feedWindowAll' } as const;
// While a feed syncs the list is read every second; otherwise now and then, for the alarm's syncs.
const POLL_BUSY_MS = 1000;
const POLL_IDLE_MS = 15_000;

const clock = (at: number) => new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The options page's *Digest feeds*: subscribe to the generator's archive by topic, or to any
 * GitHub folder in the same format, and see each feed's last sync, counts and errors.
 * @param onPapersChanged Called when feeds brought or took papers, so the import history is read again.
 */
export function FeedsSection({ client, onPapersChanged }: { client: BackgroundClient; onPapersChanged?: () => void }) {
  const [list, setList] = useState<FeedList | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [topics, setTopics] = useState<string[]>([...DEFAULT_TOPICS]);
  const [window, setWindow] = useState<FeedWindow>('days30');
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');

  const refresh = useCallback(async () => {
    try {
      setList(await client.call({ type: 'feeds.list' }));
    } catch (error) {
      setMessage({ text: t('errorPrefix', errorText(error)), error: true });
    }
  }, [client]);

  const busy = !!list && (list.syncing.length > 0 || list.feeds.some((summary) => summary.files.pending > 0 && !summary.feed.problem));
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), busy ? POLL_BUSY_MS : POLL_IDLE_MS);
    return () => clearInterval(timer);
  }, [refresh, busy]);
  const papers = list?.feeds.reduce((sum, summary) => sum + summary.papers, 0) ?? 0;
  useEffect(() => onPapersChanged?.(), [papers]); // Only when the count moves.

  // The permission is asked for in the click itself: Chrome wants the user's gesture, Firefox the
  // handler's own turn. Nothing reaches GitHub before it is granted.
  const subscribe = (spec: FeedSpec | null) => {
    if (!spec) return;
    const granted = browser.permissions.request({ origins: [...FEED_HOST_PERMISSIONS] });
    void granted
      .catch(() => false)
      .then(async (ok) => {
        if (!ok) return setMessage({ text: t('feedPermissionDenied'), error: true });
        await client.call({ type: 'feeds.subscribe', spec });
        setMessage({ text: t('feedSubscribed', spec.title), error: false });
        await refresh();
      })
      .catch((error: unknown) => setMessage({ text: t('errorPrefix', errorText(error)), error: true }));
  };

  const archiveSpec = (): FeedSpec | null => {
    if (topics.length === 0) return (setMessage({ text: t('feedNoTopics'), error: true }), null);
    return { ...CHATPAPER_ARCHIVE, topics, window };
  };
  const folderSpec = (): FeedSpec | null => {
    const parsed = parseFolderInput(folder);
    if (!parsed) return (setMessage({ text: t('feedFolderInvalid'), error: true }), null);
    return { ...parsed, title: name.trim() || `${parsed.owner}/${parsed.repo}`, topics: null, window };
  };

  const check = async (feedId: string) => {
    await client.call({ type: 'feeds.check', feedId }).catch((error: unknown) => setMessage({ text: t('errorPrefix', errorText(error)), error: true }));
    await refresh();
  };
  const unsubscribe = async (feedId: string, keepPapers: boolean) => {
    try {
      const { papers: removed } = await client.call({ type: 'feeds.unsubscribe', feedId, keepPapers });
      setMessage({ text: t(keepPapers ? 'feedUnsubscribedKept' : 'feedUnsubscribed', String(removed)), error: false });
    } catch (error) {
      setMessage({ text: t('errorPrefix', errorText(error)), error: true });
    }
    await refresh();
    onPapersChanged?.();
  };

  return (
    <section aria-labelledby="digest-feeds" class="feeds">
      <h2 id="digest-feeds">{t('feedsHeading')}</h2>
      <p class="help">{t('feedsHelp')}</p>
      <fieldset class="feed-window">
        <legend>{t('feedWindowLabel')}</legend>
        {FEED_WINDOWS.map((option) => (
          <label key={option}>
            <input type="radio" name="feed-window" value={option} checked={window === option} onChange={() => setWindow(option)} /> {t(WINDOW_TEXT[option])}
          </label>
        ))}
      </fieldset>
      <fieldset class="feed-topics">
        <legend>{t('feedArchiveLegend')}</legend>
        {ARCHIVE_TOPICS.map((topic) => (
          <label key={topic}>
            <input
              type="checkbox"
              value={topic}
              checked={topics.includes(topic)}
              onChange={(event) => setTopics(event.currentTarget.checked ? [...topics, topic] : topics.filter((other) => other !== topic))}
            />{' '}
            {topic}
          </label>
        ))}
        <button type="button" class="feed-subscribe" onClick={() => subscribe(archiveSpec())}>
          {t('feedSubscribe')}
        </button>
      </fieldset>
      <details class="feed-other">
        <summary>{t('feedOtherSummary')}</summary>
        <label>
          {t('feedFolderLabel')} <input type="text" class="feed-folder" value={folder} placeholder="owner/repo/source/_posts/Paper" onInput={(event) => setFolder(event.currentTarget.value)} />
        </label>
        <label>
          {t('feedNameLabel')} <input type="text" class="feed-name" value={name} maxLength={80} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => subscribe(folderSpec())}>
          {t('feedSubscribe')}
        </button>
      </details>
      <p class={message?.error ? 'error' : 'status'} role="status">
        {message?.text}
      </p>
      {list && list.feeds.length > 0 && (
        <ul class="feed-list">
          {list.feeds.map((summary) => (
            <FeedItem key={summary.feed.id} summary={summary} syncing={list.syncing.includes(summary.feed.id)} onCheck={check} onUnsubscribe={unsubscribe} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedItem({
  summary,
  syncing,
  onCheck,
  onUnsubscribe,
}: {
  summary: FeedList['feeds'][number];
  syncing: boolean;
  onCheck: (feedId: string) => Promise<void>;
  onUnsubscribe: (feedId: string, keepPapers: boolean) => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const { feed, files, papers, errors } = summary;
  const status = feedStatus(summary, syncing, Date.now());
  const statusText = t(status.key, ...status.args, ...(status.at === null ? [] : [clock(status.at)]));
  const where = `${feed.owner}/${feed.repo}/${feed.folder}`;
  return (
    <li class="feed" data-feed-id={feed.id} data-feed-state={status.key}>
      <div class="feed-head">
        <strong>{feed.title}</strong>
        <span class="count">
          {' '}
          {where} · {feed.topics?.join(', ') ?? t('feedTopicsAll')} · {t(WINDOW_TEXT[feed.window])}
        </span>
      </div>
      <p class={`feed-status${feed.problem && feed.problem.kind !== 'rate-limited' ? ' error' : ''}`} role="status">
        {statusText}
      </p>
      <p class="feed-counts">
        {[t('feedCounts', String(files.done), String(papers)), files.failed > 0 && t('feedCountsFailed', String(files.failed)), files.gone > 0 && t('feedCountsGone', String(files.gone))]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {errors.length > 0 && (
        <details class="feed-errors">
          <summary>{t('feedErrors', String(errors.length))}</summary>
          <ul>
            {errors.map((error) => (
              <li key={error.path}>
                <code>{error.path.split('/').slice(-2).join('/')}</code>: {error.error}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="feed-actions">
        {asking ? (
          <>
            <span>{t('feedUnsubscribeAsk')}</span>
            <button type="button" onClick={() => void onUnsubscribe(feed.id, true)}>
              {t('feedKeepPapers')}
            </button>
            <button type="button" onClick={() => void onUnsubscribe(feed.id, false)}>
              {t('feedRemovePapers')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('cancelImport')}
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={syncing} onClick={() => void onCheck(feed.id)}>
              {t('feedCheckNow')}
            </button>
            <button type="button" onClick={() => setAsking(true)}>
              {t('feedUnsubscribe')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
