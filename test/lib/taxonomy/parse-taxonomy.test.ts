import { describe, expect, it } from 'vitest';
import { parseTaxonomy, TaxonomyFormatError, type TaxonomyParseResult } from '../../../lib/taxonomy';
import { readFixture, SEPARATOR } from './helpers';

const AREAS = ['Foundations', 'Architectures', 'Editing'];

function parseSmall(text = readFixture('small.txt')): TaxonomyParseResult {
  return parseTaxonomy(text, { sourceFile: 'small.txt', topLevelAreas: AREAS });
}

function formatError(text: string, sourceFile = 'bad.txt'): TaxonomyFormatError {
  try {
    parseTaxonomy(text, { sourceFile });
  } catch (error) {
    if (error instanceof TaxonomyFormatError) return error;
    throw error;
  }
  throw new Error('expected a TaxonomyFormatError');
}

describe('parseTaxonomy on a hand-written export', () => {
  const result = parseSmall();
  const entry = (method: string) => result.entries.find((e) => e.method === method)!;
  const node = (id: string) => result.nodes.find((n) => n.id === id)!;

  it('counts blocks, places every one of them', () => {
    expect(result.stats).toMatchObject({ blocks: 17, emptyBlocks: 1, headingLines: 21, continuationBlocks: 1, maxDepth: 2 });
    expect(result.stats.topLevelAreas).toEqual(AREAS);
    expect(result.unplacedBlocks).toBe(0);
    expect(result.entries).toHaveLength(15);
  });

  it('opens nested categories from a run of stacked headings', () => {
    expect(entry('UNetX').path).toEqual(['Architectures', 'Backbones', 'UNetX']);
    expect(node('architectures/backbones')).toMatchObject({ kind: 'category', depth: 1, parentId: 'architectures' });
    // `Mamba › DiS` re-opens one level: Mamba is a sibling of Backbones.
    expect(entry('DiS').path).toEqual(['Architectures', 'Mamba', 'DiS']);
    expect(entry('DiM').path).toEqual(['Architectures', 'Mamba', 'DiM']);
  });

  it('reads a run whose paper names its first heading as one method with an alias', () => {
    expect(entry('Wurst')).toMatchObject({ path: ['Architectures', 'Mamba', 'Wurst'], aliases: ['StableWurst'] });
    expect(result.nodes.some((n) => n.name === 'StableWurst')).toBe(false);
  });

  it('makes a heading with free text only a category, and keeps its text', () => {
    expect(node('architectures/distillation-based')).toMatchObject({ kind: 'category', notes: ['大致分为四类。'] });
    expect(entry('PD').path).toEqual(['Architectures', 'Distillation-based', 'PD']);
  });

  it('keeps a heading with numbered notes but no title as a method', () => {
    expect(entry('NoTitleMethod')).toMatchObject({ title: null, titles: [], notes: ['1. Only notes here, xt=αx0+σϵ.'] });
  });

  it('splits a block that holds two headings, and appends a heading-less block to the entry before it', () => {
    expect(entry('Dual')).toMatchObject({ line: 89, blockLine: 89, captions: ['dual-output'] });
    expect(entry('Cas')).toMatchObject({
      line: 95,
      blockLine: 89,
      title: 'Bring Metric Functions into Diffusion Models',
      notes: ['3. A note that continues Cas after a page break.'],
      continuationLines: [101],
    });
    expect(result.warnings).toContainEqual(expect.objectContaining({ line: 101, code: 'continuation-block' }));
  });

  it('aligns a Greek heading tolerantly and gives a heading-less block the heading the body lacks', () => {
    expect(result.fuzzyHeadings).toEqual([
      { contents: 'ViT-', body: 'ViT-α', line: 31, kind: 'edited', distance: 0 },
      { contents: 'A&D', body: '', line: 115, kind: 'missing', distance: 3 },
    ]);
    expect(entry('ViT-α').id).toBe('architectures/backbones/vit-α#1');
    expect(entry('A&D')).toMatchObject({ path: ['Editing', 'A&D'], title: 'Adapt and Diffuse: Sample-adaptive Reconstruction via Latent Diffusion Models' });
  });

  it('splits qualifiers off method headings', () => {
    expect(entry('IP-Adapter')).toMatchObject({ heading: 'IP-Adapter (image + text)', qualifiers: ['image + text'], nodeId: 'editing/ip-adapter' });
    expect(entry('DALLE-2 (unCLIP)')).toMatchObject({ qualifiers: [], aliases: ['DALLE-2', 'unCLIP'] });
  });

  it('keeps the text of areas and captions of methods', () => {
    expect(node('foundations')).toMatchObject({ kind: 'area', notes: ['Basic results everyone needs.'] });
    expect(entry('PD').captions).toEqual(['PD-1 PD-2']);
    expect(entry('Wurst').notes).toEqual(['three stages to reduce compute']);
  });

  it('links every node and entry both ways', () => {
    const ids = new Set(result.nodes.map((n) => n.id));
    expect(ids.size).toBe(result.nodes.length);
    for (const n of result.nodes) {
      for (const child of n.childIds) expect(result.nodes.find((c) => c.id === child)?.parentId).toBe(n.id);
      expect(n.depth).toBe(n.path.length - 1);
    }
    for (const e of result.entries) expect(result.nodes.find((n) => n.id === e.nodeId)?.entryIds).toContain(e.id);
  });

  it('reads CRLF and a BOM the same way', () => {
    const text = readFixture('small.txt');
    const crlf = parseSmall(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(crlf.entries).toEqual(result.entries);
    expect(crlf.nodes).toEqual(result.nodes);
  });

  it('infers the tree without an area list that fits the document', () => {
    const alone = parseTaxonomy(readFixture('small.txt'), { topLevelAreas: [] });
    expect(alone.unplacedBlocks).toBe(0);
    expect(alone.entries).toHaveLength(result.entries.length);
    expect(alone.warnings.some((w) => w.code === 'missing-area')).toBe(false);
  });

  it('warns about curated areas the document lacks', () => {
    const extra = parseTaxonomy(readFixture('small.txt'), { topLevelAreas: [...AREAS, 'Nowhere'] });
    expect(extra.warnings).toContainEqual(expect.objectContaining({ code: 'missing-area', line: 1 }));
  });
});

describe('parseTaxonomy on text that is not a taxonomy export', () => {
  it('rejects a text without separator lines, naming file, line and what was expected', () => {
    const error = formatError(readFixture('no-separators.txt'), 'no-separators.txt');
    expect(error.message).toMatch(/^no-separators\.txt:2: expected body blocks separated by lines holding one U\+00A0/);
    expect(error).toMatchObject({ file: 'no-separators.txt', line: 2 });
  });

  it('rejects a text whose line 1 is not a contents line', () => {
    const error = formatError(readFixture('no-contents-line.txt'), 'no-contents-line.txt');
    expect(error.message).toBe('no-contents-line.txt:1: expected a contents line (every heading of the export run together) on line 1, found "an empty line"');
  });

  it('rejects a truncated export instead of returning a partial tree', () => {
    const error = formatError(readFixture('truncated.txt'), 'truncated.txt');
    expect(error.message).toMatch(/^truncated\.txt:\d+: expected a body whose headings spell the contents line; only \d+% .*truncated/);
  });

  it('rejects a contents line that names none of the body lines', () => {
    const error = formatError(`Alpha Beta Gamma\n\nDelta\n\n${SEPARATOR}\n\nEpsilon\n`);
    expect(error.line).toBe(1);
    expect(error.expected).toMatch(/none of the body lines occurs in it/);
  });

  it.each([
    ['the empty string', ''],
    ['a lone separator', SEPARATOR],
    ['a contents line only', 'TheoryTweedie'],
  ])('rejects %s', (_label, text) => {
    expect(formatError(text)).toBeInstanceOf(TaxonomyFormatError);
  });

  it('uses a placeholder file name when none is given', () => {
    expect(() => parseTaxonomy('')).toThrow(/^<taxonomy>:1:/);
  });
});

describe('parseTaxonomy on odd blocks', () => {
  it('counts a heading-less first block as unplaced, with a warning', () => {
    const text = ['AlphaBeta', '', 'orphan note', '', SEPARATOR, '', 'Alpha', '', 'Alpha: A Paper', '', SEPARATOR, '', 'Beta', '', 'Beta: Another Paper', ''].join('\n');
    const result = parseTaxonomy(text, { topLevelAreas: [] });
    expect(result.unplacedBlocks).toBe(1);
    expect(result.warnings).toContainEqual(expect.objectContaining({ line: 3, code: 'unplaced-block' }));
    expect(result.entries.map((e) => e.method)).toEqual(['Alpha', 'Beta']);
  });

  it('warns about contents headings the body never spells', () => {
    const text = ['AlphaBetaGammaDelta', '', 'Alpha', '', 'Alpha: A Paper', '', SEPARATOR, '', 'Beta', '', 'Beta: Another Paper', '', SEPARATOR, '', 'Delta', '', 'Delta: Paper'].join('\n');
    const result = parseTaxonomy(text, { topLevelAreas: [] });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'unaligned-contents', line: 15, message: expect.stringContaining('"Gamma"') }),
    ]);
  });
});
