import type { BackgroundClient } from '../../lib/messages/background-client';
import { listedPapers } from '../../lib/page/listing-links';
import { t } from '../i18n';

const MARKER_TAG = 'arxiv-digest-marker';

/**
 * Puts a small marker after every listed paper that has a digest. Each marker is a custom element
 * with its own shadow root, so the listing's CSS can neither hide nor restyle it.
 */
export async function markListedPapers(doc: Document, url: string, client: BackgroundClient): Promise<number> {
  const papers = listedPapers(doc, url);
  if (papers.length === 0) return 0;
  const { digests, saved } = await client.call({ type: 'paper.status', arxivIds: papers.map((paper) => paper.arxivId) });
  const withDigest = new Set(digests);
  const isSaved = new Set(saved);
  let marked = 0;
  for (const { arxivId, link } of papers) {
    if (!withDigest.has(arxivId) || link.nextElementSibling?.localName === MARKER_TAG) continue;
    link.after(marker(doc, arxivId, isSaved.has(arxivId)));
    marked++;
  }
  return marked;
}

function marker(doc: Document, arxivId: string, saved: boolean): HTMLElement {
  const host = doc.createElement(MARKER_TAG);
  host.dataset.arxivId = arxivId;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial;display:inline-block;margin:0 4px;vertical-align:middle}
span{font:600 11px/16px system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;color:#fff;background:#b31b1b;border-radius:8px;padding:0 6px;display:inline-block}`;
  const badge = doc.createElement('span');
  badge.textContent = saved ? '文 ✓' : '文';
  badge.title = t('listingMarker');
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', t('listingMarker'));
  shadow.append(style, badge);
  return host;
}
