import { PAPER_SITES } from '../sites/paper-sites';

/*
 * Test URLs:
 * https://arxiv.org/abs/2404.15449 → after blockquote.abstract
 * https://arxiv.org/html/2404.15449v1 → after div.ltx_abstract
 * https://ar5iv.labs.arxiv.org/html/2404.15449 → after div.ltx_abstract
 * https://openreview.net/forum?id=… → after the note's abstract field
 * https://huggingface.co/papers/2404.15449 → after the "Abstract" heading's block
 */

// Where each known site prints its abstract. The card goes right after it: below the title,
// authors and abstract, so it never covers them, and high enough to be seen without scrolling.
const ABSTRACT_SELECTORS = [...new Set(PAPER_SITES.flatMap((site) => site.abstractSelectors))];
const ABSTRACT_HEADING = /^\s*abstract\s*:?\s*$/i;

/**
 * The element the card is inserted after, or null when the page has no recognisable abstract
 * (the card then floats in a corner instead, collapsed to its header by default).
 */
export function findCardAnchor(doc: Document): Element | null {
  for (const selector of ABSTRACT_SELECTORS) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  for (const heading of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, strong, b')) {
    if (!ABSTRACT_HEADING.test(heading.textContent ?? '')) continue;
    // The heading's block holds the abstract; on pages where the heading stands alone, the block after it does.
    const block = heading.parentElement;
    if (block && (block.textContent ?? '').trim().length > 200) return block;
    const next = heading.nextElementSibling;
    if (next) return next;
  }
  return null;
}
