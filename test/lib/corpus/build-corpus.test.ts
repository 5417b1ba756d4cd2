import { describe, expect, it } from 'vitest';
import { buildCorpus, corpusStats, CorpusBuildError, CorpusLookup, validateCorpus } from '../../../lib/corpus';
import { containsRawLatexCommand } from '../../../lib/latex';
import { trainRepairModel } from '../../../lib/mojibake';
import { readSources } from '../../../data/tools/corpus-sources';
import { projectCorpus } from '../../support/project-corpus';

const { build, corpus } = projectCorpus();
const stats = corpusStats(build);
const paper = (id: string) => corpus.papers.find((p) => p.arxivId === id)!;
const lookup = new CorpusLookup(corpus);

describe('the corpus built from data/sources', () => {
  it('meets the figures the issue asks for', () => {
    expect(stats).toMatchObject({ digests: 44, digestEntries: 44, unplacedBlocks: 0, replacementChars: 0, rawLatexFields: 0 });
    expect(stats.linkedDigests).toBeGreaterThanOrEqual(12);
    expect(stats.taxonomyEntries).toBe(975);
    expect(stats.taxonomyNodes).toBe(1098);
    expect(stats.damagedChars).toBeGreaterThan(3000);
    // Marks must stay a small share of the damage: marking everything would say nothing.
    expect(stats.uncertainChars).toBeLessThan(stats.damagedChars * 0.1);
  });

  it('is valid against its schema', () => {
    const checked = validateCorpus(corpus);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
  });

  it.each([
    ['000_509535c46a4f3c25.txt', 'weekly', 5],
    ['001_d39873fc5115af1d.txt', 'daily', 10],
    ['002_f36e282639314f98.txt', 'weekly', 17],
    ['003_aa339627cba689a4.txt', 'daily', 12],
    ['004_e317862aa2d696b9.txt', 'taxonomy', 975],
  ])('reads %s as a %s source with %i entries', (file, kind, entries) => {
    expect(corpus.sources.find((s) => s.file === file)).toMatchObject({ kind, entries });
  });

  it('repairs only the mojibake source, found by its text', () => {
    expect(corpus.sources.filter((s) => s.repaired).map((s) => s.file)).toEqual(['003_aa339627cba689a4.txt']);
  });

  it('keeps provenance: source file, digest date, line and version', () => {
    expect(paper('2404.15449').provenance).toEqual([
      { sourceFile: '001_d39873fc5115af1d.txt', kind: 'daily', digestDate: '2024-04-25', dateRange: null, line: expect.any(Number), version: 1 },
    ]);
    expect(paper('2403.04692').provenance[0]).toMatchObject({ sourceFile: '002_f36e282639314f98.txt', kind: 'weekly', digestDate: '2024-03-07' });
  });

  it('shows the repaired 003 digest with no mojibake left', () => {
    const moma = paper('2404.05674');
    expect(moma.provenance[0]!.sourceFile).toBe('003_aa339627cba689a4.txt');
    expect(moma.summaryZh).toMatch(/^MoMA: 一款免训练、开放词汇/);
    const text = JSON.stringify(moma);
    expect(text).not.toMatch(/[ÃÂâåæçäèéï][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/);
  });

  it('points every uncertain mark at the character it marks', () => {
    expect(stats.uncertainMarks).toBeGreaterThan(0);
    for (const p of corpus.papers) {
      for (const mark of p.uncertain) {
        const value = mark.field.split('/').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], p);
        expect(typeof value).toBe('string');
        expect([...(value as string)][mark.index]).toBe(mark.chosen);
      }
    }
  });

  it('shows a character lost upstream as a marked box, never as U+FFFD', () => {
    const marks = paper('2404.15449').uncertain.filter((m) => m.chosen === '□');
    expect(marks).toEqual([{ field: expect.stringMatching(/^chatPaper\/method\//), index: expect.any(Number), chosen: '□', alternatives: [] }]);
  });

  it('pre-renders abstract math and leaves no LaTeX command for a reader', () => {
    const pixart = paper('2403.04692');
    expect(pixart.title).toBe('PixArt-Σ: Weak-to-Strong Training of Diffusion Transformer for 4K Text-to-Image Generation');
    expect(pixart.abstract).toContain('PixArt-Σ');
    expect(pixart.abstractHtml).toContain('class="katex"');
    expect(pixart.abstractHtml).not.toContain('<annotation');
    expect(paper('2403.01329').abstract).toContain('<200 parameters');
    for (const p of corpus.papers) expect(containsRawLatexCommand(p.abstract), p.arxivId).toBe(false);
  });

  it.each([
    ['2404.15449', ['Text-to-Image', 'X-to-Image (more fine-grained than text-to-image)', 'Image', 'ID-Aligner (image + text)']],
    ['2403.04692', ['Text-to-Image', 'Awesome', 'PixArt-Σ']],
    ['2403.03206', ['Text-to-Image', 'Awesome', 'SD3']],
    ['2404.04650', ['Text-to-Image', 'Enhancement', 'INITNO']],
  ])('links %s to its taxonomy place by title', (id, path) => {
    expect(lookup.byId(id).placements.map((p) => p.path)).toContainEqual(path);
  });

  it('links the spatial-inconsistency paper to its own entry, not to Classifier-Free Diffusion Guidance', () => {
    const rethinking = corpus.papers.find((p) => p.title.startsWith('Rethinking the Spatial Inconsistency'))!;
    const placements = lookup.byId(rethinking.arxivId).placements;
    expect(placements.map((p) => p.title)).toEqual(['Rethinking the Spatial Inconsistency in Classifier-Free Diffusion Guidance']);
  });

  it('finds taxonomy-only papers by title, with every placement', () => {
    const ldm = lookup.byTitle('High-Resolution Image Synthesis with Latent Diffusion Models');
    expect(ldm.digest).toBeNull();
    expect(ldm.placements.map((p) => p.path.at(-1))).toEqual(['LDM', 'LDM', 'SD', 'StableInpainting']);
    expect(lookup.byTitle('Improved High-Resolution Image Synthesis with Latent Diffusion Models').placements).toEqual([]);
  });
});

describe('buildCorpus on bad input', () => {
  const model = trainRepairModel({ corpus: ['扩散模型生成图像'] });

  it('names a file of no known kind', () => {
    expect(() => buildCorpus([{ file: 'notes.txt', text: 'just some text\nwith lines\n' }], model)).toThrow(CorpusBuildError);
    expect(() => buildCorpus([{ file: 'notes.txt', text: 'just some text' }], model)).toThrow(/notes\.txt: expected a weekly overview/);
  });

  it('refuses a second taxonomy', () => {
    const taxonomy = projectSource('004_e317862aa2d696b9.txt');
    expect(() => buildCorpus([taxonomy, { ...taxonomy, file: 'copy.txt' }], model)).toThrow(/a second taxonomy/);
  });
});

function projectSource(file: string) {
  return readSources().find((source) => source.file === file)!;
}
