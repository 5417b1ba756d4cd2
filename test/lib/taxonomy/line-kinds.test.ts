import { describe, expect, it } from 'vitest';
import { classifyContent } from '../../../lib/taxonomy';

describe('classifyContent', () => {
  it('sorts the ImageBART block into title, notes and caption', () => {
    expect(
      classifyContent(
        [
          'ImageBART: Bidirectional Context with Multinomial Diffusion for Autoregressive Image Synthesis',
          '1. VQGAN + multinomial diffusion',
          '2. Transformer Encoder: xt1,Transformer Decoder: AR shifted prediting xt',
          'ImageBART',
        ],
        ['ImageBART'],
      ),
    ).toEqual({
      titles: ['ImageBART: Bidirectional Context with Multinomial Diffusion for Autoregressive Image Synthesis'],
      notes: ['1. VQGAN + multinomial diffusion', '2. Transformer Encoder: xt1,Transformer Decoder: AR shifted prediting xt'],
      captions: ['ImageBART'],
    });
  });

  it.each([
    // First line after the heading: a title when shaped like one, sentence case included.
    ['Image generation with shortest path diffusion', true, 'title'],
    ['Beta Diffusion', true, 'title'],
    ['pix2gestalt: Amodal Segmentation by Synthesizing Wholes', true, 'title'],
    ['eDiffi: Text-to-Image Diffusion Models with an Ensemble of Expert Denoisers', true, 'title'],
    ['CutDiffusion: A Simple, Fast, Cheap, and Strong Diffusion Extrapolation Method', true, 'title'],
    ['Do text-free diffusion models learn discriminative visual representations?', true, 'title'],
    ['For a generated image, which training data contribute to it much?', true, 'note'],
    ['One can estimate the mean of a Gaussian distribution, given a random variable', true, 'note'],
    ['three-stages to reduce computational demands', true, 'note'],
    ['DDIM reverse process中的PtDt非对称。', true, 'note'],
    ['1. Discrete Diffusion Model', true, 'note'],
    ['W=Wo+BAh=ho+Δh=Wox+BAx', true, 'note'],
    // Labels are captions.
    ['Matryoshka-Diffusion', false, 'caption'],
    ['RDM-1', false, 'caption'],
    ['DDGAN-1 DDGAN-2', false, 'caption'],
    ['SingDiffusion-1SingDiffusion-2', false, 'caption'],
    ['theory', true, 'caption'],
    // Later lines: a further paper only when clearly a title.
    ['Token Merging for Fast Stable Diffusion', false, 'title'],
    ['Variational Inference', false, 'note'],
    ['Re-Imagen + Instruction Tuning', false, 'note'],
    ['Reinforced Time Selection for Distillation.', false, 'note'],
  ])('%j (first: %s) is a %s', (line, first, kind) => {
    const lines = first ? [line] : ['A Paper Title That Comes First', line];
    const sorted = classifyContent(lines, ['Heading']);
    const where = sorted.titles.includes(line) ? 'title' : sorted.notes.includes(line) ? 'note' : 'caption';
    expect(where).toBe(kind);
  });

  it('reads the heading repeated, or a piece of a title, as a caption', () => {
    const sorted = classifyContent(
      ['Image Inpainting via Tractable Probabilistic Models', 'Tractable Probabilistic Models', 'Fine-grained Appearance Transfer'],
      ['Fine-grained Appearance Transfer (no fine-tune)', 'Fine-grained Appearance Transfer'],
    );
    expect(sorted.captions).toEqual(['Tractable Probabilistic Models', 'Fine-grained Appearance Transfer']);
  });
});
