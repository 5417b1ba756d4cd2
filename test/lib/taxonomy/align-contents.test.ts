import { describe, expect, it } from 'vitest';
import { alignContents, type AlignableLine } from '../../../lib/taxonomy';

// Numbers lines from 2, as in an export whose line 1 is the contents line.
function body(...texts: string[]): AlignableLine[] {
  return texts.map((text, index) => ({ line: index + 2, text }));
}

describe('alignContents', () => {
  it('reads a line as a heading when the contents line spells it', () => {
    const { headings, gaps } = alignContents('ADMD3PM', body('ADM', 'Diffusion Models Beat GANs on Image Synthesis', 'D3PM', 'Structured Denoising Diffusion Models'));
    expect(headings.map((h) => h.body)).toEqual(['ADM', 'D3PM']);
    expect(headings.every((h) => h.exact)).toBe(true);
    expect(gaps).toEqual([]);
  });

  it('keeps a caption that repeats a heading prefix from eating the longer heading after it', () => {
    // `LCM` (caption) also spells the start of `LCM-LoRA`; the chain covering more text wins.
    const { headings } = alignContents('LCMLCM-LoRA', body('LCM', 'Latent Consistency Models', 'LCM', 'LCM-LoRA', 'LCM-LoRA: A Universal Module'));
    expect(headings.map((h) => [h.line, h.body])).toEqual([
      [2, 'LCM'],
      [5, 'LCM-LoRA'],
    ]);
  });

  it('prefers the heading line over a caption that repeats it further down', () => {
    const { headings } = alignContents('ImageBARTVQ-Diffusion', body('ImageBART', 'ImageBART: Bidirectional Context', 'ImageBART', 'VQ-Diffusion'));
    expect(headings.map((h) => h.line)).toEqual([2, 5]);
  });

  it('places a heading filed several times at each of its places', () => {
    const { headings } = alignContents('LDMSDLDM', body('LDM', 'title', 'SD', 'title', 'LDM', 'title'));
    expect(headings.map((h) => [h.line, h.contentsStart])).toEqual([
      [2, 0],
      [4, 3],
      [6, 5],
    ]);
  });

  it('aligns headings whose Greek letters the contents line dropped, and says so', () => {
    const { headings, gaps } = alignContents(
      'RAPHAELPixArt-PixArt-GenTron',
      body('RAPHAEL', 'PixArt-α', 'PixArt-alpha: Fast Training', 'PixArt-alpha', 'PixArt-Σ', 'PixArt-sigma', 'GenTron'),
    );
    const fuzzy = headings.filter((h) => !h.exact);
    expect(fuzzy.map((h) => [h.body, h.contents, h.distance])).toEqual([
      ['PixArt-α', 'PixArt-', 0],
      ['PixArt-Σ', 'PixArt-', 0],
    ]);
    expect(gaps).toEqual([]);
  });

  it('tolerates a small edit, bounded by the heading length', () => {
    const { headings } = alignContents('AlphaSuperResolutionNetOmega', body('Alpha', 'Super-Resolution Net', 'Omega'));
    expect(headings.find((h) => h.line === 3)).toMatchObject({ exact: false, distance: 1, contents: 'SuperResolutionNet' });
  });

  it('does not stretch a short heading by an edit, and reports what it leaves over', () => {
    // Two-letter headings must match exactly: `DP` explains the `DP` of `DPS`, not the `S`.
    const { headings, gaps } = alignContents('AlphaDPSOmega', body('Alpha', 'DP', 'Omega'));
    expect(headings.find((h) => h.body === 'DP')).toMatchObject({ exact: true, contents: 'DP' });
    expect(gaps).toMatchObject([{ text: 'S', afterLine: 3, beforeLine: 4 }]);
  });

  it('leaves alone a line that is too far from the contents spelling', () => {
    const { headings, gaps } = alignContents('AlphaConsistencyOmega', body('Alpha', 'Coherence', 'Omega'));
    expect(headings.map((h) => h.body)).toEqual(['Alpha', 'Omega']);
    expect(gaps).toMatchObject([{ text: 'Consistency', afterLine: 2, beforeLine: 4 }]);
  });

  it('reports contents text no body line spells, with the body region it belongs to', () => {
    const { gaps } = alignContents('FDEMA&DRestoration', body('FDEM', 'Fast Diffusion EM', 'Adapt and Diffuse: Sample-adaptive Reconstruction', 'Restoration'));
    expect(gaps).toEqual([{ text: 'A&D', contentsStart: 4, contentsEnd: 7, afterLine: 2, beforeLine: 5 }]);
  });

  it('never reads numbered notes as headings', () => {
    const { headings } = alignContents('1. Intro', body('1. Intro'));
    expect(headings).toEqual([]);
  });
});
