import { PAPER_SITES } from '../sites/paper-sites';

/*
 * Test URLs:
 * https://arxiv.org/abs/2404.15449 → before blockquote.abstract
 * https://arxiv.org/html/2404.15449v1 → before div.ltx_abstract
 * https://ar5iv.labs.arxiv.org/html/2404.15449 → before div.ltx_abstract
 * https://openreview.net/forum?id=… → before the note's fields (keywords, TL;DR, abstract)
 * https://huggingface.co/papers/2404.15449 → before the "Abstract" heading's block
 * https://www.alphaxiv.org/abs/2404.15449 → before the "Abstract" heading's block
 */

// Where each known site prints its abstract. The card goes right before it: under the title and
// authors, where the eye starts, in the abstract's own column, and it covers nothing.
const ABSTRACT_SELECTORS = [...new Set(PAPER_SITES.flatMap((site) => site.abstractSelectors))];
const ABSTRACT_HEADING = /^\s*abstract\s*:?\s*$/i;

/**
 * The page's abstract, which the card is inserted before and aligned with; null when the page has
 * no recognisable abstract (the card then floats in a corner instead).
 */
export function findCardAnchor(doc: Document): Element | null {
  for (const selector of ABSTRACT_SELECTORS) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  for (const heading of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, strong, b')) {
    if (!ABSTRACT_HEADING.test(heading.textContent ?? '')) continue;
    // The heading's block holds the abstract; on pages where the heading stands alone, the card goes before the heading.
    const block = heading.parentElement;
    if (block && block !== doc.body && (block.textContent ?? '').trim().length > 200) return block;
    if (heading.nextElementSibling) return heading;
  }
  return null;
}
