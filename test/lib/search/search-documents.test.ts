import { describe, expect, it } from 'vitest';
import { entrySnippet } from '../../../lib/search/search-documents';

describe('entrySnippet', () => {
  it.each<[string, string[], string | null]>([
    ['drops list numbers and joins short notes', ['1. VQGAN + multinomial diffusion', '2. Transformer Encoder'], 'VQGAN + multinomial diffusion; Transformer Encoder'],
    ['keeps a note that is not numbered', ['three-stages to reduce computational demands'], 'three-stages to reduce computational demands'],
    ['drops Chinese list numbers', ['1、 先训练 VQGAN'], '先训练 VQGAN'],
    ['cuts a long text at a line', ['x'.repeat(300)], `${'x'.repeat(159)}…`],
    ['has nothing for an entry without notes', [], null],
    ['skips notes that were only a number', ['1. ', 'Imagen'], 'Imagen'],
  ])('%s', (_, notes, expected) => {
    expect(entrySnippet(notes)).toBe(expected);
  });
});
