import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../../lib/titles';

describe('normalizeTitle', () => {
  it.each([
    ['PixArt-Σ: Weak-to-Strong Training', 'pixart sigma weak to strong training'],
    ['PixArt-sigma: Weak-to-Strong Training', 'pixart sigma weak to strong training'],
    ['PixArt-α', 'pixart alpha'],
    ['INITNO: Boosting Text-to-Image Diffusion Models', 'initno boosting text to image diffusion models'],
    ['Classifier-Free Diffusion   Guidance ', 'classifier free diffusion guidance'],
    ['`Stray` backticks`', 'stray backticks'],
    ["Tweedie's formula", 'tweedies formula'],
    ['Déjà vu: Naïve Diffusion', 'deja vu naive diffusion'],
    ['ϵ-prediction vs ε-prediction', 'epsilon prediction vs epsilon prediction'],
    ['ＦｕｌｌＷｉｄｔｈ（Ｔｉｔｌｅ）', 'fullwidth title'],
    ['中文标题：扩散模型', '中文标题 扩散模型'],
    ['', ''],
    ['— ! —', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normalizeTitle(s);
        expect(normalizeTitle(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});
