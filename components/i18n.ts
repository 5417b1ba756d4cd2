import browser from 'webextension-polyfill';
import type { MessageKey } from '../lib/i18n/ui-strings';

/**
 * A UI string in the browser's language. Unlike `translate`, it carries no English table: in the
 * content script that table alone was 8 KB of its 34 KB gzipped, for a fallback the built
 * extension never needs (the build writes every key to `_locales`). Only a content script whose
 * extension was updated or removed under it loses the i18n API; it then shows the key.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}
