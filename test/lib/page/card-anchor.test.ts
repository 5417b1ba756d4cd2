import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findCardAnchor } from '../../../lib/page/card-anchor';

const doc = (body: string) => parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document as unknown as Document;
const long = 'word '.repeat(60);

describe('findCardAnchor', () => {
  it.each([
    ['arXiv abs', `<h1 class="title">T</h1><blockquote class="abstract" id="want">${long}</blockquote>`],
    ['arXiv HTML', `<h1 class="ltx_title">T</h1><div class="ltx_abstract" id="want"><p>${long}</p></div>`],
    ['OpenReview', `<div class="forum-title"><h2>T</h2></div><div class="note-content" id="want"><strong>Abstract:</strong><span>${long}</span></div>`],
    ['a block holding an Abstract heading', `<h1>T</h1><section id="want"><h2>Abstract</h2><p>${long}</p></section>`],
  ])('finds the abstract the card goes before on %s', (_, body) => {
    expect(findCardAnchor(doc(body))?.id).toBe('want');
  });

  it('takes a lone Abstract heading itself, so the card goes above heading and text', () => {
    expect(findCardAnchor(doc(`<div><h2>Abstract</h2></div><div><h2 id="want">Abstract</h2><p>short</p></div>`))?.id).toBe('want');
  });

  it('returns null on a page without an abstract, so the card floats', () => {
    expect(findCardAnchor(doc('<h1>T</h1><p>text</p>'))).toBeNull();
  });
});
