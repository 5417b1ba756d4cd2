import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../lib/reading-list/export-bibtex';
import { paperBibtex } from '../../../lib/reading-list/paper-bibtex';

describe('paperBibtex', () => {
  it('writes the entry the reading list export writes for the paper', () => {
    const bib = paperBibtex({ arxivId: '2404.15449', version: 1, title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation', authors: ['Weifeng Chen', 'Liang Lin'], url: 'https://arxiv.org/abs/2404.15449', source: 'card' }, 0);
    expect(bib).toMatch(/^@misc\{chen2024idaligner,/);
    expect(bib).toContain('eprint = {2404.15449}');
    expect(bib).toContain('Weifeng Chen and Liang Lin');
    const savedAt = 0;
    const entry = { key: 'arxiv:2404.15449', arxivId: '2404.15449', version: 1, title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation', authors: ['Weifeng Chen', 'Liang Lin'], url: 'https://arxiv.org/abs/2404.15449', source: 'card' as const, savedAt, updatedAt: savedAt, status: 'to-read' as const, note: '', tags: [] };
    expect(bib).toBe(toBibtex([entry]));
  });

  it('writes a paper known only by its title', () => {
    expect(paperBibtex({ arxivId: null, title: 'DreamBooth: Fine Tuning', authors: ['Nataniel Ruiz'], source: 'card' }, Date.UTC(2023, 1, 1))).toMatch(/^@misc\{ruiz2023dreambooth,/);
  });
});
