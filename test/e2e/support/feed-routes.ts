import type { BrowserContext, Page } from 'playwright-core';
import type { DigestRepo } from '../../support/digest-repo';
import type { ExtensionSession } from './launch-extension';

/**
 * Serves a {@link DigestRepo} in place of api.github.com and raw.githubusercontent.com; 'offline'
 * aborts the request as a dropped network would. `delay.ms` slows every answer (read per request).
 */
export async function routeGithub(context: BrowserContext, repo: DigestRepo, delay: { ms: number } = { ms: 0 }): Promise<void> {
  for (const host of ['https://api.github.com/**', 'https://raw.githubusercontent.com/**']) {
    await context.route(host, async (route) => {
      if (delay.ms > 0) await new Promise((resolve) => setTimeout(resolve, delay.ms));
      const answer = repo.answer(route.request().url(), await route.request().allHeaders());
      if (answer === 'offline') return route.abort('internetdisconnected');
      return route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) });
    });
  }
}

/**
 * Grants the feed hosts the way a user does on chrome://extensions (site access), since headless
 * Chromium cannot answer a permission prompt; the options page's click then gets them without one.
 */
export async function grantFeedHosts(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } };
    for (const host of ['https://api.github.com/*', 'https://raw.githubusercontent.com/*']) await chrome.developerPrivate.addHostPermission(id, host);
  }, session.extensionId);
  await page.close();
}

/** Opens the options page at its *Digest feeds* section. */
export async function openFeedOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Digest feeds' }).waitFor();
  return page;
}

/** Ticks every topic of the archive and *everything*, then clicks Subscribe (the click asks for the permission). */
export async function subscribeToWholeArchive(page: Page): Promise<void> {
  for (const box of await page.locator('.feed-topics input[type=checkbox]').all()) await box.check();
  await page.getByLabel('everything').check();
  await page.locator('.feed-subscribe').click();
}

/** Sends a request to the background from an extension page and returns its envelope. */
export function sendFromPage<T = unknown>(page: Page, message: unknown): Promise<{ ok: boolean; value: T; error?: { message: string } }> {
  return page.evaluate((msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage(msg), message);
}
