import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { routeFixtures, renderArxivAbsTemplate } from './fixtures/fixture-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { cardText, cardTexts, clickInCard, launchWithCardTab, openPaperPage } from './support/overlay-page';

/** The two extension APIs the badge test calls inside the service worker. */
interface ChromeForBadges {
  chrome: {
    tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
  };
}

// Letters that only appear when UTF-8 was read as Windows-125x: `æ‰©æ•£` for 扩散.
const MOJIBAKE = /[ÃÂâäåæçèéï][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/;

describe('the overlay card in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    ({ session, page } = await launchWithCardTab());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the digest of a paper on its arXiv abs page, in the order a reader wants it', async () => {
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2404.15449')).toBe('card');
    expect(await cardText(page, '.summary')).toContain('身份保持');
    expect((await cardTexts(page, '.takeaways li')).length).toBeGreaterThanOrEqual(3);
    const crumbs = await cardTexts(page, '.breadcrumb');
    expect(crumbs.some((crumb) => crumb.includes('ID-Aligner (image + text)'))).toBe(true);
    expect(await cardText(page, '.siblings')).toBeTruthy();
    expect(await cardText(page, 'button.save')).toBe('Save to reading list');
    const order = await page.evaluate(() => {
      // The summary and Save share the first row; the rest follows in this order.
      const root = document.querySelector('arxiv-digest-card')!.shadowRoot!;
      return ['.summary', '.takeaways', '.placements', 'details'].map((sel) => root.querySelector(sel)!.getBoundingClientRect().top);
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('never covers the page title, authors or abstract', async () => {
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    const overlaps = await page.evaluate(() => {
      const card = document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return ['h1.title', 'div.authors', 'blockquote.abstract'].map((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return r.right > card.left && card.right > r.left && r.bottom > card.top && card.bottom > r.top;
      });
    });
    expect(overlaps).toEqual([false, false, false]);
  });

  it('expands to the notes, the abstract and the provenance', async () => {
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    await clickInCard(page, 'details > summary');
    expect(await cardText(page, '.notes')).toContain('中山大学');
    // The page shows its own abstract right below the card, so the card does not repeat it.
    expect(await cardText(page, '.abstract')).toBeNull();
    const provenance = await cardText(page, '.provenance');
    expect(provenance).toBe('ChatPaperFree daily digest, 2024-04-25 · arXiv v1');
    expect(provenance).not.toMatch(/\.txt/);
  });

  it('shows a paper from the repaired 003 digest with no mojibake, and marks uncertain characters', async () => {
    // MoMA's digest comes from 003, the file that was UTF-8 read as Windows-1254.
    await page.route('https://arxiv.org/abs/2404.05674', async (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: await renderArxivAbsTemplate({ id: '2404.05674', title: 'MoMA: Multimodal LLM Adapter for Fast Personalized Image Generation', authors: ['Kunpeng Song'], abstract: 'In this paper, we present MoMA.' }),
      }),
    );
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2404.05674')).toBe('card');
    expect(await page.evaluate(() => document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector('.provenance li')!.getAttribute('title'))).toMatch(/003_[0-9a-f]+\.txt/);
    await clickInCard(page, 'details > summary');
    const text = await page.evaluate(() => document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector('.card')!.textContent!);
    expect(text).toMatch(/[\u4e00-\u9fff]{10}/);
    expect(text).toContain('个性化');
    expect(text).not.toMatch(MOJIBAKE);
    expect(text).not.toContain('\uFFFD');
    const marks = await page.evaluate(() =>
      [...document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelectorAll('mark.uncertain')].map((m) => m.getAttribute('title') ?? ''),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((title) => /Other readings|lost/.test(title))).toBe(true);
  });

  it('says when the page shows a newer version than the digest', async () => {
    await page.route('https://arxiv.org/abs/2404.15449v3', async (route) => route.fulfill({ contentType: 'text/html', body: await renderArxivAbsTemplate({ id: '2404.15449', title: 'ID-Aligner', authors: ['Weifeng Chen'], abstract: 'x' }) }));
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449v3');
    expect(await cardText(page, '.notice')).toBe('This page shows v3; the digest was written from v1.');
  });

  it('shows placement and notes for a paper known only to the taxonomy', async () => {
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2208.12242')).toBe('card');
    expect(await cardText(page, '.notice')).toMatch(/taxonomy only/);
    expect((await cardTexts(page, '.breadcrumb')).some((crumb) => crumb.includes('DreamBooth'))).toBe(true);
    expect(await cardText(page, '.summary')).toBeNull();
  });

  it('works from a cold service worker, stopped as Chrome stops an idle one', async () => {
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    const cdp = await session.context.newCDPSession(page);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => states.push(...versions.map((version) => version.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => states.at(-1)).toBe('stopped');
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2403.04692')).toBe('card');
    expect(await cardText(page, '.lead-text')).toBeTruthy();
    expect(states).toContain('starting');
    await cdp.detach();
  });

  it('shows no card on a page that names no paper', async () => {
    await page.route('https://arxiv.org/abs/2501.00009', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Nothing</title><p>No paper here.</p>' }));
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2501.00009')).toBe('no-digest');
    await page.route('https://arxiv.org/help/api', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>API</title><p>Help.</p>' }));
    expect(await openPaperPage(page, 'https://arxiv.org/help/api')).toBe('none');
    expect(await page.locator('arxiv-digest-card').count()).toBe(0);
  });

  it.each([
    ['arXiv HTML', 'https://arxiv.org/html/2404.15449v1', '.ltx_abstract'],
    ['Hugging Face', 'https://huggingface.co/papers/2404.15449', null],
    ['alphaXiv', 'https://www.alphaxiv.org/abs/2404.15449', null],
  ])('recognises the paper on %s', async (_, url, abstractSelector) => {
    expect(await openPaperPage(page, url)).toBe('card');
    expect(await cardText(page, '.summary')).toContain('身份保持');
    if (abstractSelector) {
      const above = await page.evaluate((sel) => {
        const card = document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return card.bottom <= document.querySelector(sel)!.getBoundingClientRect().top + 1;
      }, abstractSelector);
      expect(above).toBe(true);
    }
  });

  it('recognises a title-only OpenReview page through the title matcher', async () => {
    expect(await openPaperPage(page, 'https://openreview.net/forum?id=2Ck7Xb2C6U')).toBe('card');
    expect((await cardTexts(page, '.breadcrumb')).some((crumb) => crumb.includes('DreamBooth'))).toBe(true);
  });

  it('saves from the card, and the page shows Saved when it comes back', async () => {
    await openPaperPage(page, 'https://arxiv.org/abs/2403.04692v2');
    await clickInCard(page, 'button.save');
    await page.locator('arxiv-digest-card button.save[aria-pressed="true"]').waitFor();
    expect(await cardText(page, 'button.save')).toBe('✓ Saved');
    await openPaperPage(page, 'https://huggingface.co/papers/2404.15449');
    await openPaperPage(page, 'https://arxiv.org/abs/2403.04692');
    expect(await cardText(page, 'button.save')).toBe('✓ Saved');
  });

  it('collapses, remembers it across pages, and toggles with Alt+Shift+D', async () => {
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    const hidden = () => page.evaluate(() => document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelector<HTMLElement>('.body')!.hidden);
    expect(await hidden()).toBe(false);
    await clickInCard(page, 'button.toggle');
    expect(await hidden()).toBe(true);
    expect(await page.locator('arxiv-digest-card button.toggle').getAttribute('aria-expanded')).toBe('false');
    await page.waitForTimeout(200);
    await openPaperPage(page, 'https://arxiv.org/abs/2403.04692');
    expect(await hidden()).toBe(true);
    await page.keyboard.press('Alt+Shift+KeyD');
    expect(await hidden()).toBe(false);
    await page.waitForTimeout(200);
    await openPaperPage(page, 'https://arxiv.org/abs/2404.15449');
    expect(await hidden()).toBe(false);
  });

  it('on a hostile page, runs nothing and injects nothing', async () => {
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2404.14239')).toBe('card');
    const state = await page.evaluate(() => {
      const root = document.querySelector('arxiv-digest-card')!.shadowRoot!;
      return {
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        pageScriptRan: (window as { __pageScriptRan?: unknown }).__pageScriptRan ?? null,
        injected: root.querySelectorAll('script, img, svg[onload], iframe, object, [onerror], [onload], a[href^="javascript:"]').length,
        visible: getComputedStyle(root.querySelector('.card')!).display,
      };
    });
    expect(state).toEqual({ pwned: null, pageScriptRan: true, injected: 0, visible: 'block' });
    await clickInCard(page, 'button.save');
    await page.locator('arxiv-digest-card button.save[aria-pressed="true"]').waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  });

  it('loads KaTeX styles and fonts from the extension, never from the page origin', async () => {
    const paper = await session.worker.evaluate(async () => (await (await fetch('/corpus.json')).json()).papers.find((p: { abstractHtml: string }) => p.abstractHtml.includes('katex')));
    await page.route(`https://arxiv.org/abs/${paper.arxivId}`, async (route) =>
      // A page without its own abstract, so the card shows the abstract with its math.
      route.fulfill({ contentType: 'text/html', body: await renderArxivAbsTemplate({ id: paper.arxivId, title: paper.title, authors: ['A B'], abstract: paper.abstract }, { abstractBlock: false }) }),
    );
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await openPaperPage(page, `https://arxiv.org/abs/${paper.arxivId}`);
    await clickInCard(page, 'details > summary');
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    const hrefs = await page.evaluate(() => [
      ...[...document.querySelectorAll<HTMLLinkElement>('#arxiv-digest-katex-fonts')].map((l) => l.href),
      ...[...document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelectorAll<HTMLLinkElement>('link')].map((l) => l.href),
    ]);
    expect(hrefs.length).toBe(2);
    expect(hrefs.every((href) => href.startsWith(`chrome-extension://${session.extensionId}/katex/`))).toBe(true);
    expect(await page.locator('arxiv-digest-card .abstract .katex').count()).toBeGreaterThan(0);
    expect(requests.filter((url) => /\.(woff2?|ttf)(\?|$)/.test(url) && !url.startsWith('chrome-extension://'))).toEqual([]);
  });
});

describe('listing pages and PDF tabs', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** The toolbar badge of the tab showing `url`, once it has one, else '' after `waitMs` (a fresh profile may still be seeding). */
  const badge = (url: string, waitMs = 30_000) =>
    session.worker.evaluate(async ([wanted, wait]) => {
      const { chrome } = globalThis as unknown as ChromeForBadges;
      for (let i = 0; i < wait / 100; i++) {
        const [tab] = await chrome.tabs.query({ url: wanted });
        const text = tab?.id === undefined ? '' : await chrome.action.getBadgeText({ tabId: tab.id });
        if (text) return text;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return '';
    }, [url, waitMs] as const);

  // First in its fresh profile, while the worker may still be starting: a tab that loaded before
  // the install's first run had registered its listeners gets its badge all the same.
  it('badges a PDF tab whose paper has a digest, and not one whose paper has none', async () => {
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/pdf/2404.15449v1');
    expect(await badge('https://arxiv.org/pdf/2404.15449v1')).toBe('文');
    await page.goto('https://arxiv.org/pdf/2501.00001');
    expect(await badge('https://arxiv.org/pdf/2501.00001', 5_000)).toBe('');
    await page.close();
  });

  it.each([
    ['arXiv listing', 'https://arxiv.org/list/cs.CV/new', ['2404.04650', '2404.13706', '2404.14507', '2404.15449']],
    ['Hugging Face daily papers', 'https://huggingface.co/papers', ['2403.04692', '2404.05674', '2404.14239', '2404.15449']],
  ])('marks the papers with a digest on the %s', async (_, url, expected) => {
    const page = await session.context.newPage();
    expect(await openPaperPage(page, url)).toBe('listing');
    const marked = await page.evaluate(() => [...document.querySelectorAll('arxiv-digest-marker')].map((m) => (m as HTMLElement).dataset.arxivId).sort());
    expect(marked).toEqual(expected);
    await page.close();
  });

  it('on Hugging Face daily papers: on the title’s line, the summary as tooltip, and a click saves without leaving', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await openPaperPage(page, 'https://huggingface.co/papers')).toBe('listing');
    const layout = await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('arxiv-digest-marker[data-arxiv-id="2404.15449"]')!;
      const title = host.closest('h3')!;
      const badge = host.shadowRoot!.querySelector('button')!;
      const lineHeight = parseFloat(getComputedStyle(title).lineHeight) || 28;
      return { tooltip: badge.title, badgeTop: badge.getBoundingClientRect().top, titleTop: title.getBoundingClientRect().top, lineHeight };
    });
    expect(layout.tooltip).toContain('身份保持');
    expect(layout.badgeTop - layout.titleTop).toBeLessThan(layout.lineHeight);
    await page.locator('arxiv-digest-marker[data-arxiv-id="2404.15449"] button').click();
    await page.locator('arxiv-digest-marker[data-arxiv-id="2404.15449"] button[aria-pressed="true"]').waitFor();
    expect(page.url()).toBe('https://huggingface.co/papers');
    // A page script's click saves nothing.
    await page.evaluate(() => document.querySelector('arxiv-digest-marker[data-arxiv-id="2404.14239"]')!.shadowRoot!.querySelector('button')!.click());
    await page.waitForTimeout(300);
    expect(await page.locator('arxiv-digest-marker[data-arxiv-id="2404.14239"] button').getAttribute('aria-pressed')).toBe('false');
    // The save is the reading list's: the arXiv listing shows it saved.
    expect(await openPaperPage(page, 'https://arxiv.org/list/cs.CV/new')).toBe('listing');
    expect(await page.locator('arxiv-digest-marker[data-arxiv-id="2404.15449"] button').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
