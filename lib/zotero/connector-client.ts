import type { ZoteroConnectorItem } from './zotero-item';

/** Where Zotero desktop's connector server listens (its `httpServer.port` preference, 23119 unless changed). */
const ZOTERO_CONNECTOR_URL = 'http://127.0.0.1:23119';
/**
 * The match pattern of the optional host permission that lets the extension reach it, in each browser. Firefox's
 * match patterns take no port (Firefox bugs 1362809 and 1468162): it grants one with a port, but the grant then
 * matches no URL, so the requests stay cross-origin and Zotero, which sends no CORS headers, is never reached. So
 * Firefox asks for the whole loopback host, Chrome for the port alone.
 */
export function zoteroOriginPattern(browser: string): string {
  return browser === 'firefox' ? 'http://127.0.0.1/*' : 'http://127.0.0.1:23119/*';
}
/** The connector protocol this client speaks (Zotero 5.0.? onwards, and Zotero 7). */
export const CONNECTOR_API_VERSION = 3;

/** How a save went, in terms the UI can put into words. */
export type ZoteroSaveOutcome =
  | { status: 'saved'; items: number }
  /** No answer on the port: Zotero is not running, or its connector is off. */
  | { status: 'not-running' }
  /** The two sides speak different connector protocols; `update` says which side should be updated. */
  | { status: 'outdated'; update: 'zotero' | 'extension' }
  | { status: 'failed'; message: string };

export interface ConnectorClientOptions {
  /** The platform's `fetch` (lib/ is pure: the caller hands it in). */
  fetch: typeof fetch;
  /** A fresh save-session id; Zotero refuses one it has seen in the last ten minutes. */
  newSessionId: () => string;
  /** The page the items came from, for Zotero's "retrieved from" (the connector's `uri`). */
  uri: string;
  baseUrl?: string;
  /** How long to wait for the ping; a connector that does not answer in time counts as not running. */
  timeoutMs?: number;
}

// The connector marks every request of its own with this header; Zotero drops a browser's request
// without it (or `Zotero-Allowed-Request`), so a web page can never drive it.
const HEADERS = { 'X-Zotero-Connector-API-Version': String(CONNECTOR_API_VERSION) };
// A reused session id gets 409; a handful of fresh ones is plenty before something else is wrong.
const SESSION_TRIES = 3;

/**
 * Saves items into Zotero desktop through its local connector server, as Zotero's own browser
 * connector does: `GET /connector/ping` to see it is there, then `POST /connector/saveItems` with
 * `{items, sessionID, uri}`. 201 is saved; 409 `SESSION_EXISTS` is answered with a new session id;
 * 400 `CONNECTOR_VERSION_OUTDATED`, or a Zotero whose ping announces an older protocol, is
 * reported as `outdated`. Never throws: every failure is an outcome.
 */
export async function saveToZotero(items: readonly ZoteroConnectorItem[], options: ConnectorClientOptions): Promise<ZoteroSaveOutcome> {
  const base = options.baseUrl ?? ZOTERO_CONNECTOR_URL;
  const timeoutMs = options.timeoutMs ?? 5000;
  const request = (path: string, init: RequestInit, waitMs: number) =>
    options.fetch(`${base}${path}`, { ...init, headers: { ...HEADERS, ...init.headers }, signal: AbortSignal.timeout(waitMs), credentials: 'omit' });
  // Zotero writes each item and its note in its own transaction: a long list takes a while.
  const saveWaitMs = timeoutMs + items.length * 250;

  let ping: Response;
  try {
    ping = await request('/connector/ping', {}, timeoutMs);
  } catch {
    return { status: 'not-running' };
  }
  // Something else may hold the port; only Zotero answers its ping with 200 and its version header.
  const serverVersion = Number(ping.headers.get('X-Zotero-Connector-API-Version'));
  if (!ping.ok || !ping.headers.has('X-Zotero-Version')) return { status: 'not-running' };
  if (serverVersion && serverVersion < CONNECTOR_API_VERSION) return { status: 'outdated', update: 'zotero' };

  for (let attempt = 0; attempt < SESSION_TRIES; attempt++) {
    let response: Response;
    try {
      const body = JSON.stringify({ items, sessionID: options.newSessionId(), uri: options.uri });
      response = await request('/connector/saveItems', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, saveWaitMs);
    } catch (error) {
      // It answered the ping a moment ago: a save that times out may still land, so say so.
      return { status: 'failed', message: error instanceof Error && error.name === 'TimeoutError' ? 'Zotero did not answer in time; check whether the item arrived' : 'the connection to Zotero broke off' };
    }
    if (response.status === 201) return { status: 'saved', items: items.length };
    const error = await errorCode(response);
    if (response.status === 409 && error === 'SESSION_EXISTS') continue;
    if (response.status === 400 && error === 'CONNECTOR_VERSION_OUTDATED') {
      const version = Number(response.headers.get('X-Zotero-Connector-API-Version'));
      return { status: 'outdated', update: version > CONNECTOR_API_VERSION ? 'extension' : 'zotero' };
    }
    if (response.status === 500 && error === 'libraryEditable') return { status: 'failed', message: 'the library selected in Zotero is read-only' };
    return { status: 'failed', message: `Zotero answered ${response.status}${error ? ` (${error})` : ''}` };
  }
  return { status: 'failed', message: 'Zotero refused every new save session' };
}

/** The error a connector reply names: `{"error": …}`, or `libraryEditable` for `{"libraryEditable": false}`. */
async function errorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: unknown; libraryEditable?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (body.libraryEditable === false) return 'libraryEditable';
  } catch {
    // Not JSON: Zotero's plain-text errors ("Endpoint does not support method") carry no code.
  }
  return null;
}
