import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { saveToZotero, type ConnectorClientOptions } from '../../../lib/zotero/connector-client';
import { zoteroItem, type ZoteroConnectorItem } from '../../../lib/zotero/zotero-item';
import { readingListEntry } from '../../support/reading-list-entry';
import { startFakeZotero, type FakeZotero } from '../../support/zotero-connector-server';

const item = (fields: Partial<ZoteroConnectorItem> = {}): ZoteroConnectorItem => ({
  ...zoteroItem({ entry: readingListEntry({ tags: ['identity'] }), digest: null, placements: [] }, 'item-1'),
  notes: [{ note: '<p>速览</p>' }],
  ...fields,
});

let zotero: FakeZotero | undefined;
afterEach(async () => {
  await zotero?.close();
  zotero = undefined;
});

function options(baseUrl: string, sessions: string[] = ['session-1', 'session-2', 'session-3', 'session-4']): ConnectorClientOptions {
  const queue = [...sessions];
  return { fetch, baseUrl, uri: 'https://arxiv.org/abs/2404.15449', newSessionId: () => queue.shift()!, timeoutMs: 2000 };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('saveToZotero', () => {
  it('pings, then saves the items with their note in one session, as the connector does', async () => {
    zotero = await startFakeZotero();
    expect(await saveToZotero([item()], options(zotero.url))).toEqual({ status: 'saved', items: 1 });
    expect(zotero.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /connector/ping', 'POST /connector/saveItems']);
    expect(zotero.requests.every((r) => r.headers['x-zotero-connector-api-version'] === '3')).toBe(true);
    expect(zotero.saves).toEqual([{ sessionID: 'session-1', uri: 'https://arxiv.org/abs/2404.15449', items: [JSON.parse(JSON.stringify(item()))] }]);
    expect(zotero.saves[0]!.items[0]!.notes).toEqual([{ note: '<p>速览</p>' }]);
  });

  it('saves many papers in one request', async () => {
    zotero = await startFakeZotero();
    const items = [item({ id: 'a' }), item({ id: 'b', title: 'Another' })];
    expect(await saveToZotero(items, options(zotero.url))).toEqual({ status: 'saved', items: 2 });
    expect(zotero.saves[0]!.items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('takes a new session id when Zotero says the session exists', async () => {
    zotero = await startFakeZotero({ takenSessions: ['session-1'] });
    expect(await saveToZotero([item()], options(zotero.url))).toEqual({ status: 'saved', items: 1 });
    expect(zotero.saves.map((s) => s.sessionID)).toEqual(['session-2']);
  });

  it('gives up after three taken sessions, saying so', async () => {
    zotero = await startFakeZotero({ takenSessions: ['session-1', 'session-2', 'session-3'] });
    expect(await saveToZotero([item()], options(zotero.url))).toEqual({ status: 'failed', message: 'Zotero refused every new save session' });
    expect(zotero.saves).toEqual([]);
  });

  it('says Zotero is not running when nothing listens on the port', async () => {
    expect(await saveToZotero([item()], options(`http://127.0.0.1:${await closedPort()}`))).toEqual({ status: 'not-running' });
  });

  it('says Zotero is not running when something else answers on the port', async () => {
    const other = createServerAnswering(200);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      expect(await saveToZotero([item()], options(`http://127.0.0.1:${(other.address() as { port: number }).port}`))).toEqual({ status: 'not-running' });
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it.each([
    ['a Zotero newer than the protocol (400 CONNECTOR_VERSION_OUTDATED)', 4, 'extension'],
    ['a Zotero older than the protocol (its ping says 2)', 2, 'zotero'],
  ])('reports %s as outdated, naming what to update', async (_, apiVersion, update) => {
    zotero = await startFakeZotero({ apiVersion });
    expect(await saveToZotero([item()], options(zotero.url))).toEqual({ status: 'outdated', update });
    expect(zotero.saves).toEqual([]);
  });

  it('fails with Zotero’s reason when an item does not fit Zotero’s schema', async () => {
    zotero = await startFakeZotero();
    const bad = { ...item(), publicationTitle: 'not a preprint field' } as ZoteroConnectorItem;
    const outcome = await saveToZotero([bad], options(zotero.url));
    expect(outcome).toEqual({ status: 'failed', message: 'Zotero answered 500' });
    expect(zotero.saves).toEqual([]);
  });
});

describe('the loopback Zotero', () => {
  it.each([
    ['drops a browser’s request without the connector header', { 'User-Agent': 'Mozilla/5.0' }, 'GET', '/connector/ping', 'dropped'],
    ['drops a request with an Origin and no connector header', { Origin: 'https://evil.example' }, 'GET', '/connector/ping', 'dropped'],
    ['answers a browser’s request with the header', { 'User-Agent': 'Mozilla/5.0', 'X-Zotero-Connector-API-Version': '3' }, 'GET', '/connector/ping', 200],
    ['refuses GET on saveItems', { 'X-Zotero-Connector-API-Version': '3' }, 'GET', '/connector/saveItems', 400],
    ['knows no other endpoint', {}, 'GET', '/connector/nothing', 404],
  ])('%s', async (_, headers, method, path, expected) => {
    zotero = await startFakeZotero();
    const status = await fetch(`${zotero.url}${path}`, { method, headers }).then(
      (response) => response.status,
      () => 'dropped',
    );
    expect(status).toBe(expected);
  });

  it('refuses a body that is not JSON', async () => {
    zotero = await startFakeZotero();
    const response = await fetch(`${zotero.url}/connector/saveItems`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': '3' }, body: '{' });
    expect([response.status, await response.text()]).toEqual([400, 'Invalid JSON provided\n']);
  });
});

function createServerAnswering(status: number) {
  return createHttpServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/html' });
    res.end('<html>some other service</html>');
  });
}
