import browser from 'webextension-polyfill';
import { saveToZotero, zoteroOriginPattern } from '../../lib/zotero/connector-client';
import type { ZoteroSender } from '../../lib/zotero/save-papers';

/**
 * Sends items to Zotero desktop's connector on this computer, if the user has let the extension
 * reach it. The permission is optional and asked for by the page where *Save to Zotero* was
 * clicked (a request needs that click); the background only checks it, since without it the
 * browser would refuse the request anyway, for want of CORS headers on Zotero's side.
 */
export const sendToZotero: ZoteroSender = async (items) => {
  if (!(await browser.permissions.contains({ origins: [zoteroOriginPattern(import.meta.env.BROWSER)] }))) return { status: 'permission-needed' };
  return saveToZotero(items, {
    fetch: (input, init) => fetch(input, init),
    newSessionId: () => crypto.randomUUID(),
    // Zotero records it as where the items came from; one item's own page says the most.
    uri: items.length === 1 && items[0]!.url ? items[0]!.url : 'https://arxiv.org/',
  });
};
