import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TitleIndex } from '../../../lib/titles';

const TAXONOMY_TITLES = [
  'Classifier-Free Diffusion Guidance',
  'PixArt-sigma: Weak-to-Strong Training of Diffusion Transformer for 4K Text-to-Image Generation',
  'INITNO: Boosting Text-to-Image Diffusion Models via Initial Noise Optimization',
  'Denoising Diffusion Probabilistic Models',
  'Diffusion Models Beat GANs on Image Synthesis',
  'X: Scalable Diffusion Models with Transformers',
  'Bespoke Non-Stationary Solvers for Fast Sampling of Diffusion and Flow Models',
  'Scaling Rectified Flow Transformers for High-Resolution Image Synthesis',
  'Matryoshka Diffusion Models',
];
const index = new TitleIndex(TAXONOMY_TITLES.map((title, i) => [title, i] as const));
const only = (title: string) => index.match(title).map((m) => [m.item, m.kind]);

describe('TitleIndex.match: same paper', () => {
  it.each([
    ['Classifier-Free Diffusion Guidance', 0, 'exact'],
    ['classifier-free diffusion guidance', 0, 'exact'],
    ['PixArt-Σ: Weak-to-Strong Training of Diffusion Transformer for 4K   Text-to-Image Generation', 1, 'exact'],
    ['InitNO: Boosting Text-to-Image Diffusion Models via Initial Noise Optimization', 2, 'exact'],
    ['Bespoke NonStationary Solvers for Fast Sampling of Diffusion and Flow Models', 6, 'spacing'],
    ['Bespoke Non-Stationary Solvers for Fast Sampling of Diffusion and Flow Model', 6, 'near'],
    ['Scaling Rectified Flow Transfromers for High-Resolution Image Synthesis', 7, 'near'],
    ['Matryoshka  Diffusion Models', 8, 'exact'],
  ])('%j matches item %i (%s)', (title, item, kind) => {
    expect(only(title)).toEqual([[item, kind]]);
  });
});

describe('TitleIndex.match: near-misses are rejected', () => {
  it.each([
    'Rethinking the Spatial Inconsistency in Classifier-Free Diffusion Guidance',
    'Improved Denoising Diffusion Probabilistic Models',
    'Denoising Diffusion Probabilistic Models 3D',
    'HyperDenoising Diffusion Probabilistic Models',
    'Diffusion Models Beat GANs on Image Classification',
    'X3D: Scalable Diffusion Models with Transformers',
    'PixArt-alpha: Weak-to-Strong Training of Diffusion Transformer for 4K Text-to-Image Generation',
    'Scaling Rectified Flow Transformers for Low-Resolution Image Synthesis',
    'Classifier-Free Guidance',
    'Diffusion',
    '',
  ])('%j matches nothing', (title) => {
    expect(index.match(title)).toEqual([]);
  });
});

describe('TitleIndex', () => {
  it('returns every placement of a title', () => {
    const multi = new TitleIndex([
      ['High-Resolution Image Synthesis with Latent Diffusion Models', 'architecture/LDM'],
      ['High-Resolution Image Synthesis with Latent Diffusion Models', 'efficiency/LDM'],
      ['Something else entirely here', 'other'],
    ]);
    expect(multi.match('High-resolution image synthesis with latent diffusion models').map((m) => m.item)).toEqual([
      'architecture/LDM',
      'efficiency/LDM',
    ]);
  });

  it('never throws on arbitrary titles', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => Array.isArray(index.match(s))));
  });
});
