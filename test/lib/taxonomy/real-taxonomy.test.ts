/**
 * Golden expectations on the real export, `data/sources/004_e317862aa2d696b9.txt`.
 */
import { describe, expect, it } from 'vitest';
import { DIFFUSION_TOP_LEVEL_AREAS, parseTaxonomy, type TaxonomyEntry } from '../../../lib/taxonomy';
import { TitleIndex } from '../../../lib/titles';
import { readTaxonomySource, SEPARATOR, TAXONOMY_SOURCE } from './helpers';

const text = readTaxonomySource();
const result = parseTaxonomy(text, { sourceFile: TAXONOMY_SOURCE });
const entriesOf = (method: string): TaxonomyEntry[] => result.entries.filter((e) => e.method === method);
const only = (method: string): TaxonomyEntry => {
  const found = entriesOf(method);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe(`parseTaxonomy on ${TAXONOMY_SOURCE}`, () => {
  it('places every block', () => {
    expect(result.unplacedBlocks).toBe(0);
    expect(result.stats).toEqual({
      blocks: 995,
      emptyBlocks: 11,
      headingLines: 1104,
      continuationBlocks: 13,
      maxDepth: 3,
      topLevelAreas: DIFFUSION_TOP_LEVEL_AREAS.filter((area) => typeof area === 'string'),
    });
    expect(result.entries).toHaveLength(975);
    expect(result.nodes).toHaveLength(1098);
    const count = (kind: string) => result.nodes.filter((n) => n.kind === kind).length;
    expect([count('area'), count('category'), count('method')]).toEqual([24, 103, 971]);
  });

  it('reports the headings that needed tolerant alignment', () => {
    expect(result.fuzzyHeadings).toEqual([
      { contents: '-DiT', body: 'Δ-DiT', line: 1788, kind: 'edited', distance: 0 },
      { contents: 'PixArt-', body: 'PixArt-α', line: 2618, kind: 'edited', distance: 0 },
      { contents: 'PixArt-', body: 'PixArt-Σ', line: 2632, kind: 'edited', distance: 0 },
      { contents: 'A&D', body: '', line: 8628, kind: 'missing', distance: 3 },
    ]);
  });

  it('warns about every heading-less block, by line', () => {
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([
      [441, 'continuation-block'],
      [998, 'continuation-block'],
      [2258, 'continuation-block'],
      [6169, 'continuation-block'],
      [6593, 'continuation-block'],
      [7645, 'continuation-block'],
      [8628, 'heading-from-contents'],
      [10028, 'continuation-block'],
      [10032, 'continuation-block'],
      [10036, 'continuation-block'],
      [10040, 'continuation-block'],
      [10044, 'continuation-block'],
      [10084, 'continuation-block'],
      [10088, 'continuation-block'],
    ]);
  });

  it('files ID-Aligner under Text-to-Image › X-to-Image › Image with its qualifiers split off', () => {
    expect(only('ID-Aligner')).toMatchObject({
      path: ['Text-to-Image', 'X-to-Image (more fine-grained than text-to-image)', 'Image', 'ID-Aligner (image + text)'],
      heading: 'ID-Aligner (image + text)',
      qualifiers: ['image + text'],
      title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning',
      captions: ['ID-Aligner'],
      line: 5521,
      id: 'text-to-image/x-to-image/image/id-aligner#1',
    });
  });

  it('files D2C under Effectiveness and Efficiency Enhancement › hybrid generative model', () => {
    expect(only('D2C')).toMatchObject({
      path: ['Effectiveness and Efficiency Enhancement', 'hybrid generative model', 'D2C'],
      title: 'D2C: Diffusion-Decoding Models for Few-Shot Conditional Generation',
      line: 421,
    });
  });

  it('keeps the Greek letters of PixArt-α and PixArt-Σ', () => {
    expect(only('PixArt-α')).toMatchObject({ path: ['Text-to-Image', 'Awesome', 'PixArt-α'], id: 'text-to-image/awesome/pixart-α#1', captions: ['PixArt-alpha'] });
    expect(only('PixArt-Σ')).toMatchObject({ path: ['Text-to-Image', 'Awesome', 'PixArt-Σ'], id: 'text-to-image/awesome/pixart-σ#1', captions: ['PixArt-sigma'] });
    expect(only('Δ-DiT').path).toEqual(['Effectiveness and Efficiency Enhancement', 'enhancement of sampling', 'Caching', 'Δ-DiT']);
  });

  it('keeps the notes and the captions of ImageBART apart', () => {
    expect(only('ImageBART')).toMatchObject({
      path: ['Awesome Architecture', 'ImageBART'],
      title: 'ImageBART: Bidirectional Context with Multinomial Diffusion for Autoregressive Image Synthesis',
      notes: ['1. VQGAN + multinomial diffusion', '2. Transformer Encoder: xt1,Transformer Decoder: AR shifted prediting xt'],
      captions: ['ImageBART'],
      line: 65,
    });
  });

  it('files LDM and Wuerstchen in several places, all found by title', () => {
    expect(entriesOf('LDM').map((e) => e.path)).toEqual([
      ['Awesome Architecture', 'LDM'],
      ['Effectiveness and Efficiency Enhancement', 'refinement of network architectures', 'LDM'],
    ]);
    const byTitle = new TitleIndex(result.entries.flatMap((e) => e.titles.map((title) => [title, e] as const)));
    const ldm = byTitle.match('High-Resolution Image Synthesis with Latent Diffusion Models');
    expect(ldm.map((m) => m.item.path.at(-1))).toEqual(['LDM', 'LDM', 'SD', 'StableInpainting']);

    const wuerstchen = entriesOf('Wuerstchen');
    expect(wuerstchen.map((e) => e.path.slice(0, -1))).toEqual([
      ['Awesome Architecture'],
      ['Effectiveness and Efficiency Enhancement', 'refinement of network architectures'],
      ['Text-to-Image', 'Awesome'],
    ]);
    // `Wuerstchen › StableCascade` is one method with an alias, not a category.
    expect(wuerstchen[0]!.aliases).toEqual(['StableCascade']);
    expect(result.nodes.some((n) => n.name === 'StableCascade')).toBe(false);
    // The second copy of the title starts with a stray backtick; the index still joins them.
    expect(wuerstchen[1]!.title).toMatch(/^`/);
    expect(byTitle.match(wuerstchen[1]!.title!)).toHaveLength(3);
  });

  it('gives the heading-less block after FDEM the contents heading A&D', () => {
    expect(only('A&D')).toMatchObject({ path: ['Inverse Problem', 'A&D'], title: 'Adapt and Diffuse: Sample-adaptive Reconstruction via Latent Diffusion Models', line: 8628 });
  });

  it('infers categories several levels deep', () => {
    expect(only('iDDPM').path).toEqual(['Effectiveness and Efficiency Enhancement', 'enhancement of training', 'novel model family', 'iDDPM']);
    expect(only('PTQ').path).toEqual(['Effectiveness and Efficiency Enhancement', 'pre-trained network compression', 'quantization', 'PTQ']);
    expect(only('Diff-Pruning').path).toEqual(['Effectiveness and Efficiency Enhancement', 'pre-trained network compression', 'network pruning', 'Diff-Pruning']);
    expect(only('DenoisingStudent').path).toEqual(['Effectiveness and Efficiency Enhancement', 'enhancement of sampling', 'Distillation-based', 'DenoisingStudent']);
    expect(only('Noisy Classifier').path).toEqual(['Guidance', 'Classifier', 'Noisy Classifier']);
    expect(only('DDRM').path).toEqual(['Restoration', 'Non-Blind', 'DDRM']);
    expect(only('BlindDPS').path).toEqual(['Restoration', 'Blind', 'BlindDPS']);
    // `Guidance` and `Restoration` also name categories below other areas.
    expect(only('GuidanceInterval').path).toEqual(['Text-to-Image', 'Guidance', 'GuidanceInterval']);
    // Sub-areas nest in their area, and categories below them stay below them.
    expect(only('Personalized Restoration').path).toEqual(['Text-to-Image', 'Personalization', 'Restoration', 'Personalized Restoration']);
    // A mid-block heading run: `LDMSeg` … `Depth › D4RD`.
    expect(only('D4RD').path).toEqual(['Other Tasks', 'Depth', 'D4RD']);
  });

  it('keeps headings without a paper title', () => {
    expect(only("Tweedie's formula")).toMatchObject({ path: ['Theory', "Tweedie's formula"], title: null, line: 9 });
    expect(only('Diffusion2GAN')).toMatchObject({ title: null, notes: expect.arrayContaining(['1. SDXL']) });
    expect(result.nodes.find((n) => n.id === 'effectiveness-and-efficiency-enhancement/enhancement-of-sampling/distillation-based')).toMatchObject({
      kind: 'category',
      notes: [expect.stringMatching(/^大致分为四类/)],
    });
  });

  it('files the papers a heading lists, continuation blocks included', () => {
    expect(only('Multi-Task Learning').titles).toHaveLength(6);
    expect(only('Multi-Task Learning').continuationLines).toEqual([998]);
    expect(only('Spiking Network').titles).toHaveLength(4);
  });

  it('gives unique, path-derived ids', () => {
    const nodeIds = result.nodes.map((n) => n.id);
    const entryIds = result.entries.map((e) => e.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(new Set(entryIds).size).toBe(entryIds.length);
    // Two different papers both filed as `DiM` under Mamba: one node, two entries.
    expect(entriesOf('DiM').map((e) => e.id)).toEqual(['awesome-architecture/mamba/dim#1', 'awesome-architecture/mamba/dim#2']);
  });

  it('is deterministic', () => {
    const again = parseTaxonomy(text, { sourceFile: TAXONOMY_SOURCE });
    expect(again.nodes.map((n) => n.id)).toEqual(result.nodes.map((n) => n.id));
    expect(again.entries.map((e) => e.id)).toEqual(result.entries.map((e) => e.id));
  });

  it('keeps every existing id when an unrelated block is inserted', () => {
    const inserted = insertBlock(text, 'LiteVAE', ['NewNet', 'NewNet: A Completely New Network for Diffusion', '  1. An unrelated note.']);
    const other = parseTaxonomy(inserted);
    expect(other.unplacedBlocks).toBe(0);
    const placement = (e: TaxonomyEntry) => JSON.stringify([e.id, e.nodeId, e.path, e.heading, e.titles]);
    const after = new Set(other.entries.map(placement));
    expect(after.size).toBe(result.entries.length + 1);
    expect(result.entries.map(placement).filter((p) => !after.has(p))).toEqual([]);
    expect(new Set(other.nodes.map((n) => n.id))).toEqual(
      new Set([...result.nodes.map((n) => n.id), 'effectiveness-and-efficiency-enhancement/refinement-of-network-architectures/newnet']),
    );
  });

  it('keeps the ids of same-named methods when another one is filed elsewhere', () => {
    const inserted = insertBlock(text, 'INFD', ['DiM', 'DiM Elsewhere: A Third Paper Called DiM']);
    const other = parseTaxonomy(inserted);
    expect(other.entries.filter((e) => e.method === 'DiM').map((e) => e.id)).toEqual([
      'awesome-architecture/mamba/dim#1',
      'awesome-architecture/mamba/dim#2',
      'awesome-architecture/others/dim#1',
    ]);
  });

  it('parses in well under a second', () => {
    const start = performance.now();
    parseTaxonomy(text);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

/**
 * Inserts a block right after the block of the first heading `after`, and its heading into the
 * contents line right after the first `after` there.
 */
function insertBlock(source: string, after: string, lines: string[]): string {
  const [contents, ...body] = source.split('\n');
  const at = contents!.indexOf(after) + after.length;
  const newContents = contents!.slice(0, at) + lines[0] + contents!.slice(at);
  const headingLine = body.indexOf(after);
  const separator = body.indexOf(SEPARATOR, headingLine);
  const block = lines.flatMap((line) => ['', line]);
  body.splice(separator + 1, 0, ...block, '', SEPARATOR);
  return [newContents, ...body].join('\n');
}
