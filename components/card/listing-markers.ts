import type { BackgroundClient } from '../../lib/messages/background-client';
import { listedPapers } from '../../lib/page/listing-links';
import { cardTheme } from '../../lib/page/page-theme';
import { arxivAbsUrl } from '../../lib/arxiv';
import themeCss from '../theme.css?inline';
import { errorText } from '../client';
import { t } from '../i18n';

const MARKER_TAG = 'arxiv-digest-marker';

/**
 * Puts a small marker beside every listed paper that has a digest: its tooltip is the paper's
 * 中文 one-line summary, and a click saves the paper to the reading list. Each marker is a custom
 * element with its own shadow root, so the listing's CSS can neither hide nor restyle it; its
 * colours are the card's, light or dark like the listing's own background.
 */
export async function markListedPapers(doc: Document, url: string, client: BackgroundClient): Promise<number> {
  const papers = listedPapers(doc, url);
  if (papers.length === 0) return 0;
  const { digests, saved } = await client.call({ type: 'paper.status', arxivIds: papers.map((paper) => paper.arxivId) });
  const withDigest = new Map(digests.map((digest) => [digest.arxivId, digest]));
  const isSaved = new Set(saved);
  const { theme: setting } = await client.call({ type: 'settings.get' }).catch(() => ({ theme: 'auto' as const }));
  let marked = 0;
  for (const { arxivId, link } of papers) {
    const paper = withDigest.get(arxivId);
    if (!paper || hasMarker(link)) continue;
    const theme = cardTheme(setting, backgroundsAround(link));
    const { summary } = paper;
    const save = () => client.call({ type: 'readingList.save', paper: { arxivId, version: null, title: paper.title, authors: paper.authors, url: arxivAbsUrl({ id: arxivId, version: null }), source: 'card' } });
    const host = marker(doc, arxivId, isSaved.has(arxivId), summary, theme, save);
    // A title link laid out as a block (Hugging Face's line-clamped titles) would push a marker after
    // it onto a line of its own: there it goes first inside the link, on the title's first line.
    if (/^(inline|contents)$/.test(getComputedStyle(link).display)) link.after(host);
    else link.prepend(host);
    marked++;
  }
  return marked;
}

function hasMarker(link: Element): boolean {
  return link.nextElementSibling?.localName === MARKER_TAG || link.firstElementChild?.localName === MARKER_TAG;
}

function backgroundsAround(start: Element): string[] {
  const backgrounds: string[] = [];
  for (let element: Element | null = start; element; element = element.parentElement) backgrounds.push(getComputedStyle(element).backgroundColor);
  return backgrounds;
}

function marker(doc: Document, arxivId: string, saved: boolean, summary: string, theme: 'light' | 'dark' | null, save: () => Promise<unknown>): HTMLElement {
  const host = doc.createElement(MARKER_TAG);
  host.dataset.arxivId = arxivId;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `${themeCss}
:host{all:initial;display:inline-block;margin:0 4px;vertical-align:baseline;color-scheme:light dark}
button{all:unset;cursor:pointer;font:600 11px/16px system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;color:var(--adc-pill-fg);background:var(--adc-pill-bg);border-radius:8px;padding:0 6px;display:inline-block;white-space:nowrap}
button:focus-visible{outline:2px solid var(--adc-focus);outline-offset:1px}
button[aria-pressed='true']{cursor:default}`;
  const badge = doc.createElement('button');
  badge.type = 'button';
  if (theme) badge.dataset.theme = theme;
  const show = (isSaved: boolean) => {
    badge.textContent = isSaved ? '文 ✓' : '文';
    badge.setAttribute('aria-pressed', String(isSaved));
    badge.title = isSaved ? `${summary}\n${t('saved')}` : `${summary}\n${t('listingMarkerSave')}`;
    badge.setAttribute('aria-label', `${t('listingMarker')}: ${badge.title}`);
  };
  show(saved);
  badge.addEventListener('click', (event) => {
    // Inside a title link: the click saves, and does not follow the link.
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted || badge.getAttribute('aria-pressed') === 'true') return;
    save().then(
      () => show(true),
      (error: unknown) => {
        // Said where the user looks: the marker's tooltip and its name.
        badge.title = `${summary}\n${t('saveFailed', errorText(error))}`;
        badge.setAttribute('aria-label', `${t('listingMarker')}: ${badge.title}`);
      },
    );
  });
  shadow.append(style, badge);
  return host;
}
