import * as v from 'valibot';
import { toStoreError } from '../store/store-error';
import { RequestSchema, type CompanionApi, type Envelope, type RequestContext, type ResponseMap, type ValidRequest } from './protocol';

/** The sender facts the background checks: `runtime.MessageSender` has more, these are what count. */
export interface MessageSenderInfo {
  id?: string;
  tab?: { id?: number };
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
