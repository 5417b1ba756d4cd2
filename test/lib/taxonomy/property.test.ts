import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaxonomy, TaxonomyFormatError, type TaxonomyParseResult } from '../../../lib/taxonomy';
import { readFixture, SEPARATOR } from './helpers';

/** Parses; any exception other than TaxonomyFormatError fails the property. */
function parseOrFormatError(text: string, topLevelAreas?: string[]): TaxonomyParseResult | null {
  try {
    return parseTaxonomy(text, { sourceFile: 'fuzz.txt', topLevelAreas });
  } catch (error) {
    if (!(error instanceof TaxonomyFormatError)) throw error;
    expect(error.message.startsWith('fuzz.txt:')).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(1);
    return null;
  }
}

/** What every successful parse promises, whatever the input; plain checks keep 700 runs fast. */
function expectConsistent(result: TaxonomyParseResult): void {
  const problems: string[] = [];
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  if (nodes.size !== result.nodes.length) problems.push('duplicate node id');
  if (new Set(result.entries.map((e) => e.id)).size !== result.entries.length) problems.push('duplicate entry id');
  for (const node of result.nodes) {
    if (node.depth !== node.path.length - 1) problems.push(`${node.id}: depth`);
    if (node.parentId !== null && !nodes.get(node.parentId)?.childIds.includes(node.id)) problems.push(`${node.id}: parent`);
  }
  for (const entry of result.entries) {
    if (!nodes.get(entry.nodeId)?.entryIds.includes(entry.id)) problems.push(`${entry.id}: node`);
    if (!(entry.line >= 1)) problems.push(`${entry.id}: line`);
  }
  if (!(result.unplacedBlocks >= 0)) problems.push('unplacedBlocks');
  if (result.warnings.some((w) => !(w.line >= 1))) problems.push('warning line');
  expect(problems).toEqual([]);
}

const headings = ['Theory', 'Awesome Architecture', 'Mamba', 'DiS', 'DiM', 'PixArt-α', 'A&D', 'LCM', 'LCM-LoRA', 'IP-Adapter (image + text)', 'DALLE-2 (unCLIP)', 'others', 'Others', '(x)', '---'];
const lines = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...headings) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      SEPARATOR,
      ` ${SEPARATOR} `,
      '',
      'Consistency Models',
      'LCM',
      'RDM-1',
      '  1. 生成illusion。',
      'Wuerstchen: An Efficient Architecture',
      'a sentence, which goes on.',
      'x=α¯tx0+1α¯tϵ',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);
const taxonomyLike = fc
  .tuple(fc.array(fc.constantFrom(...headings, 'PixArt-', 'StableCascade'), { maxLength: 12 }), fc.array(lines, { maxLength: 50 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([contents, body, eol]) => [contents.join(''), ...body].join(eol));

describe('property: only TaxonomyFormatError escapes parseTaxonomy', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        const result = parseOrFormatError(text);
        if (result) expectConsistent(result);
      }),
      { numRuns: 200 },
    );
  });

  it('taxonomy-shaped text', () => {
    fc.assert(
      fc.property(taxonomyLike, fc.boolean(), (text, curated) => {
        const result = parseOrFormatError(text, curated ? undefined : ['Theory', 'Awesome Architecture']);
        if (result) expectConsistent(result);
      }),
      { numRuns: 200 },
    );
  });

  it('a real-shaped export with lines deleted, duplicated or swapped', () => {
    const fixture = readFixture('small.txt').split('\n');
    const edit = fc.record({ at: fc.nat({ max: fixture.length - 1 }), op: fc.constantFrom('delete', 'duplicate', 'swap', 'blank') });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        const edited = [...fixture];
        for (const { at, op } of edits) {
          const i = Math.min(at, edited.length - 1);
          if (i < 0) break;
          if (op === 'delete') edited.splice(i, 1);
          else if (op === 'duplicate') edited.splice(i, 0, edited[i]!);
          else if (op === 'blank') edited[i] = '';
          else if (i + 1 < edited.length) [edited[i], edited[i + 1]] = [edited[i + 1]!, edited[i]!];
        }
        const result = parseOrFormatError(edited.join('\n'), ['Foundations', 'Architectures', 'Editing']);
        if (result) expectConsistent(result);
      }),
      { numRuns: 100 },
    );
  });
});
