import { describe, expect, it } from 'vitest';
import { cardTheme, parseComputedColor } from '../../../lib/page/page-theme';

describe('cardTheme', () => {
  it.each<[string, Parameters<typeof cardTheme>[0], string[], ReturnType<typeof cardTheme>]>([
    ['white arXiv', 'auto', ['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'], 'light'],
    ['a dark page', 'auto', ['rgba(0, 0, 0, 0)', 'rgb(11, 15, 25)'], 'dark'],
    ['the nearest opaque background wins', 'auto', ['rgb(250, 250, 250)', 'rgb(0, 0, 0)'], 'light'],
    ['a faint tint is see-through', 'auto', ['rgba(0, 0, 0, 0.1)', 'rgb(17, 24, 39)'], 'dark'],
    ['mid grey is light', 'auto', ['rgb(140, 140, 140)'], 'light'],
    ['nothing readable: the system decides', 'auto', ['rgba(0, 0, 0, 0)', 'color(display-p3 1 1 1)'], null],
    ['an unreadable colour is not read past', 'auto', ['oklch(0.2 0 0)', 'rgb(255, 255, 255)'], null],
    ['the setting over the page', 'dark', ['rgb(255, 255, 255)'], 'dark'],
    ['the setting with nothing to read', 'light', [], 'light'],
  ])('%s', (_, setting, backgrounds, expected) => {
    expect(cardTheme(setting, backgrounds)).toBe(expected);
  });
});

describe('parseComputedColor', () => {
  it.each([
    ['rgb(1, 2, 3)', { r: 1, g: 2, b: 3, a: 1 }],
    ['rgba(1, 2, 3, 0.5)', { r: 1, g: 2, b: 3, a: 0.5 }],
    ['rgb(1 2 3 / 40%)', { r: 1, g: 2, b: 3, a: 0.4 }],
    ['transparent', null],
  ])('%s', (text, expected) => {
    expect(parseComputedColor(text)).toEqual(expected);
  });
});
