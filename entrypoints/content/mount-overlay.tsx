import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createBackgroundClient, type BackgroundClient } from '../../lib/messages/background-client';
import { isDescribePageRequest, type PageDescription } from '../../lib/messages/notices';
import { knowsPaper } from '../../lib/corpus/corpus-lookup';
import { findCardAnchor } from '../../lib/page/card-anchor';
import { arxivRefFromUrl } from '../../lib/arxiv/arxiv-url';
import { isListingPage } from '../../lib/page/listing-links';
import { pageTitle, readPageMeta } from '../../lib/page/read-page-meta';
// Bundled as a string: WXT's 'ui' injection fetches the stylesheet per card, which cost ~80 ms here.
import cardCss from '../../components/card/card.css?inline';
import { markListedPapers } from '../../components/card/listing-markers';
import { OverlayCard, type CardPage } from '../../components/card/OverlayCard';

/** The name of the card's host element, also how tests find its open shadow root. */
const CARD_HOST = 'arxiv-digest-card';

/**
 * Runs on every matched page: marks the papers of a listing, or shows the card of the paper the
 * page is about. A page whose paper the corpus does not know gets no card.
 */
export async function mountOverlay(ctx: ContentScriptContext): Promise<void> {
  const client = createBackgroundClient((message) => browser.runtime.sendMessage(message));
  // The context menu and the save command ask the page what paper it shows, authors and all.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isDescribePageRequest(message)) return undefined;
    const description: PageDescription = { url: location.href, title: pageTitle(document), meta: readPageMeta(document) };
    return Promise.resolve(description);
  });
  let remove = await showAndReport(ctx, client);
  // Hugging Face and alphaXiv are single-page apps: a new paper comes without a new document.
  ctx.addEventListener(window, 'wxt:locationchange', async (event) => {
    // A download from the card (its RIS file, a blob: URL) is a navigation too, but not to another page.
    if (!/^https?:$/.test(event.newUrl.protocol)) return;
    remove?.();
    remove = await showAndReport(ctx, client);
  });
}

/**
 * What the content script did on this page, on `<html data-arxiv-digest>`: `card`, `no-digest` (the
 * bar for a paper without a digest), `listing`, `none` or `error`. Tests and the overlay benchmark wait on it instead of guessing a delay.
 */
type OverlayOutcome = 'card' | 'no-digest' | 'listing' | 'none' | 'error';

async function showAndReport(ctx: ContentScriptContext, client: BackgroundClient): Promise<(() => void) | undefined> {
  const report = (outcome: OverlayOutcome) => document.documentElement.setAttribute('data-arxiv-digest', outcome);
  try {
    const shown = await show(ctx, client);
    report(shown.outcome);
    return shown.remove;
  } catch (error) {
    report('error');
    console.warn('[arxiv-digest]', error);
    return undefined;
  }
}

