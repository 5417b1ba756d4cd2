import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, isHanTerm, tokenize, tokenizeField } from '../../../lib/search';

describe('foldText', () => {
  it.each([
    ['Diffusion Models', 'diffusion models'],
    ['Würstchen', 'wurstchen'],
    ['Crème Brûlée', 'creme brulee'],
    ['naïve café', 'naive cafe'],
    ['ＡＢＣ１２３', 'abc123'],
    ['ﬁne', 'fine'],
    ['PixArt-Σ', 'pixart- sigma '],
    ['身份保持', '身份保持'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(foldText(text)).toBe(expected);
  });
});

describe('tokenize', () => {
  it.each([
    // Latin words: lower case, split on punctuation.
    ['Diffusion Models', ['diffusion', 'models']],
    ['SDXL-Lightning', ['sdxl', 'lightning', 'sdxllightning']],
    ['Text-to-Image', ['text', 'image', 'texttoimage']],
    ['ControlNet++', ['controlnet']],
    ['2404.15449v1', ['2404', '15449v1']],
    // Diacritics and compatibility forms.
    ['Würstchen', ['wurstchen']],
    ['WÜRSTCHEN', ['wurstchen']],
    ['Crème Brûlée', ['creme', 'brulee']],
    ['İstanbul', ['istanbul']],
    ['ＡＢＣ１２３', ['abc123']],
    // Greek letters become their names.
    ['PixArt-Σ', ['pixart', 'sigma']],
    ['PixArt-α', ['pixart', 'alpha']],
    ['Δ-DiT', ['delta', 'dit']],
    // Mixed scripts: the Latin words first, then the Han terms.
    ['ID-Aligner框架', ['id', 'aligner', 'idaligner', '框架']],
    ['框架ID-Aligner', ['id', 'aligner', 'idaligner', '框架']],
    ['UV 贴图', ['uv', '贴图']],
    // Stop words are dropped, also when capitalised.
    ['The Diffusion of a Model', ['diffusion', 'model']],
    ['Diffusion Models are Fast Learners via the Mask', ['diffusion', 'models', 'fast', 'learners', 'mask']],
    ['the of and with', []],
    // Nothing to search for.
    ['', []],
    ['   ', []],
    ['\t\n', []],
    ['!!!—…', []],
    ['·-·', []],
  ])('%j → %j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([
    ['身份保持', ['身份', '份保', '保持']],
    ['扩散模型', ['扩散', '散模', '模型']],
    ['个性化', ['个性', '性化']],
    ['超分辨率重建', ['超分', '分辨', '辨率', '率重', '重建']],
  ])('cuts the Han run %s into its overlapping bigrams', (text, bigrams) => {
    const terms = tokenize(text);
    expect(terms).toEqual(expect.arrayContaining(bigrams));
    // The bigrams come first and in order; segmenter words of 3+ characters may follow.
    expect(terms.slice(0, bigrams.length)).toEqual(bigrams);
    for (const term of terms.slice(bigrams.length)) {
      expect([...term].length).toBeGreaterThan(2);
      expect(text).toContain(term);
    }
  });

  it.each([['个'], ['的'], ['模']])('keeps a single Han character %s as a term of its own', (char) => {
    expect(tokenize(char)).toEqual([char]);
    expect(tokenize(`PixArt ${char}`)).toEqual(['pixart', char]);
  });

  it('keeps separate Han runs separate: no bigram across a space or a Latin word', () => {
    const terms = tokenize('身份 保持');
    expect(terms).toEqual(['身份', '保持']);
    expect(tokenize('扩散LoRA模型')).toEqual(['lora', '扩散', '模型']);
  });

  it('folds queries and documents alike, whatever the case or width', () => {
    expect(tokenize('PIXART-Σ')).toEqual(tokenize('pixart sigma'));
    expect(tokenize('Ｐｉｘ Ａｒｔ')).toEqual(tokenize('pix art'));
  });
});

describe('tokenizeField', () => {
  it.each([
    ['methods', 'StableCascade', ['stablecascade', 'stable', 'cascade']],
    ['methods', 'Wuerstchen; StableCascade', ['wuerstchen', 'stablecascade', 'stable', 'cascade']],
    ['methods', 'InstructPix2Pix', ['instructpix2pix', 'instruct', 'pix2pix']],
    ['methods', 'ControlNet', ['controlnet', 'control', 'net']],
    // Only the camel-case words give parts; the others are not repeated.
    ['methods', 'DreamBooth LDM', ['dreambooth', 'ldm', 'dream', 'booth']],
    ['methods', 'PixArt-Σ', ['pixart', 'sigma', 'pix', 'art', 'sigma']],
    // No lower-case letter before an upper-case one: nothing to split.
    ['methods', 'SDXL', ['sdxl']],
    ['methods', 'ID-Aligner', ['id', 'aligner', 'idaligner']],
  ])('splits camel case in the %s field: %j → %j', (field, text, expected) => {
    expect(tokenizeField(text, field)).toEqual(expected);
  });

  it.each([
    ['title', 'StableCascade'],
    ['authors', 'DeepMind McCallister'],
    ['keywords', 'InstructPix2Pix'],
    ['abstract', 'We extend ControlNet and PixArt-Σ'],
    [undefined, 'StableCascade'],
  ])('does not split camel case in the %s field (%j)', (field, text) => {
    expect(tokenizeField(text, field)).toEqual(tokenize(text));
  });

  it('is tokenize for text with no camel case, even in the methods field', () => {
    for (const text of ['dreambooth', 'SDXL-Lightning', '身份保持', '', 'dalle-2 (unclip)']) {
      expect(tokenizeField(text, 'methods')).toEqual(tokenize(text));
    }
  });
});

describe('isHanTerm', () => {
  it.each([
    ['身份', true],
    ['个', true],
    ['身份保持', true],
    ['a身', true],
    ['id', false],
    ['sigma', false],
    ['2404', false],
    ['', false],
    ['ひらがな', false],
    ['한국어', false],
  ])('%j → %s', (term, expected) => {
    expect(isHanTerm(term)).toBe(expected);
  });

  it('holds for every Han term tokenize gives, and for no other', () => {
    const terms = tokenize('ID-Aligner框架 身份保持 PixArt-Σ 个');
    expect(terms.filter(isHanTerm)).toEqual(['框架', '身份', '份保', '保持', '个']);
  });
});

describe('tokenize on arbitrary text', () => {
  // Full code points, graphemes, and a mix weighted towards what the corpus holds: Han, Greek,
  // combining marks, full-width forms, lone surrogates and punctuation.
  const tricky = fc.constantFrom(
    ...'身份保持扩散模型个性化 ΣσαΔβ ÜüéçñİıßÆ ＡＢ１２ ﬁ \u0301\u0308\u200b\u00a0\ud800\udc00\ud83d\ude00 -–—·.,;:!?()[]「」《》、。\t\n'.split(''),
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: tricky, maxLength: 40 }),
    fc.string({ maxLength: 40 }),
  );

  it('never throws and yields only non-empty strings', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const terms of [tokenize(input), tokenizeField(input, 'methods'), tokenizeField(input, 'title')]) {
          expect(Array.isArray(terms)).toBe(true);
          for (const term of terms) {
            expect(typeof term).toBe('string');
            expect(term.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tokenizes the same text identically twice', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(tokenize(input)).toEqual(tokenize(input));
        expect(tokenizeField(input, 'methods')).toEqual(tokenizeField(input, 'methods'));
        expect(foldText(input)).toBe(foldText(input));
      }),
      { numRuns: 300 },
    );
  });
});
