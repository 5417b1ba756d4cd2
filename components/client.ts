import browser from 'webextension-polyfill';
import { createBackgroundClient } from '../lib/messages/background-client';

/** The popup's and the side panel's line to the background. */
export const backgroundClient = createBackgroundClient((message) => browser.runtime.sendMessage(message));

/** The message text of anything thrown, for an error line in the UI. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
