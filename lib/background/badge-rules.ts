import { arxivRefFromUrl } from '../arxiv';
import type { PageLookup } from '../store/paper-lookup';

/** What the toolbar button shows for a tab. */
export interface TabBadge {
  text: string;
  title: string;
}

/*
 * Test URLs:
 * https://arxiv.org/pdf/2404.15449v1 (a PDF tab: no content script can draw there)
 * https://arxiv.org/abs/2404.15449
 */

/** True when a tab's URL may show a paper, so the background should look it up for the badge. */
export function mayShowPaper(url: string | undefined): url is string {
  return url !== undefined && arxivRefFromUrl(url) !== null;
}

/**
 * The badge for a tab's paper: `文` when there is a digest, `◆` when the paper is only in the
 * taxonomy, nothing otherwise.
 * @param titles The tooltip texts, in the UI language.
 */
export function badgeFor(lookup: Pick<PageLookup, 'digest' | 'placements'>, titles: { digest: string; taxonomy: string }): TabBadge | null {
  if (lookup.digest) return { text: '文', title: titles.digest };
  if (lookup.placements.length > 0) return { text: '◆', title: titles.taxonomy };
  return null;
}
