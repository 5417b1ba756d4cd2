/** Why a store call failed, in terms a UI can act on. */
export type StoreErrorCode =
  /** IndexedDB cannot be opened here (a Firefox private window, a blocked profile, a broken disk). */
  | 'storage-unavailable'
  /** The disk or the browser's quota is full; the write was rolled back. */
  | 'quota-exceeded'
  | 'not-found'
  /** A call's arguments, or an imported file, are not what they must be. */
  | 'invalid'
  /** The bundled corpus is broken; the build that made it is at fault. */
  | 'corpus-invalid'
  /** The bundled corpus is still being written (just after an install or update). */
  | 'corpus-not-ready'
  | 'internal';

const USER_MESSAGES: Record<StoreErrorCode, string> = {
  'storage-unavailable':
    'The browser will not let the extension store data here (this happens in private windows). Search and saving need storage; nothing you saved before was changed.',
  'quota-exceeded':
    'The disk is full, so this change could not be saved. Nothing you saved before was changed or lost. Free some disk space and try again.',
  'not-found': 'That item no longer exists.',
  invalid: 'The request was not valid.',
  'corpus-not-ready': 'The bundled digests are still being set up, which takes a few seconds after an install or update. Nothing was changed; please try again in a moment.',
  'corpus-invalid': 'The digest corpus that came with this version of the extension is damaged. Please reinstall or update the extension.',
  internal: 'Something went wrong inside the extension. Nothing you saved was changed.',
};

/** A failure with a code and a message a user can read. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /**
   * @param code What went wrong.
   * @param detail Shown after the user message: which item, which field.
   */
  constructor(
    readonly code: StoreErrorCode,
    detail?: string,
    options?: ErrorOptions,
  ) {
    super(detail ? `${USER_MESSAGES[code]} (${detail})` : USER_MESSAGES[code], options);
  }
}

// Names IndexedDB and Dexie give to "this storage cannot be used at all".
const UNAVAILABLE = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError', 'UnknownError', 'VersionError']);

/**
 * Classifies any error thrown by IndexedDB or Dexie. Dexie wraps the cause of an aborted
 * transaction in `inner`, so the chain is followed down to the first name that says more.
 */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const name = (cause as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return new StoreError('quota-exceeded', undefined, { cause: error });
    if (typeof name === 'string' && UNAVAILABLE.has(name)) return new StoreError('storage-unavailable', describe(cause), { cause: error });
    cause = (cause as { inner?: unknown; cause?: unknown }).inner ?? (cause as { cause?: unknown }).cause;
  }
  return new StoreError('internal', describe(error), { cause: error });
}

function describe(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    const { name, message } = error as { name?: string; message?: string };
    return [name, message].filter(Boolean).join(': ').slice(0, 300);
  }
  return String(error).slice(0, 300);
}
