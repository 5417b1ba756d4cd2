/**
 * Data model for parsed digest documents (weekly overviews and daily digests).
 *
 * Everything here is plain JSON-serialisable data so the corpus build can write
 * it to disk and the extension can load it without re-parsing. The digest itself is described
 * once, as valibot schemas in `./digest-schema`; its types are derived from them.
 */
import type * as v from 'valibot';
import type { ChatPaperConclusionSchema, ChatPaperNotesSchema, ChatPaperUrlsSchema, DateRangeSchema, DigestEntrySchema, ProvenanceSchema } from './digest-schema';

/** The two document families found in `data/sources/`. */
export type DigestKind = 'weekly' | 'daily';

/** Inclusive date range from a weekly overview header (`# 2024-03-02--2024-03-05 …`). */
export type DateRange = v.InferOutput<typeof DateRangeSchema>;
/** Where one observation of a paper came from; see {@link ProvenanceSchema}. */
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
/** URLs line of a ChatPaper block; see {@link ChatPaperUrlsSchema}. */
export type ChatPaperUrls = v.InferOutput<typeof ChatPaperUrlsSchema>;
/** Conclusion section of a ChatPaper block; see {@link ChatPaperConclusionSchema}. */
export type ChatPaperConclusion = v.InferOutput<typeof ChatPaperConclusionSchema>;
/** The machine-generated reading notes of a daily entry; see {@link ChatPaperNotesSchema}. */
export type ChatPaperNotes = v.InferOutput<typeof ChatPaperNotesSchema>;
/** One paper as seen in one or more digests; its fields are described once, in `./digest-schema`. */
export type DigestEntry = v.InferOutput<typeof DigestEntrySchema>;

/** A recoverable problem: the parser kept going but something was skipped or missing. */
export interface DigestWarning {
  /** Source file name. */
  file: string;
  /** 1-based line the problem refers to. */
  line: number;
  /** Stable machine-readable category, e.g. `missing-pdf-link`. */
  code: string;
  /** Human-readable explanation naming what was expected. */
  message: string;
}

/** Result of parsing one digest document. */
export interface DigestParseResult {
  /** Which parser produced the result. */
  kind: DigestKind;
  /** Daily: frontmatter date (`YYYY-MM-DD`). Weekly: `null` (see `dateRange`). */
  date: string | null;
  /** Weekly: header range. Daily: `null`. */
  dateRange: DateRange | null;
  /** Document title (frontmatter `title:` or weekly header text), if any. */
  title: string | null;
  /** Source file name as given. */
  sourceFile: string;
  /** Entries in document order. */
  entries: DigestEntry[];
  /** Everything that was skipped or looked wrong. */
  warnings: DigestWarning[];
}
