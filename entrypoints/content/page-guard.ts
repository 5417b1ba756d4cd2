import browser from 'webextension-polyfill';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/*
 * WXT's content-script context announces itself when it starts, so that an older copy of the same
 * script (left behind by an extension update) stops. It does so twice: with a CustomEvent on the
 * document, and with `window.postMessage`, whose message names the event — and with it the
 * extension's id — to every script of the page. A hostile page on a matched site could then
 * dispatch that event itself and shut the card down. This module is evaluated before WXT creates
 * the context (entrypoints/content/index.ts imports it first), so:
 * - the announcement's `message` event is stopped before any page listener sees it (no copy of this
 *   script listens for it: WXT 0.21 listens for the CustomEvent only). It is stopped rather than
 *   never sent: replacing `window.postMessage` from a content script works in Chrome, but under
 *   Firefox's Xray wrappers it broke WXT's context and no card appeared;
 * - once running, the script ignores the CustomEvent while its own extension context is alive. A
 *   genuine newer copy only ever starts after an update, when the old copy's context is gone.
 */
// The event's name (the extension's id, the entrypoint, the message); WXT keeps it out of its types.
const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/**
 * A document_start content script runs before any page script, so this capture listener on the
 * window is the first of all: at the target, capture listeners run before the others.
 */
window.addEventListener(
  'message',
  (event) => {
    if (event.source !== window) return;
    const type = (event.data as { type?: unknown } | null)?.type;
    if (type === STARTED) event.stopImmediatePropagation();
  },
  { capture: true },
);

/** Stops forged "newer script started" events; call from `main`, after WXT's own announcement. */
export function guardAgainstThePage(): void {
  window.addEventListener(
    STARTED,
    (event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
