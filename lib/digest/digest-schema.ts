/**
 * The digest model, described once. Each field of a paper's digest is one entry of
 * {@link DIGEST_FIELDS}: its valibot schema and how two digests of the same paper combine it. The
 * parsers' output types (`./types`), the corpus schema (`lib/corpus/corpus-schema.ts`), the build's
 * merge (`./merge`) and the importer's overlay (`lib/import/plan-import.ts`) all follow from it, so
 * a new field is this entry, the parser that fills it, and the component that shows it.
 *
 * Why valibot: `v.object` drops keys it does not list, and the build ships the validated output, so
 * a field known to the types but not to the schema would vanish from the corpus without an error.
 * Deriving the types from the schema makes that impossible.
 */
import * as v from 'valibot';

// U+FFFD means a byte was lost somewhere: the corpus promises readers never see one.
/** Text a reader may see. */
export const readerText = v.pipe(
  v.string(),
  v.check((s) => !s.includes('\uFFFD'), 'text holds U+FFFD (a replacement character)'),
);
const nullableText = v.nullable(readerText);
/** A `YYYY-MM-DD` date. */
export const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date'));
/** A 1-based line number. */
export const lineNumber = v.pipe(v.number(), v.integer(), v.minValue(1));
const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
/** An absolute http(s) URL. */
export const httpUrl = v.pipe(v.string(), v.regex(/^https?:\/\//, 'expected an http(s) URL'));
/** An arXiv id without its version: `2404.15449`, `hep-th/9901001`. */
export const arxivIdSchema = v.pipe(
  v.string(),
  v.regex(/^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?\/\d{7})$/, 'expected an arXiv id without version'),
);

/** Inclusive date range from a weekly overview header (`# 2024-03-02--2024-03-05 …`). */
export const DateRangeSchema = v.object({
  /** First day. */
  start: isoDate,
  /** Last day. */
  end: isoDate,
});

/**
 * Where one observation of a paper came from. Entries keep every provenance record through merging
 * so the UI can cite all digests that mentioned a paper.
 */
export const ProvenanceSchema = v.object({
  /** Source file name as given to the parser (e.g. `001_d39873fc5115af1d.txt`). */
  sourceFile: readerText,
  /** Which document family the observation came from. */
  kind: v.picklist(['weekly', 'daily']),
  /** Daily: the frontmatter `date:` (day part). Weekly: the entry's own `* YYYY-MM-DD` bullet. */
  digestDate: v.nullable(isoDate),
  /** Weekly only: the header's date range; `null` for daily digests. */
  dateRange: v.nullable(DateRangeSchema),
  /** 1-based line of the entry's `## ` heading in the source file. */
  line: lineNumber,
  /** arXiv version seen in this source's link (`v2` → 2), `null` if the link had none. */
  version: v.nullable(positiveInteger),
});

/** URLs line of a ChatPaper block (`Urls:` / `论文链接：`). */
export const ChatPaperUrlsSchema = v.object({
  /** The label's text as written (tags stripped, entities decoded). */
  raw: readerText,
  /** First non-GitHub URL, or an `arXiv:<id>` reference; `null` when none/`None`. */
  paper: nullableText,
  /**
   * arXiv id parsed from `paper`, when it is an arXiv link. The generator often hallucinates this,
   * so it can differ from the entry's own id; kept for comparison rather than trusted.
   */
  paperArxivId: v.nullable(v.string()),
  /** GitHub URL; `null` when absent or written as `Github:None` / `Github 链接：无`. */
  github: v.nullable(httpUrl),
  /** Every http(s) URL found in the line, in order. */
  all: v.array(httpUrl),
});

/** Conclusion section of a ChatPaper block (`结论：` / `8. 结论` / `总结：`). */
export const ChatPaperConclusionSchema = v.object({
  /** Part (1): significance / overall assessment. */
  significance: nullableText,
  /** Text after `创新点：` / `Innovation:`. */
  innovation: nullableText,
  /** Text after `性能：` / `Performance:`. */
  performance: nullableText,
  /** Text after `工作量：` / `Workload:`. */
  workload: nullableText,
  /** The numbered parts as written, numbering removed (lossless fallback). */
  parts: v.array(readerText),
});

/** The machine-generated (Gemini "ChatPaperFree") reading notes of a daily entry. */
export const ChatPaperNotesSchema = v.object({
  /** Chinese (or translated) title from `Title:` / `标题：`. */
  titleZh: nullableText,
  /** Authors as listed by the generator (may differ from the arXiv authors). */
  authors: v.array(readerText),
  /** `Affiliation:` / `单位：` / `第一作者单位：` … */
  affiliation: nullableText,
  /** Keywords split on `,` `，` `、` `;` `·`. */
  keywords: v.array(readerText),
  /** The URLs line, or `null` when the block has none. */
  urls: v.nullable(ChatPaperUrlsSchema),
  /** Summary parts (1)–(4), numbering removed. */
  summary: v.array(readerText),
  /** Method parts, numbering removed. */
  method: v.array(readerText),
  /** Conclusion, or `null` when the block has none. */
  conclusion: v.nullable(ChatPaperConclusionSchema),
  /** Generator failure notices kept verbatim (e.g. `Some Error for method(…)`). */
  generatorErrors: v.array(readerText),
  /** 1-based source line where the block starts. */
  line: lineNumber,
});

/** How two digests of one paper combine a field. */
export interface DigestField<S extends v.GenericSchema = v.GenericSchema> {
  schema: S;
  /**
   * `richest`: one digest's value stands, the one that says most (the build's merge) or the newer
   * one when it says anything (an import laid over what is known). `union`: every digest's items.
   */
  combine: 'richest' | 'union';
  /** How much a value says; 0 or less is "nothing", which never displaces a value that says something. */
  richness: (value: v.InferOutput<S>) => number;
}

function field<S extends v.GenericSchema>(schema: S, combine: DigestField['combine'], richness: (value: v.InferOutput<S>) => number): DigestField<S> {
  return { schema, combine, richness };
}

const textRichness = (text: string | null): number => (text === null ? -1 : text.trim().length);
const listRichness = (list: readonly unknown[]): number => list.length;

/** How much a ChatPaper block says: one point per filled part, so the most complete notes win. */
export function chatPaperRichness(notes: v.InferOutput<typeof ChatPaperNotesSchema> | null): number {
  if (notes === null) return -1;
  const c = notes.conclusion;
  return (
    (notes.titleZh === null ? 0 : 1) +
    (notes.authors.length > 0 ? 1 : 0) +
    (notes.affiliation === null ? 0 : 1) +
    (notes.keywords.length > 0 ? 1 : 0) +
    (notes.urls === null ? 0 : 1) +
    notes.summary.length +
    notes.method.length +
    (c === null ? 0 : c.parts.length + [c.significance, c.innovation, c.performance, c.workload].filter((part) => part !== null).length)
  );
}

/**
 * Every field a digest says about its paper, in the order the corpus writes them. The identity
 * fields (`arxivId`, the versions, the provenance) are not here: they are the paper's, not one
 * digest's, and every merge joins them the same way.
 */
export const DIGEST_FIELDS = {
  /** English title, hard-wrap space runs folded, otherwise as written. */
  title: field(readerText, 'richest', textRichness),
  /** arXiv authors (daily `**Authors:…**`); empty for weekly entries. */
  authors: field(v.array(readerText), 'richest', listRichness),
  /** Parser: the abstract exactly as written (LaTeX untouched). Corpus: plain text, LaTeX turned into Unicode. */
  abstract: field(readerText, 'richest', textRichness),
  /** arXiv comment after the PDF link (`Published at CVPR 2024`), space runs folded. */
  venue: field(nullableText, 'richest', textRichness),
  /** One-line Chinese summary (`**Summary**`). */
  summaryZh: field(nullableText, 'richest', textRichness),
  /** `**Key Takeaways**` bullet list. */
  takeaways: field(v.array(readerText), 'richest', listRichness),
  /** ChatPaper reading notes, `null` when the entry has none. */
  chatPaper: field(v.nullable(ChatPaperNotesSchema), 'richest', chatPaperRichness),
  /** Screenshot image URLs from the `<details>` block. */
  screenshots: field(v.array(httpUrl), 'union', listRichness),
} as const;

/** The name of a field in {@link DIGEST_FIELDS}. */
export type DigestFieldName = keyof typeof DIGEST_FIELDS;

type FieldSchemas = { [K in DigestFieldName]: (typeof DIGEST_FIELDS)[K]['schema'] };
const fieldSchemas = Object.fromEntries(Object.entries(DIGEST_FIELDS).map(([name, { schema }]) => [name, schema])) as FieldSchemas;

/** One paper as seen in one or more digests: what the parsers produce and the build merges. */
export const DigestEntrySchema = v.object({
  /** arXiv id without version. */
  arxivId: arxivIdSchema,
  /** Highest version seen, `null` when no link carried one. */
  version: v.nullable(positiveInteger),
  /** Every version seen, ascending, unique. */
  versions: v.array(positiveInteger),
  ...fieldSchemas,
  /** Every source observation of this paper. */
  provenance: v.pipe(v.array(ProvenanceSchema), v.minLength(1)),
});

/**
 * The value of one field after digests are combined, as {@link DIGEST_FIELDS} says.
 * @param values The field's values, most preferred first (the newest digest, or the highest version).
 * @param mode `merge`: the richest value wins, ties to the earlier (the build, over entries of one
 *   paper). `overlay`: the earliest value that says anything wins (an import over what is known).
 * @example
 * combineField('summaryZh', ['', '旧的总结'], 'overlay') // → '旧的总结'
 * combineField('screenshots', [['a'], ['b', 'a']], 'merge') // → ['a', 'b']
 */
export function combineField<K extends DigestFieldName>(name: K, values: readonly DigestFieldValue<K>[], mode: 'merge' | 'overlay'): DigestFieldValue<K> {
  const rule = DIGEST_FIELDS[name] as unknown as DigestField<(typeof DIGEST_FIELDS)[K]['schema']>;
  if (rule.combine === 'union') return [...new Set((values as readonly unknown[][]).flat())] as DigestFieldValue<K>;
  let best = values[0] as DigestFieldValue<K>;
  let bestScore = rule.richness(best);
  for (const value of values.slice(1)) {
    const score = rule.richness(value);
    if (mode === 'overlay' ? bestScore <= 0 && score > 0 : score > bestScore) {
      best = value;
      bestScore = score;
    }
  }
  return best;
}

/** Which of `values` {@link combineField} took, by index; for what follows a field (its marks, its HTML). */
export function chosenIndex<K extends DigestFieldName>(name: K, values: readonly DigestFieldValue<K>[], mode: 'merge' | 'overlay'): number {
  return values.indexOf(combineField(name, values, mode));
}

/** The type of one field's value. */
export type DigestFieldValue<K extends DigestFieldName> = v.InferOutput<(typeof DIGEST_FIELDS)[K]['schema']>;
