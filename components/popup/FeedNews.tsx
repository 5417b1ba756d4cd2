import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { ResponseMap } from '../../lib/messages/protocol';
import { t } from '../i18n';
import { openResult } from '../search/open-result';
import '../feeds.css';

/**
 * "12 new papers since yesterday": what the digest feeds brought in the last day that no one had
 * before, each opening its arXiv page. Nothing at all without feeds or news.
 */
export function FeedNews({ client, count = 5 }: { client: BackgroundClient; count?: number }) {
  const [news, setNews] = useState<ResponseMap['feeds.news'] | null>(null);
  useEffect(() => {
    client.call({ type: 'feeds.news' }).then(setNews, () => setNews(null));
  }, [client]);
  if (!news || news.total === 0) return null;
  return (
    <section class="feed-news-box" aria-labelledby="feed-news">
      <h2 id="feed-news">{t('newPapersSince', String(news.total))}</h2>
      <ul class="feed-news">
        {news.papers.slice(0, count).map((paper) => (
          <li key={paper.arxivId} data-arxiv-id={paper.arxivId}>
            <button type="button" class="link" onClick={() => void openResult(paper)}>
              {paper.title}
            </button>
            <span class="from">
              arXiv:{paper.arxivId} · {paper.from}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
