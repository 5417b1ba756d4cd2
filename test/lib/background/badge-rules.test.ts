import { describe, expect, it } from 'vitest';
import { badgeFor, mayShowPaper } from '../../../lib/background/badge-rules';

const titles = { digest: 'digest', taxonomy: 'taxonomy' };

describe('mayShowPaper', () => {
  it.each([
    ['https://arxiv.org/pdf/2404.15449v1', true],
    ['https://arxiv.org/pdf/2404.15449v1.pdf', true],
    ['https://arxiv.org/abs/hep-th/9901001', true],
    ['https://arxiv.org/list/cs.CV/new', false],
    ['chrome://newtab/', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(mayShowPaper(url)).toBe(expected);
  });
});

describe('badgeFor', () => {
  it.each([
    ['a digest', { digest: {} as never, placements: [] }, { text: '文', title: 'digest' }],
    ['a taxonomy placement only', { digest: null, placements: [{} as never] }, { text: '◆', title: 'taxonomy' }],
    ['nothing', { digest: null, placements: [] }, null],
  ])('shows %s', (_, lookup, expected) => {
    expect(badgeFor(lookup, titles)).toEqual(expected);
  });
});
