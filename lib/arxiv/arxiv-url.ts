import { idSiteOf } from '../sites/paper-sites';
import { parseArxivId, type ArxivRef } from './arxiv-id';

/*
 * Test URLs:
 * https://arxiv.org/abs/2404.15449v1
 * https://arxiv.org/pdf/2404.15449v1.pdf
 * https://arxiv.org/html/2404.15449v1/#S3
 * https://export.arxiv.org/abs/hep-th/9901001
 * https://ar5iv.labs.arxiv.org/html/2404.15449
 * https://www.alphaxiv.org/overview/2404.15449
 * https://huggingface.co/papers/2404.15449
 */

/**
 * The arXiv paper a URL points at, on arXiv itself or on a site that shows arXiv papers by id
 * (`PAPER_SITES`).
 *
 * @param url Absolute URL; query and hash are ignored.
 * @returns The reference, or null for any other page (listings, search, a slug that is no id).
 */
export function arxivRefFromUrl(url: string): ArxivRef | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '');
  } catch {
    // A broken percent-escape (`/abs/2404.15449%`) names no paper.
    return null;
  }
  const site = idSiteOf(parsed.hostname);
  const rest = site ? after(path, site.idPaths) : undefined;
  if (rest === undefined) return null;
  // Old-style ids hold one slash (`hep-th/9901001`); HTML pages may add a section after the id.
  const segments = rest.split('/');
  return parseArxivId(segments.slice(0, 2).join('/')) ?? parseArxivId(segments[0]!);
}

/**
 * An arXiv reference from whatever a document links with: a paper URL (with or without scheme),
 * `arXiv:2404.05666`, or a bare id.
 * @returns The reference, or null when the text names no arXiv paper.
 */
export function parseArxivLink(text: string): ArxivRef | null {
  const trimmed = text.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return arxivRefFromUrl(url) ?? parseArxivId(trimmed);
}

function after(path: string, prefixes: readonly string[]): string | undefined {
  const [, first, ...rest] = path.split('/');
  return first !== undefined && prefixes.includes(first) && rest.length > 0 ? rest.join('/') : undefined;
}
