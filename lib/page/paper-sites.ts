/**
 * The sites the extension reads. Content scripts run only here, and the manifest asks for host
 * access to these and nothing more.
 */
const PAPER_SITE_HOSTS = [
  'arxiv.org',
  '*.arxiv.org',
  'ar5iv.org',
  'alphaxiv.org',
  '*.alphaxiv.org',
  'huggingface.co',
  'openreview.net',
  '*.openreview.net',
] as const;

/** Match patterns for the content script and the host permissions. */
export const CONTENT_SCRIPT_MATCHES = PAPER_SITE_HOSTS.map((host) => `https://${host}/*`);
