/**
 * The sites the extension reads, each described once. Everything that knows a site reads it from
 * here: the manifest's content-script matches and host permissions, `arxivRefFromUrl`, the context
 * menu's link patterns, where the card goes, the title clean-up and the listing pages. A new site is
 * one entry, and `test/lib/sites/paper-sites.test.ts` checks each of its URL forms against every
 * consumer, so the lists cannot drift apart again.
 */

/** One site that shows arXiv papers. */
export interface PaperSite {
  name: string;
  /** Match-pattern hosts (`*.arxiv.org` covers `arxiv.org` and its subdomains). */
  hosts: readonly string[];
  /** The hostnames whose URLs name a paper by id; absent for sites that name papers otherwise (OpenReview). */
  idHost?: RegExp;
  /** The first path segment before the id: `/abs/<id>`, `/pdf/<id>`. */
  idPaths: readonly string[];
  /** URLs of each form the site uses for a paper, for the table test. */
  paperUrls: readonly string[];
  /**
   * Where the site prints the abstract. The card goes right before it, under the title and
   * authors, aligned with it; a page that shows its abstract gets none repeated in the card.
   */
  abstractSelectors: readonly string[];
  /** What the site adds around a paper's title in `<title>`. */
  titleDecoration: readonly RegExp[];
  /** Pages that list many papers, which get markers instead of a card. */
  listingPages: readonly RegExp[];
  /** Listing URLs, for the table test. */
  listingUrls: readonly string[];
}

/** Every site, in the order their abstract selectors are tried. */
export const PAPER_SITES: readonly PaperSite[] = [
  {
    name: 'arXiv',
    hosts: ['arxiv.org', '*.arxiv.org'],
    idHost: /^(?:(?:www|export|browse)\.)?arxiv\.org$/,
    idPaths: ['abs', 'pdf', 'html', 'format'],
    paperUrls: [
      'https://arxiv.org/abs/2404.15449v1',
      'https://arxiv.org/pdf/2404.15449v1.pdf',
      'https://arxiv.org/html/2404.15449v1/#S3',
      'https://arxiv.org/format/2404.15449',
      'https://export.arxiv.org/abs/hep-th/9901001',
      'https://www.arxiv.org/abs/2404.15449',
      'https://browse.arxiv.org/pdf/2404.15449',
    ],
    abstractSelectors: ['blockquote.abstract', '.ltx_abstract'],
    // `[2404.15449] Title` on abs pages, `Title - arXiv` / `Title | arXiv` elsewhere.
    titleDecoration: [/^\[[^\]]{4,30}\]\s*/, /\s*[|–-]\s*arXiv\s*$/i],
    listingPages: [/^https?:\/\/(?:www\.)?arxiv\.org\/list\//],
    listingUrls: ['https://arxiv.org/list/cs.CV/new', 'https://arxiv.org/list/cs.CV/recent'],
  },
  {
    name: 'ar5iv',
    hosts: ['ar5iv.org', '*.arxiv.org'],
    idHost: /^(?:ar5iv\.labs\.arxiv\.org|ar5iv\.org)$/,
    idPaths: ['html', 'abs'],
    paperUrls: ['https://ar5iv.labs.arxiv.org/html/2404.15449', 'https://ar5iv.org/abs/2404.15449'],
    abstractSelectors: ['.ltx_abstract'],
    titleDecoration: [],
    listingPages: [],
    listingUrls: [],
  },
  {
    name: 'OpenReview',
    hosts: ['openreview.net', '*.openreview.net'],
    idPaths: [],
    paperUrls: [],
    abstractSelectors: ['.note-content'],
    titleDecoration: [/\s*[|–-]\s*OpenReview\s*$/i],
    listingPages: [],
    listingUrls: [],
  },
  {
    name: 'alphaXiv',
    hosts: ['alphaxiv.org', '*.alphaxiv.org'],
    idHost: /^(?:www\.)?alphaxiv\.org$/,
    idPaths: ['abs', 'overview', 'pdf'],
    paperUrls: ['https://www.alphaxiv.org/abs/2404.15449', 'https://alphaxiv.org/overview/2404.15449v1', 'https://www.alphaxiv.org/pdf/2404.15449'],
    abstractSelectors: ['[data-testid="abstract"]'],
    titleDecoration: [/\s*[|–-]\s*alphaXiv\s*$/i],
    listingPages: [],
    listingUrls: [],
  },
  {
    name: 'Hugging Face',
    hosts: ['huggingface.co'],
    idHost: /^(?:www\.)?huggingface\.co$/,
    idPaths: ['papers'],
    paperUrls: ['https://huggingface.co/papers/2404.15449', 'https://huggingface.co/papers/2404.15449?q=x#community'],
    // The abstract sits under an "Abstract" heading (see `findCardAnchor`).
    abstractSelectors: [],
    titleDecoration: [/^Paper page\s*-\s*/i, /\s*[|–-]\s*Hugging Face\s*$/i],
    listingPages: [/^https?:\/\/huggingface\.co\/papers(?:\/(?:date|week|month|trending)(?:\/[^?#]*)?)?\/?(?:[?#].*)?$/],
    listingUrls: ['https://huggingface.co/papers', 'https://huggingface.co/papers/date/2024-04-24'],
  },
];

/** Match patterns for the content script and the host permissions. */
export const CONTENT_SCRIPT_MATCHES = [...new Set(PAPER_SITES.flatMap((site) => site.hosts))].map((host) => `https://${host}/*`);

/**
 * Match patterns for links to a paper, for the context menu's *Save*: every host and id path of
 * every site, so the menu is offered on exactly the links `arxivRefFromUrl` reads.
 */
export const PAPER_LINK_PATTERNS = [
  ...new Set(PAPER_SITES.flatMap((site) => site.hosts.flatMap((host) => site.idPaths.map((path) => `*://${host}/${path}/*`)))),
];

/** The site whose URLs name papers by id on this hostname. */
export function idSiteOf(hostname: string): PaperSite | undefined {
  const host = hostname.toLowerCase();
  return PAPER_SITES.find((site) => site.idHost?.test(host));
}
