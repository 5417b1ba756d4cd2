import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeFixtures } from './fixtures/fixture-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { openPaperPage } from './support/overlay-page';

describe('listing markers in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
  });
  afterAll(async () => {
    await session?.close();
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
