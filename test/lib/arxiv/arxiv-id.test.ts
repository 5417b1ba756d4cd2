import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArxivId, parseArxivId } from '../../../lib/arxiv';

describe('parseArxivId', () => {
  it.each([
    ['2404.15449', '2404.15449', null],
    ['2404.15449v1', '2404.15449', 1],
    ['arXiv:2404.15449v12', '2404.15449', 12],
    ['0704.0001', '0704.0001', null],
    ['1501.00001v3', '1501.00001', 3],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['math.GT/0309136', 'math/0309136', null],
    ['cond-mat/0408502v2', 'cond-mat/0408502', 2],
    ['solv-int/9901001', 'solv-int/9901001', null],
    ['cond-mat.mes-hall/0101001v1', 'cond-mat/0101001', 1],
    ['arxiv: 2404.05666v2', '2404.05666', 2],
    ['hep-th/9901001v2', 'hep-th/9901001', 2],
    [' 2404.15449v1.pdf ', '2404.15449', 1],
  ])('%j → %s v%s', (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });

  it.each(['', '2404.1544', '2413.15449', '2404.154491', '2404.15449v0', 'attention-is-all-you-need', 'hep-th/990100', 'HEP-TH/9901001', 'hep-th/9913001', 'see 2404.15449', 'http://arxiv.org/abs/2404.15449'])(
    '%j is not an id',
    (input) => {
      expect(parseArxivId(input)).toBeNull();
    },
  );

  it('round-trips through formatArxivId', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 }), fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }), (yy, mm, n, version) => {
        const id = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(n).padStart(5, '0')}`;
        expect(parseArxivId(formatArxivId({ id, version }))).toEqual({ id, version });
      }),
    );
  });
});
