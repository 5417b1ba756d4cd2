import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The unpacked Chrome MV3 build, as the README tells users to load it. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Chromium profile with the built extension loaded. */
export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Closes the browser and deletes the profile unless it was given by the caller. */
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium with the built extension, headless, with no network of its own.
 * @param userDataDir A profile folder to reuse (to test restarts); a fresh one by default.
 * @param uiLanguage The browser's UI language (`zh-CN`), which the extension's i18n follows.
 */
export async function launchExtension(userDataDir?: string, { uiLanguage = 'en-US' } = {}): Promise<ExtensionSession> {
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'adc-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    locale: uiLanguage,
    // On Linux, Chromium takes its UI language from LANGUAGE; --lang covers the other platforms.
    env: { ...process.env, LANGUAGE: uiLanguage.replace('-', '_') },
    // Extensions need Chromium's new headless mode, which playwright's own `headless` flag does not pick.
    headless: false,
    args: [
      '--headless=new',
      `--lang=${uiLanguage}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
