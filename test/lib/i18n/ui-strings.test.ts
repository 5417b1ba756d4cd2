import { describe, expect, it } from 'vitest';
import { formatMessage, localeMessagesJson, MESSAGES } from '../../../lib/i18n/ui-strings';

describe('UI strings', () => {
  it('exist in English and 简体中文 for every key, with the same substitutions', () => {
    for (const [key, { en, zh_CN }] of Object.entries(MESSAGES)) {
      expect(en.trim(), key).not.toBe('');
      expect(zh_CN.trim(), key).not.toBe('');
      expect(zh_CN.match(/\$\d/g) ?? [], key).toEqual(en.match(/\$\d/g) ?? []);
    }
  });

  it('make valid _locales files whose keys Chrome accepts', () => {
    for (const locale of ['en', 'zh_CN'] as const) {
      const json = localeMessagesJson(locale);
      expect(Object.keys(json).every((key) => /^[A-Za-z0-9_@]+$/.test(key))).toBe(true);
      expect(json.extensionName?.message).toBe(MESSAGES.extensionName[locale]);
    }
  });

  it.each([
    ['v$1 of $2', ['2', '3'], 'v2 of 3'],
    ['no placeholders', ['x'], 'no placeholders'],
    ['missing $2', ['a'], 'missing $2'],
  ])('formats %s', (template, substitutions, expected) => {
    expect(formatMessage(template, substitutions)).toBe(expected);
  });
});
