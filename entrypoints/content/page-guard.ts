import browser from 'webextension-polyfill';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/*
 * WXT's content-script context announces itself when it starts, so that an older copy of the same
 * script (left behind by an extension update) stops. It does so twice: with a CustomEvent on the
 * document, and with `window.postMessage`, whose message names the event — and with it the
 * extension's id — to every script of the page. A hostile page on a matched site could then
 * dispatch that event itself and shut the card down. This module is evaluated before WXT creates
 * the context (entrypoints/content/index.ts imports it first), so:
 * - the announcement by postMessage is dropped (this script has no older copy that listens for it:
 *   WXT 0.21 listens for the CustomEvent only);
 * - once running, the script ignores the CustomEvent while its own extension context is alive. A
 *   genuine newer copy only ever starts after an update, when the old copy's context is gone.
 */
const STARTED = 'wxt:content-script-started';
const windowPostMessage = window.postMessage;

window.postMessage = function postMessageWithoutAnnouncement(this: Window, message: unknown, ...rest: unknown[]) {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && type.endsWith(STARTED)) return;
  return (windowPostMessage as (...args: unknown[]) => void).call(this, message, ...rest);
} as typeof window.postMessage;

/** Restores `postMessage` and stops forged "newer script started" events; call from `main`. */
export function guardAgainstThePage(): void {
  window.postMessage = windowPostMessage;
  // The event's name (the extension's id, the entrypoint, the message); WXT keeps it out of its types.
  const started = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  window.addEventListener(
    started,
    (event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
