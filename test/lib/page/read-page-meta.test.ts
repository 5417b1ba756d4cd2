import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageTitle, readPageMeta } from '../../../lib/page/read-page-meta';

const doc = (head: string, body = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('readPageMeta', () => {
  it('reads the citation meta tags arXiv prints', () => {
    const meta = readPageMeta(
      doc(`<meta name="citation_title" content="ID-Aligner: Enhancing" />
        <meta name="citation_author" content="Chen, Weifeng" /><meta name="citation_author" content="Zhang, Jiacheng" />
        <meta name="citation_pdf_url" content="https://arxiv.org/pdf/2404.15449" /><meta name="citation_arxiv_id" content="2404.15449" />`),
    );
    expect(meta).toEqual({
      citationArxivId: '2404.15449',
      citationPdfUrl: 'https://arxiv.org/pdf/2404.15449',
      citationTitle: 'ID-Aligner: Enhancing',
      citationAuthors: ['Chen, Weifeng', 'Zhang, Jiacheng'],
    });
  });

  it('collects links to arXiv papers, once each', () => {
    const meta = readPageMeta(doc('', '<a href="https://arxiv.org/abs/2404.15449">a</a><a href="https://arxiv.org/abs/2404.15449">b</a><a href="https://arxiv.org/pdf/2403.04692v2">c</a><a href="https://example.org">d</a>'));
    expect(meta.arxivLinks).toEqual(['https://arxiv.org/abs/2404.15449', 'https://arxiv.org/pdf/2403.04692v2']);
  });

  it('bounds what a hostile page can send', () => {
    const links = Array.from({ length: 1000 }, (_, i) => `<a href="https://arxiv.org/abs/2404.${String(10000 + i)}">x</a>`).join('');
    const meta = readPageMeta(doc(`<meta name="citation_title" content="${'x'.repeat(5000)}" />`, links));
    expect(meta.arxivLinks).toHaveLength(200);
    expect(meta.citationTitle).toHaveLength(2000);
  });

  it('returns an empty object for a page without any of it', () => {
    expect(readPageMeta(doc('<title>Nothing</title>'))).toEqual({});
  });
});

describe('pageTitle', () => {
  it.each([
    ['[2404.15449] ID-Aligner: Enhancing Identity', 'ID-Aligner: Enhancing Identity'],
    ['Paper page - ID-Aligner: Enhancing Identity', 'ID-Aligner: Enhancing Identity'],
    ['DreamBooth: Fine Tuning | OpenReview', 'DreamBooth: Fine Tuning'],
    ['Plain title', 'Plain title'],
  ])('%s → %s', (title, expected) => {
    expect(pageTitle(doc(`<title>${title}</title>`))).toBe(expected);
  });
});
