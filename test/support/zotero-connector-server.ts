import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, listenOnLoopback } from './loopback-server';
import { zoteroItemProblems } from './zotero-schema';

/** One save the fake Zotero accepted: the session and the items as they arrived. */
export interface ConnectorSave {
  sessionID: string;
  uri: unknown;
  items: Record<string, unknown>[];
}

export interface FakeZoteroOptions {
  /** The protocol the fake Zotero speaks (Zotero 7: 3). */
  apiVersion?: number;
  /** Session ids already taken, as if an earlier save had used them. */
  takenSessions?: string[];
  port?: number;
}

/**
 * Zotero desktop's connector server, as far as saving items goes, on a loopback port: the request
 * handling of `server.js` and the endpoints of `server_connector.js` and `saveSession.js`.
 * - unknown path: 404; HEAD and OPTIONS: 200; a method the endpoint does not take: 400;
 * - a request from a browser (a `Mozilla/` user agent or an `Origin`) without
 *   `X-Zotero-Connector-API-Version` or `Zotero-Allowed-Request` is dropped without an answer;
 * - POST without Content-Length, with a content type the endpoint does not take, or with bad JSON: 400;
 * - every answer carries `X-Zotero-Version` and `X-Zotero-Connector-API-Version`;
 * - `GET /connector/ping`: 200, "Zotero is running"; `POST`: its prefs as JSON;
 * - `POST /connector/saveItems`: a connector version header below the server's → 400
 *   `CONNECTOR_VERSION_OUTDATED`; a session id seen before → 409 `SESSION_EXISTS`; else 201.
 *   Each item is checked against Zotero's item types and fields (`zotero-schema.ts`): an item Zotero
 *   would save only in part fails the save with 500, so a test sees it.
 */
export async function startFakeZotero(options: FakeZoteroOptions = {}) {
  const apiVersion = options.apiVersion ?? 3;
  const sessions = new Set(options.takenSessions ?? []);
  const saves: ConnectorSave[] = [];
  const requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, Buffer.concat(chunks).toString('utf8'), res));
  });

  function reply(res: ServerResponse, status: number, contentType?: string, body?: string): void {
    res.writeHead(status, {
      'X-Zotero-Version': '7.0.15',
      'X-Zotero-Connector-API-Version': String(apiVersion),
      ...(contentType && { 'Content-Type': contentType }),
      ...(body === undefined && { 'Content-Length': '0' }),
    });
    res.end(body);
  }

  const endpoints: Record<string, { methods: string[]; dataTypes: string[] }> = {
    '/connector/ping': { methods: ['GET', 'POST'], dataTypes: ['application/json', 'text/plain'] },
    '/connector/saveItems': { methods: ['POST'], dataTypes: ['application/json'] },
  };

  function handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    requests.push({ method, path, headers: req.headers });
    const endpoint = endpoints[path];
    if (!endpoint) return reply(res, 404, 'text/plain', 'No endpoint found\n');
    if (method === 'HEAD' || method === 'OPTIONS') return reply(res, 200);
    if (method !== 'GET' && method !== 'POST') return reply(res, 501, 'text/plain', 'Method not implemented\n');
    if (method === 'POST' && !/^\d+$/.test(req.headers['content-length'] ?? '')) return reply(res, 400, 'text/plain', 'Content-length not provided\n');
    if (!endpoint.methods.includes(method)) return reply(res, 400, 'text/plain', 'Endpoint does not support method\n');
    const isBrowser = (req.headers['user-agent'] ?? '').startsWith('Mozilla/') || 'origin' in req.headers;
    const sanctioned = 'x-zotero-connector-api-version' in req.headers || 'zotero-allowed-request' in req.headers;
    const navigatedPing = path === '/connector/ping' && req.headers['sec-fetch-mode'] === 'navigate';
    if (isBrowser && !sanctioned && !navigatedPing) {
      // Zotero cancels the response: the browser sees a network error.
      req.socket.destroy();
      return;
    }
    let data: Record<string, unknown> = {};
    const contentType = req.headers['content-type']?.split(/\s*;/)[0];
    if (method === 'POST' && contentType) {
      if (!endpoint.dataTypes.includes(contentType)) return reply(res, 400, 'text/plain', 'Endpoint does not support content-type\n');
      if (contentType === 'application/json') {
        try {
          data = JSON.parse(body) as Record<string, unknown>;
        } catch {
          return reply(res, 400, 'text/plain', 'Invalid JSON provided\n');
        }
      }
    }
    if (path === '/connector/ping') {
      if (method === 'GET') return reply(res, 200, 'text/html', '<!DOCTYPE html><html><body>Zotero is running</body></html>');
      return reply(res, 200, 'application/json', JSON.stringify({ prefs: { automaticSnapshots: true, downloadAssociatedFiles: true } }));
    }
    // saveItems: the version check runs first (forced), then the session, then the save.
    const clientVersion = req.headers['x-zotero-connector-api-version'];
    if (clientVersion !== undefined && Number(clientVersion) < apiVersion) {
      return reply(res, 400, 'application/json', JSON.stringify({ error: 'CONNECTOR_VERSION_OUTDATED' }));
    }
    const sessionID = data.sessionID === undefined ? randomUUID() : String(data.sessionID);
    if (sessions.has(sessionID)) return reply(res, 409, 'application/json', JSON.stringify({ error: 'SESSION_EXISTS' }));
    sessions.add(sessionID);
    const items = Array.isArray(data.items) ? (data.items as Record<string, unknown>[]) : [];
    const problems = items.flatMap((item, i) => zoteroItemProblems(item).map((problem) => `item ${i}: ${problem}`));
    if (problems.length > 0) return reply(res, 500, 'text/plain', problems.join('\n'));
    saves.push({ sessionID, uri: data.uri, items });
    return reply(res, 201, 'application/json');
  }

  await listenOnLoopback(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    saves,
    requests,
    sessions,
    close: () => closeServer(server),
  };
}

export type FakeZotero = Awaited<ReturnType<typeof startFakeZotero>>;
