import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundClient, handleMessage, BackgroundError, type CompanionApi } from '../../../lib/messages';
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
    lookupPage: answer,
    search: answer,
    getPaper: answer,
    taxonomyNode: answer,
    paperStatus: answer,
    openTaxonomyNode: answer,
    'settings.get': answer,
    'settings.update': answer,
    'readingList.list': answer,
    'readingList.save': answer,
    'readingList.update': answer,
    'readingList.remove': answer,
    'readingList.export': answer,
    'readingList.import': answer,
    taxonomyRoots: answer,
    'imports.list': answer,
    'imports.remove': answer,
    'imports.changed': answer,
  };
}

describe('handleMessage', () => {
  it.each([
    [{ type: 'lookupPage', url: 'https://arxiv.org/abs/2404.15449' }, { meta: {} }],
    [{ type: 'search', query: '身份保持' }, { filters: { kind: 'all', savedOnly: false }, limit: 20 }],
    [{ type: 'search', query: 'x', filters: { kind: 'entry', subtree: 'text-to-image' }, limit: 5 }, { filters: { kind: 'entry', savedOnly: false, subtree: 'text-to-image' } }],
    [{ type: 'getPaper', arxivId: '2404.15449' }, {}],
    [{ type: 'taxonomyNode', id: 'text-to-image' }, {}],
    [{ type: 'readingList.list' }, {}],
    [{ type: 'paperStatus', arxivIds: ['2404.15449', 'junk'] }, {}],
    [{ type: 'openTaxonomyNode', nodeId: 'text-to-image' }, {}],
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
    [{ type: 'taxonomyRoots' }, {}],
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
    ['a missing field', { type: 'getPaper' }],
    ['a wrong field type', { type: 'search', query: 42 }],
    ['an oversized query', { type: 'search', query: 'x'.repeat(501) }],
    ['a limit out of range', { type: 'search', query: 'x', limit: 10_000 }],
    ['a bad status', { type: 'readingList.update', key: 'k', patch: { status: 'skimmed' } }],
    ['an unknown setting value', { type: 'settings.update', patch: { cardCollapsed: 'yes' } }],
    ['too many ids', { type: 'paperStatus', arxivIds: Array.from({ length: 501 }, () => '2404.15449') }],
    ['an unknown export format', { type: 'readingList.export', format: 'docx' }],
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
    api.getPaper = () => Promise.reject(new TypeError('boom'));
    const quota = await handleMessage(api, { type: 'readingList.save', paper: { arxivId: null, title: 'T', source: 'popup' } }, me, OWN_ID);
    expect(quota).toMatchObject({ ok: false, error: { code: 'quota-exceeded', message: expect.stringMatching(/disk is full/) } });
    const bug = await handleMessage(api, { type: 'getPaper', arxivId: '1' }, me, OWN_ID);
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
    await expect(client.call({ type: 'getPaper', arxivId: '2404.15449' })).resolves.toMatchObject({ arxivId: '2404.15449' });
    const error = await client.call({ type: 'getPaper' } as never).catch((e: unknown) => e);
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
    api.openTaxonomyNode = async (_request, context) => {
      seen = context;
      return { opened: false };
    };
    await handleMessage(api, { type: 'openTaxonomyNode', nodeId: 'n' }, { id: OWN_ID, tab: { id: 7 } }, OWN_ID);
    expect(seen).toEqual({ tabId: 7 });
  });
});
