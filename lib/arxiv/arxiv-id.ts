/** An arXiv identifier without its version, and the version when one was given. */
export interface ArxivRef {
  /** Canonical id: `2404.15449`, or `hep-th/9901001` (old style, without a subject class). */
  id: string;
  version: number | null;
}

// New style (April 2007 on): YYMM.NNNN, five digits from 2015.
const NEW_STYLE = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v(\d+))?$/;
// Old style: archive[-archive][.SUBJECT-CLASS]/YYMMNNN. The subject class (`math.GT`, `cond-mat.mes-hall`)
// is not part of the identifier; arXiv itself redirects `math.GT/0309136` to `math/0309136`.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?\/(\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(\d+))?$/;

/**
 * Parses a bare arXiv identifier, new or old style, with or without `vN` and an `arXiv:` prefix.
 *
 * @example parseArxivId('2404.15449v2') // { id: '2404.15449', version: 2 }
 * @example parseArxivId('math.GT/0309136') // { id: 'math/0309136', version: null }
 * @returns The reference, or null when the string is not an arXiv id.
 */
export function parseArxivId(text: string): ArxivRef | null {
  const bare = text.trim().replace(/^arxiv:\s*/i, '').replace(/\.pdf$/i, '');
  const fresh = NEW_STYLE.exec(bare);
  if (fresh && hasNewStyleLength(fresh[1]!) && isVersion(fresh[2])) return { id: fresh[1]!, version: toVersion(fresh[2]) };
  const old = OLD_STYLE.exec(bare);
  if (old && isVersion(old[3])) return { id: `${old[1]}/${old[2]}`, version: toVersion(old[3]) };
  return null;
}

/**
 * Formats a reference as arXiv prints it.
 * @example formatArxivId({ id: '2404.15449', version: 1 }) // '2404.15449v1'
 */
export function formatArxivId(ref: ArxivRef): string {
  return ref.version === null ? ref.id : `${ref.id}v${ref.version}`;
}

// Sequence numbers grew from four to five digits in January 2015 (1501.00001).
function hasNewStyleLength(id: string): boolean {
  const [yymm, number] = id.split('.') as [string, string];
  return number.length === (Number(yymm) >= 1501 ? 5 : 4);
}

function isVersion(digits: string | undefined): boolean {
  return digits === undefined || Number(digits) >= 1;
}

/**
 * The canonical abstract-page URL of a reference, with its version when known.
 * @example arxivAbsUrl({ id: '2404.15449', version: 2 }) // 'https://arxiv.org/abs/2404.15449v2'
 */
export function arxivAbsUrl(ref: ArxivRef): string {
  return `https://arxiv.org/abs/${formatArxivId(ref)}`;
}

function toVersion(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits);
}

/**
 * arXiv's title search for a paper known only by its title (a taxonomy entry without an id).
 * @example arxivTitleSearchUrl('DreamBooth') // 'https://arxiv.org/search/?query=DreamBooth&searchtype=title'
 */
export function arxivTitleSearchUrl(title: string): string {
  return `https://arxiv.org/search/?${new URLSearchParams({ query: title.trim(), searchtype: 'title' })}`;
}
