/**
 * Data model for parsed digest documents (weekly overviews and daily digests).
 *
 * Everything here is plain JSON-serialisable data so the corpus build can write
 * it to disk and the extension can load it without re-parsing.
 */

/** The two document families found in `data/sources/`. */
export type DigestKind = 'weekly' | 'daily';

/** Inclusive date range from a weekly overview header (`# 2024-03-02--2024-03-05 …`). */
export interface DateRange {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`. */
  end: string;
}

/**
 * Where one observation of a paper came from. Entries keep every provenance
 * record through merging so the UI can cite all digests that mentioned a paper.
 */
export interface Provenance {
  /** Source file name as given to the parser (e.g. `001_d39873fc5115af1d.txt`). */
  sourceFile: string;
  /** Which document family the observation came from. */
  kind: DigestKind;
  /**
   * Daily: the frontmatter `date:` (day part, `YYYY-MM-DD`).
   * Weekly: the entry's own `* YYYY-MM-DD` bullet.
   */
  digestDate: string | null;
  /** Weekly only: the header's date range; `null` for daily digests. */
  dateRange: DateRange | null;
  /** 1-based line of the entry's `## ` heading in the source file. */
  line: number;
  /** arXiv version seen in this source's link (`v2` → 2), `null` if the link had none. */
  version: number | null;
}

/** URLs line of a ChatPaper block (`Urls:` / `论文链接：`). */
export interface ChatPaperUrls {
  /** The label's text as written (tags stripped, entities decoded). */
  raw: string;
  /** First non-GitHub URL, or an `arXiv:<id>` reference; `null` when none/`None`. */
  paper: string | null;
  /**
   * arXiv id parsed from `paper`, when it is an arXiv link. The generator often
   * hallucinates this, so it can differ from the entry's own id; keep it for
   * comparison rather than trusting it.
   */
  paperArxivId: string | null;
  /** GitHub URL; `null` when absent or written as `Github:None` / `Github 链接：无`. */
  github: string | null;
  /** Every http(s) URL found in the line, in order. */
  all: string[];
}

/** Conclusion section of a ChatPaper block (`结论：` / `8. 结论` / `总结：`). */
export interface ChatPaperConclusion {
  /** Part (1): significance / overall assessment. */
  significance: string | null;
  /** Text after `创新点：` / `Innovation:`. */
  innovation: string | null;
  /** Text after `性能：` / `Performance:`. */
  performance: string | null;
  /** Text after `工作量：` / `Workload:`. */
  workload: string | null;
  /** The numbered parts as written, numbering removed (lossless fallback). */
  parts: string[];
}

/** The machine-generated (Gemini "ChatPaperFree") reading notes of a daily entry. */
export interface ChatPaperNotes {
  /** Chinese (or translated) title from `Title:` / `标题：`. */
  titleZh: string | null;
  /** Authors as listed by the generator (may differ from the arXiv authors). */
  authors: string[];
  /** `Affiliation:` / `单位：` / `第一作者单位：` … */
  affiliation: string | null;
  /** Keywords split on `,` `，` `、` `;` `·`. */
  keywords: string[];
  /** The URLs line, or `null` when the block has none. */
  urls: ChatPaperUrls | null;
  /** Summary parts (1)–(4), numbering removed. */
  summary: string[];
  /** Method parts, numbering removed. */
  method: string[];
  /** Conclusion, or `null` when the block has none. */
  conclusion: ChatPaperConclusion | null;
  /** Generator failure notices kept verbatim (e.g. `Some Error for method(…)`). */
  generatorErrors: string[];
  /** 1-based source line where the block starts. */
  line: number;
}

/** One paper as seen in one or more digests. */
export interface DigestEntry {
  /** arXiv id without version: `2404.15449`, `hep-th/9901001`. */
  arxivId: string;
  /** Highest version seen, `null` when no link carried one. */
  version: number | null;
  /** Every version seen, ascending, unique. */
  versions: number[];
  /** English title, hard-wrap space runs folded, otherwise as written. */
  title: string;
  /** arXiv authors (daily `**Authors:…**`); empty for weekly entries. */
  authors: string[];
  /** Abstract exactly as written (LaTeX untouched), trimmed. */
  abstract: string;
  /** arXiv comment after the PDF link (`Published at CVPR 2024`), space runs folded. */
  venue: string | null;
  /** One-line Chinese summary (`**Summary**`). */
  summaryZh: string | null;
  /** `**Key Takeaways**` bullet list. */
  takeaways: string[];
  /** ChatPaper reading notes, `null` when the entry has none. */
  chatPaper: ChatPaperNotes | null;
  /** Screenshot image URLs from the `<details>` block. */
  screenshots: string[];
  /** Every source observation of this paper. */
  provenance: Provenance[];
}

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
