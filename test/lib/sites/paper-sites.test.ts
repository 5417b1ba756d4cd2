import { describe, expect, it } from 'vitest';
import { arxivRefFromUrl } from '../../../lib/arxiv';
import { mayShowPaper } from '../../../lib/background/badge-rules';
import { isListingPage } from '../../../lib/page/listing-links';
import { cleanPageTitle } from '../../../lib/page/read-page-meta';
import { CONTENT_SCRIPT_MATCHES, PAPER_LINK_PATTERNS, PAPER_SITES } from '../../../lib/sites/paper-sites';

/**
 * A match pattern as Chrome and Firefox read one: `*` as the scheme is http or https, `*.host`
 * is the host and its subdomains, and `*` in the path is any run of characters.
 */
function matchesPattern(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  const parsed = new URL(url);
  if (scheme === '*' ? !['http:', 'https:'].includes(parsed.protocol) : parsed.protocol !== `${scheme}:`) return false;
  const hostOk = host!.startsWith('*.') ? parsed.hostname === host!.slice(2) || parsed.hostname.endsWith(host!.slice(1)) : parsed.hostname === host;
  const pathRegex = new RegExp(`^${path!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return hostOk && pathRegex.test(parsed.pathname + parsed.search);
}

const paperUrls = PAPER_SITES.flatMap((site) => site.paperUrls.map((url) => [site.name, url] as const));
const listingUrls = PAPER_SITES.flatMap((site) => site.listingUrls.map((url) => [site.name, url] as const));

describe('every paper site, against every consumer', () => {
  it.each(paperUrls)('%s: %s names a paper to arxivRefFromUrl, the badge, the content script and the context menu', (_site, url) => {
    expect(arxivRefFromUrl(url)?.id).toMatch(/^(?:2404\.15449|hep-th\/9901001)$/);
    expect(mayShowPaper(url)).toBe(true);
    expect(isListingPage(url)).toBe(false);
    expect(CONTENT_SCRIPT_MATCHES.some((pattern) => matchesPattern(pattern, url))).toBe(true);
    expect(PAPER_LINK_PATTERNS.some((pattern) => matchesPattern(pattern, url))).toBe(true);
  });

  it.each(listingUrls)('%s: %s is a listing to the content script, and no paper', (_site, url) => {
    expect(isListingPage(url)).toBe(true);
    expect(arxivRefFromUrl(url)).toBeNull();
    expect(CONTENT_SCRIPT_MATCHES.some((pattern) => matchesPattern(pattern, url))).toBe(true);
  });

  it.each(PAPER_SITES.filter((site) => site.idHost).map((site) => [site.name, site] as const))('%s: every id path of every host is a context-menu link pattern', (_name, site) => {
    for (const path of site.idPaths) {
      for (const url of site.paperUrls.map((u) => new URL(u)).filter((u) => site.idHost!.test(u.hostname))) {
        const form = `${url.origin}/${path}/2404.15449`;
        expect(arxivRefFromUrl(form)?.id, form).toBe('2404.15449');
        expect(PAPER_LINK_PATTERNS.some((pattern) => matchesPattern(pattern, form)), form).toBe(true);
      }
    }
  });

  it.each([
    ['[2404.15449] ID-Aligner: Enhancing…', 'ID-Aligner: Enhancing…'],
    ['Paper page - ID-Aligner', 'ID-Aligner'],
    ['DreamBooth | OpenReview', 'DreamBooth'],
    ['ID-Aligner | alphaXiv', 'ID-Aligner'],
    ['ID-Aligner - Hugging Face', 'ID-Aligner'],
  ])('cleans the site decoration off %j', (title, clean) => {
    expect(cleanPageTitle(title)).toBe(clean);
  });

  it('asks for host access to the paper sites and nothing more', () => {
    expect(CONTENT_SCRIPT_MATCHES.every((pattern) => /^https:\/\/(?:\*\.)?[a-z0-9.]+\/\*$/.test(pattern))).toBe(true);
    expect(matchesPattern(CONTENT_SCRIPT_MATCHES[0]!, 'https://evil.example/abs/2404.15449')).toBe(false);
  });
});