async function show(ctx: ContentScriptContext, client: BackgroundClient): Promise<{ outcome: OverlayOutcome; remove?: () => void }> {
  const url = location.href;
  if (isListingPage(url)) {
    await domReady();
    await markListedPapers(document, url, client);
    return { outcome: 'listing' };
  }
  // A URL that names the paper is asked about at once, while the page is still being parsed; the
  // page's meta tags and title are read only when the URL alone found nothing.
  const byUrl = arxivRefFromUrl(url) ? client.call({ type: 'page.lookup', url }) : null;
  const settings = client.call({ type: 'settings.get' }).catch(() => ({ cardCollapsed: false, theme: 'auto' as const }));
  await domReady();
  const meta = readPageMeta(document);
  const title = pageTitle(document);
  let lookup = byUrl ? await byUrl : null;
  if (!knowsPaper(lookup)) lookup = await client.call({ type: 'page.lookup', url, title, meta });
  // A paper page the extension has no digest of still gets a bar with Save: one whose URL or
  // citation metadata names a paper.
  const isPaperPage = Boolean(lookup?.arxivId || meta.citationTitle);
  if (!lookup || !(knowsPaper(lookup) || isPaperPage) || ctx.isInvalid) return { outcome: 'none' };

  const found = lookup;
  const initialSettings = await settings;
  const anchor = findCardAnchor(document);
  const page: CardPage = {
    url,
    title: meta.citationTitle ?? title,
    authors: meta.citationAuthors ?? [],
    showsAbstract: Boolean(anchor),
    backgrounds: () => backgroundsAround(anchor ?? document.body),
  };
  const ui = await createShadowRootUi(ctx, {
    name: CARD_HOST,
    mode: 'open',
    css: cardCss,
    position: 'inline',
    anchor: anchor ?? document.body,
    append: anchor ? 'before' : 'last',
    isolateEvents: ['keyup', 'keypress'],
    onMount(container, shadow, host) {
      // The abstract, the one place math is drawn, shows only where the page has none of its own.
      if (!anchor && found.digest?.abstractHtml.includes('class="katex"')) linkKatexStyles(shadow);
      render(<OverlayCard lookup={found} page={page} client={client} initialSettings={initialSettings} floating={!anchor} />, container);
      // When the card is on screen: the overlay benchmark reads it against DOMContentLoaded.
      requestAnimationFrame(() => host.setAttribute('data-painted-at', String(performance.now())));
      return container;
    },
    onRemove(container) {
      stopAligning?.();
      if (container) render(null, container);
    },
  });
  ui.mount();
  // WXT resets the host element with `all: initial !important`, which nothing outside can override: the
  // shadow root's own <html> element is what takes the column's position.
  const frame = ui.uiContainer.parentElement;
  const stopAligning = anchor && frame ? alignWithColumn(frame, anchor) : undefined;
  return { outcome: knowsPaper(found) ? 'card' : 'no-digest', remove: () => ui.remove() };
}

/** The computed backgrounds from an element up to `<html>`, nearest first: what the card's colours follow. */
function backgroundsAround(start: Element): string[] {
  const backgrounds: string[] = [];
  for (let element: Element | null = start; element; element = element.parentElement) backgrounds.push(getComputedStyle(element).backgroundColor);
  return backgrounds;
}

/**
 * Lines the card up with the page's own column: the left edge and width of the abstract it sits
 * above (its border box where it is framed, as alphaXiv's is; its text otherwise), kept so when
 * the page reflows.
 * @returns What stops following the page's layout.
 */
function alignWithColumn(frame: HTMLElement, anchor: Element): () => void {
  const align = () => {
    const style = getComputedStyle(anchor);
    const framed = parseFloat(style.borderLeftWidth) > 0 || !/rgba\(0, 0, 0, 0\)|transparent/.test(style.backgroundColor);
    const box = anchor.getBoundingClientRect();
    const left = box.left + (framed ? 0 : parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft));
    const right = box.right - (framed ? 0 : parseFloat(style.borderRightWidth) + parseFloat(style.paddingRight));
    frame.style.marginLeft = '0px';
    frame.style.width = 'auto';
    const column = frame.getBoundingClientRect();
    if (right - left < 40 || column.width === 0) return;
    frame.style.marginLeft = `${Math.round(left - column.left)}px`;
    frame.style.width = `${Math.round(right - left)}px`;
  };
  align();
  const observer = new ResizeObserver(() => align());
  observer.observe(anchor);
  return () => observer.disconnect();
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * KaTeX's rules go into the shadow root; its `@font-face` rules go into the page's head, because
 * fonts declared inside a shadow root are ignored. Both files, and the fonts, are the extension's
 * own (web-accessible), so no font is ever fetched from the page's origin.
 */
function linkKatexStyles(shadow: ShadowRoot): void {
  const link = (href: string) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  shadow.prepend(link(browser.runtime.getURL('/katex/rules.css' as '/')));
  if (!document.getElementById('arxiv-digest-katex-fonts')) {
    document.head.append(Object.assign(link(browser.runtime.getURL('/katex/fonts.css' as '/')), { id: 'arxiv-digest-katex-fonts' }));
  }
}
