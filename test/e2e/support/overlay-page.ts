import type { Page } from 'playwright-core';
import { routeFixtures } from '../fixtures/fixture-pages';
import { launchExtension, type ExtensionSession } from './launch-extension';

/** What the content script reported on `<html data-arxiv-digest>`. */
export type OverlayOutcome = 'card' | 'no-digest' | 'listing' | 'none' | 'error';

/** The extension in a fresh browser, the fixture sites routed, and one tab at 1280×900: where card tests start. */
export async function launchWithCardTab(): Promise<{ session: ExtensionSession; page: Page }> {
  const session = await launchExtension();
  await routeFixtures(session.context);
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  return { session, page };
}

/** Opens a URL and waits until the content script has decided what to show there. */
export async function openPaperPage(page: Page, url: string): Promise<OverlayOutcome> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-arxiv-digest'), null, { timeout: 20_000 });
  return (await page.getAttribute('html', 'data-arxiv-digest')) as OverlayOutcome;
}

/** Text of the first element matching a selector inside the card's open shadow root, or null. */
export function cardText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector(sel)?.textContent ?? null, selector);
}

/** Texts of every element matching a selector inside the card. */
export function cardTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) => [...(document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelectorAll(sel) ?? [])].map((el) => el.textContent ?? ''),
    selector,
  );
}

/** Clicks an element inside the card (Playwright pierces open shadow roots with plain CSS selectors). */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  await page.locator(`arxiv-digest-card ${selector}`).first().click();
}
