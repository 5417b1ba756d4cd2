import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixtureResponse } from '../e2e/fixtures/fixture-pages';
import { closeServer, listenOnLoopback } from '../support/loopback-server';
import { CONDITION_TIMEOUT_MS, type E2eDriver, type E2eTab, type RouteHandler } from '../e2e/support/e2e-driver';

/** The unpacked Firefox MV2 build, as the README tells users to load it (`npm run build:firefox`). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** Debian's `firefox-esr`; set FIREFOX_PATH to use another Firefox (140 or newer, for `webExtension.install`). */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox gives each install a random internal UUID, the host of its `moz-extension://` pages. This pref pins it
 * for the add-on's gecko id, so the tests know the popup's address before the add-on is installed.
 */
export const FIREFOX_EXTENSION_UUID = '0d1a5c3e-7b2f-4e1d-9c8a-6f4b3e2d1a50';

/**
 * Firefox suspends an idle event page after 30 s. In this suite it does so after 10 s, so a case can put it to sleep
 * in little time and any case may find it asleep, as a user does after a pause. Not shorter: a page that blocks its
 * event loop (parsing and indexing the corpus on install) makes no calls that count as activity meanwhile, and on
 * this shared machine that can last several seconds; at 3 s Firefox cut the first seeding short again and again.
 */
const BACKGROUND_IDLE_MS = 10_000;

/** `browser_specific_settings.gecko.id` of the build: the key Firefox looks the UUID up by. */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/** The extension's APIs as an extension page sees them, for what the driver itself calls there. */
interface FirefoxExtensionApis {
  browser: {
    windows: { create(options: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
    extension: { getBackgroundPage(): unknown };
  };
}

/**
 * Starts Debian's Firefox headless in a fresh profile over WebDriver BiDi and installs the built add-on as a temporary
 * add-on (`webExtension.install`), as *Load Temporary Add-on…* does. Paper sites are answered from the fixtures through
 * BiDi request interception in every tab the driver opens; nothing reaches the network.
 */
export async function launchFirefoxDriver(): Promise<E2eDriver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Since Firefox 153, WebDriver may navigate to moz-extension:// pages only with system access allowed.
    args: ['--remote-allow-system-access'],
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: FIREFOX_EXTENSION_UUID }),
      'extensions.background.idle.timeout': BACKGROUND_IDLE_MS,
      // No update checks, telemetry or remote settings: the machine has no network.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'services.settings.server': 'http://127.0.0.1:9/',
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const newTab = async () => firefoxTab(await preparePage(await browser.newPage()));
  /** A moz-extension:// page that exists only for the driver's own calls, where the extension's APIs are. */
  const extensionPage = async () => {
    const tab = await newTab();
    await tab.goto(`${extensionOrigin}/popup.html`);
    return tab;
  };
  let routes: RouteServer | undefined;
  return {
    browser: 'firefox',
    extensionOrigin,
    newTab,
    async openWindow(path, readySelector) {
      const caller = await extensionPage();
      const before = new Set(await browser.pages());
      await caller.evaluate(async (url) => {
        await (globalThis as unknown as FirefoxExtensionApis).browser.windows.create({ url, type: 'popup', width: 420, height: 900 });
      }, `${extensionOrigin}/${path}`);
      await caller.close();
      const tab = firefoxTab(await preparePage(await pageOpenedAfter(browser, before)));
      await tab.waitUntil((sel) => document.querySelector(sel), readySelector);
      return tab;
    },
    async sleepBackground() {
      // extension.getBackgroundPage() is null while the event page is suspended, and asking does not wake it.
      const watcher = await extensionPage();
      await watcher.waitUntil(() => (globalThis as unknown as FirefoxExtensionApis).browser.extension.getBackgroundPage() === null, null, 60_000);
      await watcher.close();
    },
    async routeHosts(hosts, handler) {
      routes ??= await startRouteServer();
      for (const host of hosts) routes.handlers.set(host, handler);
      await evaluateInChrome(browser, redirectToLoopback(routes.port, [...routes.handlers.keys()]));
    },
    async allowOptionalOrigins() {
      // Firefox grants what the add-on asks for in a click at once when its prompts are off; the request still has
      // to come from a click (Firefox refuses one that does not), and only origins the manifest lists are granted.
      await evaluateInChrome(browser, `Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`);
    },
    async close() {
      await browser.close();
      await routes?.close();
    },
  };
}

/**
 * Runs an expression in the browser window's own privileged scope, where Firefox's code runs (`Services` etc.), and
 * returns its value: WebDriver BiDi reaches it with `--remote-allow-system-access`.
 */
async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { contexts } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const window = contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window in the chrome scope');
  const { result } = (await connection.send('script.evaluate', { target: { context: window.context }, expression, awaitPromise: true })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } };
  if (result.type === 'exception') throw new Error(`in Firefox's chrome scope: ${result.exceptionDetails?.text}`);
  return result.result?.value;
}

