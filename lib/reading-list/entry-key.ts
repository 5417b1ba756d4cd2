import { normalizeTitle } from '../titles';

/**
 * The key of a paper in the reading list: one key per paper, whichever page it was saved from.
 * A paper with an arXiv id is keyed by the id without version, so abs, pdf, html, Hugging Face and
 * alphaXiv pages of any version share one entry; a paper without one (a taxonomy entry, an
 * OpenReview page) is keyed by its normalised title.
 *
 * @example readingListKey({ arxivId: '2404.15449', title: 'ID-Aligner' }) // 'arxiv:2404.15449'
 * @example readingListKey({ arxivId: null, title: 'DreamBooth: Fine Tuning…' }) // 'title:dreambooth fine tuning…'
 * @returns The key, or null when neither an id nor a title with a letter in it is given.
 */
export function readingListKey(paper: { arxivId: string | null; title: string | null }): string | null {
  if (paper.arxivId) return `arxiv:${paper.arxivId}`;
  const title = normalizeTitle(paper.title ?? '');
  return title === '' ? null : `title:${title}`;
}
