import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, arxivRefFromUrl, parseArxivLink } from '../../../lib/arxiv';

describe('arxivRefFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2404.15449', '2404.15449', null],
    ['https://arxiv.org/abs/2404.15449v1', '2404.15449', 1],
    ['http://arxiv.org/abs/2403.01329v1', '2403.01329', 1],
    ['https://arxiv.org/pdf/2404.15449', '2404.15449', null],
    ['https://arxiv.org/pdf/2404.15449v2.pdf', '2404.15449', 2],
    ['https://arxiv.org/html/2404.15449v1', '2404.15449', 1],
    ['https://arxiv.org/html/2404.15449v1/#S3.SS1', '2404.15449', 1],
    ['https://export.arxiv.org/abs/2404.15449', '2404.15449', null],
    ['https://browse.arxiv.org/abs/2404.15449v1', '2404.15449', 1],
    ['https://www.arxiv.org/abs/2404.15449?context=cs.CV', '2404.15449', null],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', null],
    ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136', null],
    ['https://arxiv.org/pdf/cond-mat/0408502v2', 'cond-mat/0408502', 2],
    ['https://arxiv.org/abs/solv-int/9901001#top', 'solv-int/9901001', null],
    ['https://ar5iv.labs.arxiv.org/html/2404.15449', '2404.15449', null],
    ['https://ar5iv.org/abs/2404.15449', '2404.15449', null],
    ['https://www.alphaxiv.org/abs/2404.15449', '2404.15449', null],
    ['https://alphaxiv.org/overview/2404.15449v1', '2404.15449', 1],
    ['https://huggingface.co/papers/2404.15449', '2404.15449', null],
    ['https://huggingface.co/papers/2404.15449?q=x#community', '2404.15449', null],
  ])('%s → %s v%s', (url, id, version) => {
    expect(arxivRefFromUrl(url)).toEqual({ id, version });
  });

  it.each([
    'https://arxiv.org/list/cs.CV/recent',
    'https://arxiv.org/abs/',
    'https://www.alphaxiv.org/overview/some-paper-slug',
    'https://huggingface.co/papers',
    'https://example.com/abs/2404.15449',
    'https://openreview.net/forum?id=abc',
    'chrome-extension://abc/popup.html',
    'not a url',
  ])('%s → null', (url) => {
    expect(arxivRefFromUrl(url)).toBeNull();
  });
});

describe('parseArxivLink', () => {
  it.each([
    ['http://arxiv.org/abs/2404.15081v1', '2404.15081', 1],
    ['arxiv.org/abs/2404.15449v3', '2404.15449', 3],
    ['https://arxiv.org/pdf/2302.02533.pdf', '2302.02533', null],
    ['https://www.arxiv.org/abs/2403.03456v12', '2403.03456', 12],
    ['http://export.arxiv.org/abs/1412.6980v9', '1412.6980', 9],
    ['https://arxiv.org/abs/2404.15449/', '2404.15449', null],
    ['https://arxiv.org/abs/cond-mat.mes-hall/0101001', 'cond-mat/0101001', null],
    ['arXiv:2404.05666', '2404.05666', null],
    ['arxiv: 2404.05666v2', '2404.05666', 2],
    ['  2404.05666  ', '2404.05666', null],
  ])('%j → %s v%s', (text, id, version) => {
    expect(parseArxivLink(text)).toEqual({ id, version });
  });

  it.each([
    'Paper_info:Align Your Steps',
    'https://github.com/twowwj/UVMap-ID',
    'HTTPS://ARXIV.ORG/ABS/2404.15449V1',
    'https://arxiv.org/abs/1412.12345',
    'https://arxiv.org/abs/2404.15449vx',
    'https://notarxiv.org/abs/2404.15449',
    'see 2404.15449',
    '2404.15449 v1',
  ])('%j → null', (text) => {
    expect(parseArxivLink(text)).toBeNull();
  });

  it('round-trips through the canonical abs URL', () => {
    for (const ref of [{ id: '2404.15449', version: 1 }, { id: 'hep-th/9901001', version: null }]) {
      expect(parseArxivLink(arxivAbsUrl(ref))).toEqual(ref);
    }
  });
});
