/**
 * HTML from the corpus: an abstract's escaped text and KaTeX output. It is the one HTML the UI
 * inserts, and it was sanitised by `sanitizeRenderedHtml` (sanitize-html, math elements only)
 * when the corpus was built; page text never takes this path.
 */
export function CorpusHtml({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
