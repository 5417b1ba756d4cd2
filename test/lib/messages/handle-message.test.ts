import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundClient, handleMessage, BackgroundError, REQUEST_SENDERS, type CompanionApi } from '../../../lib/messages';
import { StoreError } from '../../../lib/store/store-error';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const me = { id: OWN_ID };

/** An API whose every method records its request and answers with it. */
function echoApi(): CompanionApi & { calls: unknown[] } {
  const calls: unknown[] = [];
  const answer = async (request: unknown) => {
    calls.push(request);
    return request as never;
  };
  return {
    calls,
    'page.lookup': answer,
    'search.query': answer,
    'paper.get': answer,
    'taxonomy.node': answer,
    'paper.status': answer,
    'taxonomy.open': answer,
    'settings.get': answer,
    'settings.update': answer,
    'readingList.list': answer,
    'readingList.save': answer,
    'readingList.update': answer,
    'readingList.remove': answer,
    'readingList.export': answer,
    'readingList.import': answer,
    'taxonomy.tree': answer,
    'imports.list': answer,
    'imports.remove': answer,
    'imports.changed': answer,
    'zotero.save': answer,
    'zoteroPaper.save': answer,
    'feeds.list': answer,
    'feeds.subscribe': answer,
    'feeds.unsubscribe': answer,
    'feeds.check': answer,
    'feeds.news': answer,
    'sync.status': answer,
    'sync.set': answer,
    'backup.list': answer,
    'backup.restore': answer,
    'options.open': answer,
  };
}

