import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderArxivAbsTemplate, routeFixtures } from './fixtures/fixture-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { clickInCard, openPaperPage } from './support/overlay-page';

/**
 * Issue 13, finding 1: an abstract in corpus JSON, escaped as `\u003c`, that drew a clickable
 * full-page link over arxiv.org once the card was expanded. The first is the report's own; the
 * second uses katex.css's own absolute positioning (`.rlap > .katex-inner`) with lengths inside the
 * sanitiser's bounds, which only the abstract's containment keeps in the card.
 */
const PHISHING = [
  '<a class="card floating" href="https://evil.example/login" style="top:0;left:0;width:100vw;height:100vh;background-color:white">Your arXiv session expired…</a>',
  '<span class="katex"><span class="rlap"><span class="katex-inner" style="top:-25em;left:-25em;width:25em;height:25em;background-color:red"><a href="https://evil.example/2">Sign in again</a></span></span></span>',
].join(' ');

interface Box { left: number; top: number; right: number; bottom: number }

/** The math in the expanded card: each `.katex` element's markup and laid-out size. */
function mathInCard(page: Page): Promise<{ html: string; width: number; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelectorAll<HTMLElement>('.abstract .katex')]
      // The imported abstract's own fake `.katex` carries a link; real math never does.
      .filter((el) => !el.querySelector('a'))
      .map((el) => ({ html: el.outerHTML, width: Math.round(el.getBoundingClientRect().width), height: Math.round(el.getBoundingClientRect().height) })),
  );
}

describe('a hostile corpus-JSON import (issue 13)', () => {
  let session: ExtensionSession;
  let page: Page;
  let paper: { arxivId: string; title: string; abstract: string; abstractHtml: string };
  let before: Awaited<ReturnType<typeof mathInCard>>;

  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
    page = await session.context.newPage();
    // Built from the bundled corpus rather than committed, so the file stays valid for this schema
    // version: one paper with real math, its abstract prefixed with the overlay.
    const corpus = await session.worker.evaluate(async () => (await fetch('/corpus.json')).json());
    paper = corpus.papers.find((p: { abstractHtml: string }) => p.abstractHtml.includes('class="katex"'));
    await page.route(`https://arxiv.org/abs/${paper.arxivId}`, async (route) =>
      // Without the page's own abstract, which the card would not repeat: the card shows its own.
      route.fulfill({ contentType: 'text/html', body: await renderArxivAbsTemplate({ id: paper.arxivId, title: paper.title, authors: ['A B'], abstract: paper.abstract }, { abstractBlock: false }) }),
    );
    expect(await openPaperPage(page, `https://arxiv.org/abs/${paper.arxivId}`)).toBe('card');
    await clickInCard(page, 'details > summary');
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    before = await mathInCard(page);

    const hostile = { ...corpus, papers: [{ ...paper, abstractHtml: `${PHISHING} ${paper.abstractHtml}` }] };
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Imports' }).waitFor();
    const buffer = Buffer.from(JSON.stringify(hostile).replace(/</g, '\\u003c'));
    await options.locator('.import-digests input[type=file]').setInputFiles({ name: 'phishing-corpus.json', mimeType: 'application/json', buffer });
    await options.waitForFunction(() => ['done', 'cancelled', 'failed'].includes(document.querySelector('.import-digests')?.getAttribute('data-import-step') ?? ''), null, { timeout: 120_000 });
    expect(await options.locator('.import-digests .import-file[data-file="phishing-corpus.json"]').getAttribute('data-status')).toBe('imported');
    await options.close();

    await openPaperPage(page, `https://arxiv.org/abs/${paper.arxivId}`);
    await clickInCard(page, 'details > summary');
    await page.waitForFunction(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('.abstract a[href^="https://evil.example/login"]'), null, { timeout: 20_000 });
    await page.waitForFunction(() => document.fonts.status === 'loaded');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the imported abstract, the links reduced to plain links', async () => {
    const links = await page.evaluate(() => [...document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelectorAll('.abstract a')].map((a) => a.outerHTML));
    expect(links[0]).toBe('<a href="https://evil.example/login" style="background-color:white" rel="noopener noreferrer">Your arXiv session expired…</a>');
    expect(links).toHaveLength(2);
  });

  it('draws nothing of the card\'s shadow root outside the card\'s box', async () => {
    const { card, outside } = await page.evaluate(() => {
      const root = document.querySelector('arxiv-digest-card')!.shadowRoot!;
      const cardElement = root.querySelector('.card')!;
      const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      const card = box(cardElement.getBoundingClientRect());
      // What an element paints is its box cut by every clipping ancestor; bounding rects ignore clipping.
      const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible' || /paint|strict|content/.test(style.contain);
      const outside: string[] = [];
      for (const element of cardElement.querySelectorAll('*')) {
        const painted = box(element.getBoundingClientRect());
        for (let up = element.parentElement; up && up !== cardElement.parentElement; up = up.parentElement) {
          if (!clips(getComputedStyle(up))) continue;
          const clip = up.getBoundingClientRect();
          painted.left = Math.max(painted.left, clip.left);
          painted.top = Math.max(painted.top, clip.top);
          painted.right = Math.min(painted.right, clip.right);
          painted.bottom = Math.min(painted.bottom, clip.bottom);
        }
        if (painted.right <= painted.left || painted.bottom <= painted.top) continue;
        if (painted.left < card.left - 1 || painted.top < card.top - 1 || painted.right > card.right + 1 || painted.bottom > card.bottom + 1) {
          outside.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${JSON.stringify(painted)}`);
        }
      }
      return { card, outside };
    });
    expect(card.right - card.left).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });

  it('is not what the page\'s corners hit', async () => {
    const hits = await page.evaluate(() => {
      const [w, h] = [document.documentElement.clientWidth, window.innerHeight];
      return [[2, 2], [w - 3, 2], [2, h - 3], [w - 3, h - 3]].map(([x, y]) => document.elementFromPoint(x!, y!)?.closest('arxiv-digest-card') !== null);
    });
    expect(hits).toEqual([false, false, false, false]);
  });

  it('renders the real math exactly as before the hostile import', async () => {
    expect(before.length).toBeGreaterThan(0);
    const after = await mathInCard(page);
    expect(after.map((m) => m.html)).toEqual(before.map((m) => m.html));
    expect(after.map((m) => [m.width, m.height])).toEqual(before.map((m) => [m.width, m.height]));
    // katex.css applies: KaTeX's classes survived, its MathML copy is clipped away for sighted readers.
    const styled = await page.evaluate(() => {
      // Real math, not the imported abstract's fake `.katex` (it carries a link).
      const math = [...document.querySelector('arxiv-digest-card')!.shadowRoot!.querySelectorAll('.abstract .katex')].find((el) => !el.querySelector('a'))!;
      return { font: getComputedStyle(math).fontFamily, mathml: getComputedStyle(math.querySelector('.katex-mathml')!).position };
    });
    expect(styled.font).toContain('KaTeX_Main');
    expect(styled.mathml).toBe('absolute');
  });
});
