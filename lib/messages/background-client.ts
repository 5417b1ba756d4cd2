import type { Envelope, ErrorCode, RequestOf, RequestType, ResponseMap } from './protocol';

/** An error the background answered with; `message` is written for the user. */
export class BackgroundError extends Error {
  override readonly name = 'BackgroundError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Sends one message and resolves with the reply: `browser.runtime.sendMessage` in the extension. */
export type SendMessage = (message: unknown) => Promise<unknown>;

/** The typed sender's side of the protocol. */
export interface BackgroundClient {
  /**
   * Sends a request and resolves with its typed answer.
   * @throws BackgroundError with the background's code and user message.
   */
  call<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]>;
}

// A worker that was asleep may not have registered its listener when the first message leaves.
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/**
 * A client over any transport. Takes the transport as an argument so that the same code runs in
 * the content script, the popup, the side panel and in tests.
 */
export function createBackgroundClient(send: SendMessage, { retries = 2 } = {}): BackgroundClient {
  return {
    async call<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
      let reply: unknown;
      for (let attempt = 0; ; attempt++) {
        try {
          reply = await send(request);
          break;
        } catch (error) {
          if (attempt >= retries || !NO_RECEIVER.test(String((error as Error)?.message ?? error))) {
            throw new BackgroundError('internal', `The extension's background did not answer: ${(error as Error)?.message ?? error}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
        }
      }
      const envelope = reply as Envelope<ResponseMap[T]> | undefined;
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
        throw new BackgroundError('internal', 'The extension\'s background sent no answer.');
      }
      if (!envelope.ok) throw new BackgroundError(envelope.error.code, envelope.error.message);
      return envelope.value;
    },
  };
}
