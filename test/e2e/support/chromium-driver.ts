import type { Page } from 'playwright-core';
import { routeFixtures } from '../fixtures/fixture-pages';
import { CONDITION_TIMEOUT_MS, type E2eDriver, type E2eTab } from './e2e-driver';
import { launchExtension } from './launch-extension';

/** The shared cases' driver for Chromium: {@link launchExtension}, with the fixtures routed by playwright. */
export async function launchChromiumDriver(): Promise<E2eDriver> {
  const session = await launchExtension();
  await routeFixtures(session.context);
  return {
    browser: 'chromium',
    extensionOrigin: `chrome-extension://${session.extensionId}`,
    async newTab() {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      return chromiumTab(page);
    },
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
