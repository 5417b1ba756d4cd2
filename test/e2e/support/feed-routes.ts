import type { BrowserContext, Page } from 'playwright-core';
import { FEED_HOST_PERMISSIONS } from '../../../lib/feeds/github-urls';
import type { DigestRepo } from '../../support/digest-repo';
import type { RouteHandler } from './e2e-driver';
import type { ExtensionSession } from './launch-extension';

/**
 * Answers every request to these https hosts with `handler`, the service worker's included; 'offline' aborts the
 * request as a dropped network would.
 */
export async function routeHosts(context: BrowserContext, hosts: readonly string[], handler: RouteHandler): Promise<void> {
  for (const host of hosts) {
    await context.route(`https://${host}/**`, async (route) => {
      const answer = await handler(route.request().url(), await route.request().allHeaders());
      if (answer === 'offline') return route.abort('internetdisconnected');
      return route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) });
    });
  }
}

/** Serves a {@link DigestRepo} in place of api.github.com and raw.githubusercontent.com. `delay.ms` slows every answer (read per request). */
export async function routeGithub(context: BrowserContext, repo: DigestRepo, delay: { ms: number } = { ms: 0 }): Promise<void> {
  await routeHosts(context, GITHUB_HOSTS, async (url, headers) => {
    if (delay.ms > 0) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    return repo.answer(url, headers);
  });
}

/** The hosts a feed reads from: the trees API and the raw files. */
export const GITHUB_HOSTS = ['api.github.com', 'raw.githubusercontent.com'] as const;

/**
 * Grants optional origins the way a user does on chrome://extensions (site access), since headless Chromium cannot
 * answer a permission prompt; the extension's request in a click then gets them without one.
 */
export async function grantOrigins(session: ExtensionSession, origins: readonly string[]): Promise<void> {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ({ id, hosts }) => {
      const { chrome } = globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } };
      for (const host of hosts) await chrome.developerPrivate.addHostPermission(id, host);
    },
    { id: session.extensionId, hosts: [...origins] },
  );
  await page.close();
}

/** Grants the feed hosts, so that the options page's Subscribe gets them without a prompt. */
export function grantFeedHosts(session: ExtensionSession): Promise<void> {
  return grantOrigins(session, FEED_HOST_PERMISSIONS);
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