describe('handleMessage', () => {
  it.each([
    [{ type: 'page.lookup', url: 'https://arxiv.org/abs/2404.15449' }, { meta: {} }],
    [{ type: 'search.query', query: '身份保持' }, { filters: { kind: 'all', savedOnly: false }, limit: 20 }],
    [{ type: 'search.query', query: 'x', filters: { kind: 'entry', subtree: 'text-to-image' }, limit: 5 }, { filters: { kind: 'entry', savedOnly: false, subtree: 'text-to-image' } }],
    [{ type: 'paper.get', arxivId: '2404.15449' }, {}],
    [{ type: 'taxonomy.node', id: 'text-to-image' }, {}],
    [{ type: 'readingList.list' }, {}],
    [{ type: 'paper.status', arxivIds: ['2404.15449', 'junk'] }, {}],
    [{ type: 'taxonomy.open', nodeId: 'text-to-image' }, {}],
    [{ type: 'imports.list' }, {}],
    [{ type: 'imports.remove', batchId: '6f1c' }, {}],
    [{ type: 'imports.changed' }, {}],
    [{ type: 'settings.get' }, {}],
    [{ type: 'settings.update', patch: { cardCollapsed: true } }, {}],
    [{ type: 'readingList.save', paper: { arxivId: null, title: 'T', source: 'popup' } }, { paper: { arxivId: null, title: 'T', source: 'popup', version: null, authors: [], url: null } }],
    [{ type: 'readingList.update', key: 'arxiv:2404.15449', patch: { status: 'done' } }, {}],
    [{ type: 'readingList.remove', key: 'arxiv:2404.15449' }, {}],
    [{ type: 'readingList.export', format: 'bibtex' }, {}],
    [{ type: 'readingList.import', text: '{}' }, {}],
    [{ type: 'taxonomy.tree' }, {}],
    [{ type: 'zotero.save', keys: ['arxiv:2404.15449', 'title:dreambooth'] }, {}],
    [{ type: 'zoteroPaper.save', arxivId: '2404.15449' }, {}],
  ])('dispatches %j with its defaults filled in', async (message, defaults) => {
    const api = echoApi();
    const reply = await handleMessage(api, message, me, OWN_ID);
    expect(reply.ok).toBe(true);
    expect(api.calls).toEqual([expect.objectContaining({ ...message, ...defaults })]);
  });

  it.each([
    ['no message', undefined],
    ['a string', 'lookupPage'],
    ['an unknown type', { type: 'dropTables' }],
    ['a missing field', { type: 'paper.get' }],
    ['a wrong field type', { type: 'search.query', query: 42 }],
    ['an oversized query', { type: 'search.query', query: 'x'.repeat(501) }],
    ['a limit out of range', { type: 'search.query', query: 'x', limit: 10_000 }],
    ['a bad status', { type: 'readingList.update', key: 'k', patch: { status: 'skimmed' } }],
    ['an unknown setting value', { type: 'settings.update', patch: { cardCollapsed: 'yes' } }],
    ['too many ids', { type: 'paper.status', arxivIds: Array.from({ length: 501 }, () => '2404.15449') }],
    ['an unknown export format', { type: 'readingList.export', format: 'docx' }],
    ['a Zotero save of nothing', { type: 'zotero.save', keys: [] }],
    ['a Zotero save of more than a list view selects', { type: 'zotero.save', keys: Array.from({ length: 501 }, (_, i) => `arxiv:2404.${i}`) }],
    ['a hostile save', { type: 'readingList.save', paper: { arxivId: '<script>', title: 'x', source: 'card' } }],
  ])('answers %s with a bad-message error, without calling the API', async (_, message) => {
    const api = echoApi();
    const reply = await handleMessage(api, message, me, OWN_ID);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message', message: expect.stringMatching(/^Malformed request/) } });
    expect(api.calls).toEqual([]);
  });

  it.each([[{}], [{ id: 'another-extension' }]])('refuses messages from sender %j', async (sender) => {
    const api = echoApi();
    const reply = await handleMessage(api, { type: 'readingList.list' }, sender, OWN_ID);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(api.calls).toEqual([]);
  });

  it('turns a store failure into an error envelope with the user message', async () => {
    const api = echoApi();
    api['readingList.save'] = () => Promise.reject(new StoreError('quota-exceeded'));
    api['paper.get'] = () => Promise.reject(new TypeError('boom'));
    const quota = await handleMessage(api, { type: 'readingList.save', paper: { arxivId: null, title: 'T', source: 'popup' } }, me, OWN_ID);
    expect(quota).toMatchObject({ ok: false, error: { code: 'quota-exceeded', message: expect.stringMatching(/disk is full/) } });
    const bug = await handleMessage(api, { type: 'paper.get', arxivId: '1' }, me, OWN_ID);
    expect(bug).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('never throws, whatever arrives', async () => {
    const api = echoApi();
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (message) => {
        const reply = await handleMessage(api, message, me, OWN_ID);
        expect(typeof reply.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('createBackgroundClient', () => {
  it('returns the value of a good reply and throws the code of a bad one', async () => {
    const api = echoApi();
    const client = createBackgroundClient((message) => handleMessage(api, message, me, OWN_ID));
    await expect(client.call({ type: 'paper.get', arxivId: '2404.15449' })).resolves.toMatchObject({ arxivId: '2404.15449' });
    const error = await client.call({ type: 'paper.get' } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundError);
    expect(error).toMatchObject({ code: 'bad-message' });
  });

  it('retries while a waking worker has no listener yet', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, value: { entries: [] } });
    await expect(createBackgroundClient(send).call({ type: 'readingList.list' })).resolves.toEqual({ entries: [] });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up with a readable error when the background never answers', async () => {
    const send = vi.fn().mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(createBackgroundClient(send, { retries: 1 }).call({ type: 'readingList.list' })).rejects.toMatchObject({ code: 'internal' });
    await expect(createBackgroundClient(async () => undefined).call({ type: 'readingList.list' })).rejects.toThrow(/sent no answer/);
  });
});

describe('the request context', () => {
  it('passes the sending tab to the API', async () => {
    const api = echoApi();
    let seen: unknown;
    api['taxonomy.open'] = async (_request, context) => {
      seen = context;
      return { opened: false };
    };
    await handleMessage(api, { type: 'taxonomy.open', nodeId: 'n' }, { id: OWN_ID, tab: { id: 7 } }, OWN_ID);
    expect(seen).toEqual({ tabId: 7 });
  });
});

describe('who may send what', () => {
  const contentScript = { id: OWN_ID, tab: { id: 7 }, url: 'https://arxiv.org/abs/2404.15449' };
  const optionsInATab = { id: OWN_ID, tab: { id: 8 }, url: `chrome-extension://${OWN_ID}/options.html` };
  const firefoxPage = { id: OWN_ID, tab: { id: 9 }, url: 'moz-extension://0b3c1a2e-1111-4c4c-9a9a-123456789abc/sidepanel.html' };
  const popup = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` };

  it.each(Object.entries(REQUEST_SENDERS))('declares who may send %s', (type, senders) => {
    expect(['content-script', 'extension-page']).toContain(senders);
    expect(type).toMatch(/^[a-z]+[A-Za-z]*\.[a-z]+$/);
  });

  it.each<[string, Record<string, unknown>]>([
    ['readingList.export', { format: 'json' }],
    ['readingList.import', { text: '{}' }],
    ['readingList.remove', { key: 'arxiv:2404.15449' }],
    ['readingList.list', {}],
    ['imports.remove', { batchId: 'b' }],
    ['search.query', { query: 'x' }],
    ['sync.set', { enabled: true }],
    ['backup.restore', { id: 1 }],
  ])('refuses %s from a content script, and answers it for the extension pages', async (type, fields) => {
    const api = echoApi();
    expect(await handleMessage(api, { type, ...fields }, contentScript, OWN_ID)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(api.calls).toEqual([]);
    for (const sender of [optionsInATab, firefoxPage, popup]) expect(await handleMessage(api, { type, ...fields }, sender, OWN_ID)).toMatchObject({ ok: true });
  });

  it.each<[string, Record<string, unknown>]>([
    ['page.lookup', { url: 'https://arxiv.org/abs/2404.15449' }],
    ['paper.status', { arxivIds: ['2404.15449'] }],
    ['settings.get', {}],
    ['settings.update', { patch: { cardCollapsed: true } }],
    ['readingList.save', { paper: { arxivId: '2404.15449', title: 'T', source: 'card' } }],
    ['taxonomy.open', { nodeId: 'n' }],
  ])('answers %s from a content script', async (type, fields) => {
    expect(await handleMessage(echoApi(), { type, ...fields }, contentScript, OWN_ID)).toMatchObject({ ok: true });
  });
});
