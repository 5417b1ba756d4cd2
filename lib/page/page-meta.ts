import * as v from 'valibot';

// Pages are hostile: every string from one is bounded before it reaches the database.
const pageText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** What a content script reads off a page besides its URL (see `readPageMeta`). */
export const PageMetaSchema = v.object({
  citationArxivId: v.optional(pageText(100)),
  citationPdfUrl: v.optional(pageText(2000)),
  citationTitle: v.optional(pageText(2000)),
  citationAuthors: v.optional(v.pipe(v.array(pageText(300)), v.maxLength(500))),
  /** Hrefs of links to arXiv papers on the page, at most a few hundred. */
  arxivLinks: v.optional(v.pipe(v.array(pageText(2000)), v.maxLength(500))),
});
export type PageMeta = v.InferOutput<typeof PageMetaSchema>;
