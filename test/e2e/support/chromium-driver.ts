import type { Page } from 'playwright-core';
import { routeFixtures } from '../fixtures/fixture-pages';
import { CONDITION_TIMEOUT_MS, type E2eDriver, type E2eTab } from './e2e-driver';
import { grantOrigins, routeHosts } from './feed-routes';
import { launchExtension } from './launch-extension';

/** The shared cases' driver for Chromium: {@link launchExtension}, with the fixtures routed by playwright. */
export async function launchChromiumDriver(): Promise<E2eDriver> {
  const session = await launchExtension();
  await routeFixtures(session.context);
  const { context } = session;
  return {
    browser: 'chromium',
    extensionOrigin: `chrome-extension://${session.extensionId}`,
    async newTab() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      return chromiumTab(page);
    },
    async openWindow(path, readySelector) {
      const url = `chrome-extension://${session.extensionId}/${path}`;
      const opened = context.waitForEvent('page', (page) => page.url() === url);
      await session.worker.evaluate((windowUrl) => {
        const { chrome } = globalThis as unknown as { chrome: { windows: { create(options: object): Promise<unknown> } } };
        return chrome.windows.create({ url: windowUrl, type: 'popup', width: 420, height: 900 });
      }, url);
      const page = await opened;
      await page.locator(readySelector).first().waitFor();
      return chromiumTab(page);
    },
    async sleepBackground() {
      // What Chrome does to an idle worker, through the DevTools protocol.
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const states: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => states.push(...versions.map((version) => version.runningStatus)));
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + CONDITION_TIMEOUT_MS;
      while (states.at(-1) !== 'stopped') {
        if (Date.now() > deadline) throw new Error(`the service worker did not stop: ${states.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cdp.detach();
    },
    routeHosts: (hosts, handler) => routeHosts(context, hosts, handler),
    allowOptionalOrigins: (origins) => grantOrigins(session, origins),
    close: () => session.close(),
  };
}

function chromiumTab(page: Page): E2eTab {
  return {
    async goto(url) {
      await page.goto(url);
      await page.bringToFront();
    },
    // The page function is serialised, so its generic types stop at this boundary.
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    async waitUntil(fn, arg, timeoutMs = CONDITION_TIMEOUT_MS) {
      await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: timeoutMs, polling: 100 });
    },
    // Playwright's CSS selectors pierce open shadow roots by themselves.
    click: (selector, shadowHost) => page.locator(shadowHost ? `${shadowHost} ${selector}` : selector).first().click(),
    async type(selector, text) {
      await page.locator(selector).fill('');
      await page.locator(selector).pressSequentially(text);
    },
    setInputFiles: (selector, paths) => page.locator(selector).setInputFiles(paths),
    close: () => page.close(),
  };
}
