import * as v from 'valibot';
import { toStoreError } from '../store/store-error';
import { REQUEST_SENDERS, RequestSchema, type CompanionApi, type Envelope, type RequestContext, type ResponseMap, type ValidRequest } from './protocol';

/** The sender facts the background checks: `runtime.MessageSender` has more, these are what count. */
export interface MessageSenderInfo {
  id?: string;
  tab?: { id?: number };
  /** The sending document's URL: a page's for a content script, the extension's own for its pages. */
  url?: string;
}

// An extension page's URL; a content script's sender URL is the page it runs in, never one of these.
const EXTENSION_PAGE = /^(?:chrome|moz|safari-web|ms-browser)-extension:\/\//;

/** A content script: it runs inside a web page (it has a tab), and its document is not the extension's. */
function isContentScript(sender: MessageSenderInfo): boolean {
  return sender.tab !== undefined && !EXTENSION_PAGE.test(sender.url ?? '');
}

/**
 * Answers one incoming message. Anything but a valid request from this extension gets an error
 * envelope; no input makes it throw, so a bad message can never crash the worker.
 *
 * @param api The background's implementation of every request.
 * @param ownId This extension's id: messages from other extensions are refused.
 */
export async function handleMessage(
  api: CompanionApi,
  message: unknown,
  sender: MessageSenderInfo,
  ownId: string,
): Promise<Envelope<ResponseMap[keyof ResponseMap]>> {
  if (sender.id !== ownId) return fail('forbidden-sender', 'Messages are accepted from this extension only.');
  const parsed = v.safeParse(RequestSchema, message);
  if (!parsed.success) {
    const problems = parsed.issues.slice(0, 5).map((issue) => `${v.getDotPath(issue) ?? 'message'}: ${issue.message}`);
    return fail('bad-message', `Malformed request: ${problems.join('; ')}`);
  }
  if (REQUEST_SENDERS[parsed.output.type] === 'extension-page' && isContentScript(sender)) {
    return fail('forbidden-sender', `A page may not ask for ${parsed.output.type}; only the extension's own pages may.`);
  }
  try {
    return { ok: true, value: await dispatch(api, parsed.output, { tabId: sender.tab?.id }) };
  } catch (error) {
    const storeError = toStoreError(error);
    return fail(storeError.code, storeError.message);
  }
}

function dispatch(api: CompanionApi, request: ValidRequest, context: RequestContext): Promise<ResponseMap[keyof ResponseMap]> {
  // The variant schema guarantees `request` is the type its `type` names.
  const handler = api[request.type] as (request: ValidRequest, context: RequestContext) => Promise<ResponseMap[keyof ResponseMap]>;
  return handler.call(api, request, context);
}

function fail(code: Extract<Envelope<never>, { ok: false }>['error']['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
