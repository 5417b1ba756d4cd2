import browser from 'webextension-polyfill';
import { formatMessage, MESSAGES, type MessageKey } from '../lib/i18n/messages';

/**
 * A UI string in the browser's language, through the extension's `_locales`; English where the
 * i18n API has nothing (unit tests).
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  let message = '';
  try {
    message = browser.i18n.getMessage(key, substitutions);
  } catch {
    // No extension context: fall through to the English text.
  }
  return message || formatMessage(MESSAGES[key].en, substitutions);
}
