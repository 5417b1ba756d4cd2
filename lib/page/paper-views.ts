import { arxivRefFromUrl, formatArxivId, type ArxivRef } from '../arxiv';

/*
 * Test URLs:
 * https://arxiv.org/abs/2404.15449v1 → https://arxiv.org/pdf/2404.15449v1
 * https://arxiv.org/pdf/2404.15449v1 → https://arxiv.org/html/2404.15449v1
 * https://arxiv.org/html/2404.15449v1/#S3 → https://arxiv.org/abs/2404.15449v1
 * https://huggingface.co/papers/2404.15449 → https://arxiv.org/abs/2404.15449
 */

/** The three arXiv views of one paper, in the order the view switch goes round them. */
export const PAPER_VIEWS = ['abs', 'pdf', 'html'] as const;
export type PaperView = (typeof PAPER_VIEWS)[number];

/** A view's URL on arxiv.org, of the version given (the newest when it is null). */
export function paperViewUrl(ref: ArxivRef, view: PaperView): string {
  return `https://arxiv.org/${view}/${formatArxivId(ref)}`;
}

/** Which arXiv view a URL is, or null for any other page (Hugging Face, alphaXiv, ar5iv…). */
export function paperViewOf(url: string): PaperView | null {
  const match = /^https?:\/\/(?:(?:www|export|browse)\.)?arxiv\.org\/(abs|pdf|html)\//.exec(url);
  return (match?.[1] as PaperView | undefined) ?? null;
}

/**
 * The next view of the paper a URL shows: abs → PDF → HTML → abs, keeping the version. Any other
 * page about an arXiv paper goes to its abs page.
 * @returns null when the URL names no arXiv paper.
 */
export function nextPaperViewUrl(url: string): string | null {
  const ref = arxivRefFromUrl(url);
  if (!ref) return null;
  const view = paperViewOf(url);
  const next = view === null ? 'abs' : PAPER_VIEWS[(PAPER_VIEWS.indexOf(view) + 1) % PAPER_VIEWS.length]!;
  return paperViewUrl(ref, next);
}

/** Whether a URL is an arXiv PDF, whose tab title the extension names after the paper. */
export function isArxivPdfUrl(url: string | undefined): url is string {
  return url !== undefined && paperViewOf(url) === 'pdf' && arxivRefFromUrl(url) !== null;
}

/** A PDF tab's title: the paper's title and its id, as arXiv's abs page titles it the other way round. */
export function pdfTabTitle(title: string, arxivId: string): string {
  return `${title.replace(/\s+/g, ' ').trim()} (arXiv:${arxivId})`;
}

/**
 * The `Content-Disposition` that names a PDF after its paper in Firefox, whose PDF viewer titles the
 * tab with the file name the response gives (and saves the file under it). `inline` keeps the PDF in
 * the viewer. RFC 6266: an ASCII `filename` for old readers, the full title as UTF-8 in `filename*`.
 */
export function pdfContentDisposition(title: string, arxivId: string): string {
  const name = `${pdfTabTitle(title, arxivId)}.pdf`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
