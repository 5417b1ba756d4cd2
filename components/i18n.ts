import browser from 'webextension-polyfill';
import { translate, type MessageKey } from '../lib/i18n/ui-strings';

/** A UI string in the browser's language; see `translate`. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return translate((name, subs) => browser.i18n.getMessage(name, subs), key, substitutions);
}
