import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFixturePage, routeFixtures } from './fixtures/fixture-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { clickInCard, openPaperPage } from './support/overlay-page';

/** A box as the page lays it out, in CSS pixels of the viewport. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of an element inside the card's shadow root, or null when it is absent or not drawn. */
function boxInCard(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector(sel);
    if (!el) return null;
    const { left, top, right, bottom, width, height } = el.getBoundingClientRect();
    return width > 0 && height > 0 ? { left, top, right, bottom } : null;
  }, selector);
}

function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const { left, top, right, bottom } = el.getBoundingClientRect();
    return { left, top, right, bottom };
  }, selector);
}

const VIEWPORT = { width: 1280, height: 800 };

describe('where the card sits, in Chromium at 1280×800', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
    // OpenReview's forum fixture is DreamBooth, which has no digest: the same page with ID-Aligner's
    // title and authors stands for an OpenReview paper the corpus has a digest of.
    const forum = (await readFixturePage('openreview-forum-dreambooth.html')).replaceAll(
      'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
      'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning',
    );
    await session.context.route('https://openreview.net/forum?id=idaligner', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: forum }));
    page = await session.context.newPage();
    await page.setViewportSize(VIEWPORT);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each([
    ['arXiv abs', 'https://arxiv.org/abs/2404.15449', 'blockquote.abstract'],
    ['arXiv HTML', 'https://arxiv.org/html/2404.15449v1', '.ltx_abstract'],
    ['alphaXiv', 'https://www.alphaxiv.org/abs/2404.15449', '.abstract-block'],
    ['Hugging Face', 'https://huggingface.co/papers/2404.15449', 'section.container.pb-8'],
    ['OpenReview', 'https://openreview.net/forum?id=idaligner', '.note-content'],
  ])('on %s, puts the 中文 summary and Save in the first viewport, under the title and authors, in the abstract’s column', async (_, url, abstract) => {
    expect(await openPaperPage(page, url)).toBe('card');
    const summary = await boxInCard(page, '.summary');
    const save = await boxInCard(page, 'button.save');
    for (const box of [summary, save]) {
      expect(box).not.toBeNull();
      expect(box!.top).toBeGreaterThanOrEqual(0);
      expect(box!.bottom).toBeLessThanOrEqual(VIEWPORT.height);
      expect(box!.left).toBeGreaterThanOrEqual(0);
      expect(box!.right).toBeLessThanOrEqual(VIEWPORT.width);
    }
    // Above the page's abstract, in its column: the card's edges are the abstract's.
    const card = (await boxInCard(page, '.card'))!;
    const pageAbstract = (await boxOf(page, abstract))!;
    expect(card.bottom).toBeLessThanOrEqual(pageAbstract.top + 1);
    const column = await page.evaluate((sel) => {
      const el = document.querySelector(sel)!;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const framed = parseFloat(style.borderLeftWidth) > 0 || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
      const inset = (side: 'Left' | 'Right') => (framed ? 0 : parseFloat(style[`padding${side}`]));
      return { left: box.left + inset('Left'), right: box.right - inset('Right') };
    }, abstract);
    expect(Math.abs(card.left - column.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(card.right - column.right)).toBeLessThanOrEqual(1);
  });

  it('collapsed, keeps the one-line summary and Save, and only they show', async () => {
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2404.15449')).toBe('card');
    await clickInCard(page, 'button.toggle');
    expect(await boxInCard(page, '.takeaways')).toBeNull();
    expect(await boxInCard(page, '.summary')).not.toBeNull();
    expect(await boxInCard(page, 'button.save')).not.toBeNull();
    // Saving from the collapsed card works like saving from the open one.
    await clickInCard(page, 'button.save');
    await page.locator('arxiv-digest-card button.save[aria-pressed="true"]').waitFor();
    await page.waitForTimeout(200);
    // Collapsed is remembered, and another paper shows its own first line, collapsed too.
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2403.04692')).toBe('card');
    expect(await boxInCard(page, 'details')).toBeNull();
    expect(await boxInCard(page, '.lead-text')).not.toBeNull();
    await clickInCard(page, 'button.toggle');
    expect(await boxInCard(page, 'details')).not.toBeNull();
  });
});
