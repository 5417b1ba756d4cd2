/**
 * What a shared end-to-end case needs from a browser, and nothing more: Chromium implements it with playwright-core
 * (`chromium-driver.ts`), Firefox with puppeteer-core over WebDriver BiDi (`test/e2e-firefox/firefox-driver.ts`).
 * A case written against it runs unchanged in both (see `e2e-cases.ts`).
 */

/** The browsers with an end-to-end suite. */
export type BrowserName = 'chromium' | 'firefox';

/** One tab. Paper sites are answered from the fixtures (`fixtureResponse`); extension pages are the real build. */
export interface E2eTab {
  /** Loads a URL in this tab and brings it to the front (a background tab's timers are throttled). */
  goto(url: string): Promise<void>;
  /** Runs a function in the page (for an extension page: with the extension's APIs) and returns its result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Polls a function in the page until it returns something truthy; fails after `timeoutMs`. */
  waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** A real mouse click on the first match; `shadowHost` names an element whose open shadow root holds it. */
  click(selector: string, shadowHost?: string): Promise<void>;
  /** Focuses a field, clears it and types into it key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Picks files in an `<input type=file>`, as the file chooser would. */
  setInputFiles(selector: string, paths: string[]): Promise<void>;
  close(): Promise<void>;
}

/** What a routed host answers: a response, or 'offline' for a connection that drops, as with no network. */
export type RoutedAnswer = { status: number; headers: Record<string, string>; body: string | Uint8Array } | 'offline';

/** Answers one routed request, given its URL and request headers. */
export type RouteHandler = (url: string, headers: Record<string, string>) => RoutedAnswer | Promise<RoutedAnswer>;

/** A browser with the built extension installed in a fresh profile. */
export interface E2eDriver {
  readonly browser: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: extension pages are this plus `/popup.html` etc. */
  readonly extensionOrigin: string;
  newTab(): Promise<E2eTab>;
  /**
   * Opens an extension page in a popup window of its own, as the panel sits beside the tabs: the normal window's
   * active tab stays the one the page follows. Resolves once `readySelector` is on the page.
   */
  openWindow(path: string, readySelector: string): Promise<E2eTab>;
  /**
   * Puts the background to sleep the way the browser does when it is idle (Chrome stops the service worker, Firefox
   * suspends the event page) and resolves once it is asleep; the next event has to wake it.
   */
  sleepBackground(): Promise<void>;
  /**
   * Answers every https request to these hosts with `handler`, the background's own requests included (the feeds'
   * GitHub). Paper sites need no call: the fixtures answer them from the start.
   */
  routeHosts(hosts: readonly string[], handler: RouteHandler): Promise<void>;
  /**
   * Lets the extension have these optional origins when it asks for them in a click, without the prompt a test
   * cannot answer: as the user's *Allow* would.
   */
  allowOptionalOrigins(origins: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** How long a condition may take before a case fails: generous, since eight engineers share two cores. */
export const CONDITION_TIMEOUT_MS = 30_000;