/** What the driver uses of puppeteer's BiDi connection (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface RouteServer {
  port: number;
  handlers: Map<string, RouteHandler>;
  close(): Promise<void>;
}

/**
 * WebDriver BiDi intercepts the requests of tabs, not those of the add-on's background page, which is in no tab. So
 * routed hosts are answered by a loopback server, to which Firefox redirects their requests (`redirectToLoopback`):
 * `https://api.github.com/x` is asked as `http://127.0.0.1:<port>/api.github.com/x`.
 */
async function startRouteServer(): Promise<RouteServer> {
  const handlers = new Map<string, RouteHandler>();
  const server: Server = createServer((request: IncomingMessage, response) => {
    const [, host = '', path = '/'] = /^\/([^/]+)(\/.*)?$/.exec(request.url ?? '/') ?? [];
    const handler = handlers.get(host);
    // The redirect made the request cross-origin (the add-on's host permission was for the routed host, not for
    // this one), so every answer carries the CORS headers, and a preflight is let through.
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-expose-headers': '*' };
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    void Promise.resolve(handler ? handler(`https://${host}${path}`, request.headers as Record<string, string>) : ({ status: 404, headers: {}, body: '' } as const)).then((answer) => {
      if (answer === 'offline') return void request.socket.destroy();
      response.writeHead(answer.status, { ...cors, ...answer.headers }).end(answer.body);
    });
  });
  await listenOnLoopback(server, 0);
  return {
    port: (server.address() as AddressInfo).port,
    handlers,
    close: () => closeServer(server),
  };
}

/** The chrome-scope code that sends every https request to `hosts` to the loopback route server instead. */
function redirectToLoopback(port: number, hosts: string[]): string {
  return `(() => {
    const state = (globalThis.__e2eRoutes ??= { hosts: new Set() });
    state.port = ${port};
    for (const host of ${JSON.stringify(hosts)}) state.hosts.add(host);
    if (state.observer) return;
    state.observer = {
      observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        const { scheme, host, pathQueryRef } = channel.URI;
        if (scheme !== 'https' || !state.hosts.has(host)) return;
        // An add-on's request is answered only where its granted origins reach the host, so a grant that matches
        // no URL (as a pattern with a port did for Zotero) fails here as it would against the real site.
        const policy = channel.loadInfo?.triggeringPrincipal?.addonPolicy;
        if (policy && !policy.canAccessURI(channel.URI)) return;
        channel.redirectTo(Services.io.newURI('http://127.0.0.1:' + state.port + '/' + host + pathQueryRef));
      },
    };
    Services.obs.addObserver(state.observer, 'http-on-modify-request');
  })()`;
}

async function preparePage(page: Page): Promise<Page> {
  page.setDefaultTimeout(CONDITION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(60_000);
  // A window just opened may not have its browser element yet ("browser is null"): asked again a moment later.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.setViewport({ width: 1280, height: 900 });
      break;
    } catch (error) {
      if (attempt >= 30 || !/browser is null/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await page.setRequestInterception(true);
  page.on('request', (request) => void answerFromFixtures(request));
  return page;
}

/** The page the browser opened after `before` was taken (puppeteer sees a moz-extension:// load under no URL). */
async function pageOpenedAfter(browser: Browser, before: Set<Page>): Promise<Page> {
  const deadline = Date.now() + CONDITION_TIMEOUT_MS;
  for (;;) {
    const opened = (await browser.pages()).find((page) => !before.has(page));
    if (opened) return opened;
    if (Date.now() > deadline) throw new Error('no new window opened');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answerFromFixtures(request: HTTPRequest): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const response = await fixtureResponse(request.url());
  if (response) await request.respond({ status: response.status, contentType: response.contentType, body: response.body });
  else await request.continue();
}

function firefoxTab(page: Page): E2eTab {
  const element = async (selector: string) => (await page.waitForSelector(selector))!;
  return {
    async goto(url) {
      await page.bringToFront();
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url);
        return;
      }
      // Puppeteer waits for navigation events that Firefox does not send for a load in the extension process, so
      // the page's own browsing context navigates and the page then says when it is there.
      const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> } };
      await frame.browsingContext.navigate(url, 'complete');
      await page.waitForFunction((wanted) => location.href === wanted && document.readyState === 'complete', { polling: 100 }, url);
    },
    // The page function is serialised, so its generic types stop at this boundary.
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    async waitUntil(fn, arg, timeoutMs = CONDITION_TIMEOUT_MS) {
      // Interval polling: a background tab gets no animation frames.
      await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 100 }, arg);
    },
    // `>>>` is puppeteer's combinator into open shadow roots.
    click: (selector, shadowHost) => page.locator(shadowHost ? `${shadowHost} >>> ${selector}` : selector).click(),
    async type(selector, text) {
      const field = await element(selector);
      await field.evaluate((el) => {
        (el as HTMLInputElement).value = '';
      });
      await field.type(text);
    },
    async setInputFiles(selector, paths) {
      await ((await element(selector)) as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    close: () => page.close(),
  };
}
