import { describe, expect, it } from 'vitest';
import { isArxivPdfUrl, nextPaperViewUrl, pdfContentDisposition, pdfTabTitle } from '../../../lib/page/paper-views';

describe('nextPaperViewUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2404.15449v1', 'https://arxiv.org/pdf/2404.15449v1'],
    ['https://arxiv.org/abs/2404.15449', 'https://arxiv.org/pdf/2404.15449'],
    ['https://arxiv.org/pdf/2404.15449v1', 'https://arxiv.org/html/2404.15449v1'],
    ['https://arxiv.org/pdf/2404.15449v2.pdf', 'https://arxiv.org/html/2404.15449v2'],
    ['https://arxiv.org/html/2404.15449v1/#S3', 'https://arxiv.org/abs/2404.15449v1'],
    ['https://export.arxiv.org/abs/hep-th/9901001', 'https://arxiv.org/pdf/hep-th/9901001'],
    ['https://huggingface.co/papers/2404.15449', 'https://arxiv.org/abs/2404.15449'],
    ['https://www.alphaxiv.org/abs/2404.15449', 'https://arxiv.org/abs/2404.15449'],
    ['https://arxiv.org/list/cs.CV/new', null],
    ['https://example.org/abs/2404.15449', null],
  ])('%s → %s', (url, next) => {
    expect(nextPaperViewUrl(url)).toBe(next);
  });
});

describe('isArxivPdfUrl', () => {
  it.each([
    ['https://arxiv.org/pdf/2404.15449v1', true],
    ['https://arxiv.org/pdf/2404.15449v1.pdf', true],
    ['https://arxiv.org/abs/2404.15449', false],
    ['https://www.alphaxiv.org/pdf/2404.15449', false],
    ['https://arxiv.org/pdf/', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isArxivPdfUrl(url)).toBe(expected);
  });
});

describe('pdfTabTitle', () => {
  it('names the paper, its hard line-wrap spaces folded, and its id', () => {
    expect(pdfTabTitle('Bespoke Solvers for   Flow  Models ', '2403.01329')).toBe('Bespoke Solvers for Flow Models (arXiv:2403.01329)');
  });
});

describe('pdfContentDisposition', () => {
  it.each([
    ['ID-Aligner: Reward Feedback', '2404.15449', `inline; filename="ID-Aligner: Reward Feedback (arXiv:2404.15449).pdf"; filename*=UTF-8''ID-Aligner%3A%20Reward%20Feedback%20%28arXiv%3A2404.15449%29.pdf`],
    ['Flow "Models" — 扩散', '2403.01329', `inline; filename="Flow _Models_ _ __ (arXiv:2403.01329).pdf"; filename*=UTF-8''Flow%20%22Models%22%20%E2%80%94%20%E6%89%A9%E6%95%A3%20%28arXiv%3A2403.01329%29.pdf`],
  ])('%s → %s', (title, id, header) => {
    expect(pdfContentDisposition(title, id)).toBe(header);
  });
});
