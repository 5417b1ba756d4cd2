import type { Page } from 'playwright-core';
import type { ExtensionSession } from './launch-extension';

/** Opens the popup as a page, the way the toolbar button shows it, and waits for its search box. */
export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 480, height: 600 });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.getByRole('combobox').waitFor();
  return page;
}

/**
 * Opens the side panel's page in a window of its own, as Chrome's panel sits beside the tabs: the
 * normal window's active tab stays the page the panel follows.
 */
export async function openSidePanel(session: ExtensionSession): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/sidepanel.html`;
  const opened = session.context.waitForEvent('page', (page) => page.url() === url);
  await session.worker.evaluate((panelUrl) => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(options: { url: string; type: string; width: number; height: number }): Promise<unknown> } } };
    return chrome.windows.create({ url: panelUrl, type: 'popup', width: 420, height: 900 });
  }, url);
  const page = await opened;
  await page.getByRole('tablist').waitFor();
  return page;
}

/** Types a query and waits until the results for it are listed (or the empty state says so). */
export async function search(page: Page, query: string): Promise<string[]> {
  const box = page.getByRole('combobox');
  await box.fill(query);
  // The list says which query its results are for, so a stale list is never read as the answer.
  await page.locator(`.results[data-query="${query.replaceAll('"', '\\"')}"]`).waitFor({ state: 'attached', timeout: 20_000 });
  return page.locator('.result .result-title').allTextContents();
}

/**
 * Every row of the named tables, read in one transaction straight from the extension's IndexedDB
 * (from one of its pages), so a test sees what is stored rather than what the UI says.
 */
export function readTables(page: Page, tables: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (names) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('arxiv-digest-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(names);
          const requests = names.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            resolve(Object.fromEntries(names.map((name, i) => [name, requests[i]!.result])));
            open.result.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  );
}
