import { stringLeaves } from './string-leaves';

/** A character the mojibake repair could not decide, located in one field of a paper. */
export interface UncertainMark {
  /** Path of the string field inside the paper, `/`-separated: `summaryZh`, `takeaways/2`, `chatPaper/method/0`. */
  field: string;
  /** Index in code points inside that field's string. */
  index: number;
  chosen: string;
  alternatives: string[];
}

/** An uncertain character as the repair reports it: a code-point index into the whole repaired document. */
export interface DocumentUncertainChar {
  index: number;
  chosen: string;
  alternatives: string[];
}

/**
 * Code-point indexes of the repaired document, turned into UTF-16 offsets, sorted.
 * @param text The repaired document.
 * @param chars Uncertain characters with code-point indexes into `text`.
 */
export function toUtf16Offsets(text: string, chars: readonly DocumentUncertainChar[]): Array<DocumentUncertainChar & { offset: number }> {
  const sorted = [...chars].sort((a, b) => a.index - b.index);
  const out: Array<DocumentUncertainChar & { offset: number }> = [];
  let codePoint = 0;
  let offset = 0;
  for (const char of sorted) {
    while (codePoint < char.index && offset < text.length) {
      offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
      codePoint++;
    }
    out.push({ ...char, offset });
  }
  return out;
}

/**
 * Finds, for each uncertain character of one entry's region, the parsed fields whose text holds it.
 *
 * The parsers copy field text verbatim out of the document (trimming, joining lines, stripping tags),
 * so a field's string occurs in the region and a character inside that occurrence belongs to the field.
 * A character inside no field (a label, markup, boilerplate) is left out and counted by the caller.
 *
 * @param record The parsed entry: any JSON-like value; string leaves are its fields.
 * @param document The repaired document the entry was parsed from.
 * @param region UTF-16 `[start, end)` of the entry in `document`.
 * @param chars Uncertain characters with UTF-16 offsets (see {@link toUtf16Offsets}).
 * @param skip Field paths that are not reader text (ids, URLs).
 * @returns The marks, and which of `chars` were placed.
 */
export function locateUncertainMarks(
  record: unknown,
  document: string,
  region: readonly [number, number],
  chars: ReadonlyArray<DocumentUncertainChar & { offset: number }>,
  skip: (field: string) => boolean = () => false,
): { marks: UncertainMark[]; placed: Set<number> } {
  const marks: UncertainMark[] = [];
  const placed = new Set<number>();
  const inRegion = chars.filter((c) => c.offset >= region[0] && c.offset < region[1]);
  if (inRegion.length === 0) return { marks, placed };
  const slice = document.slice(region[0], region[1]);
  for (const [field, value] of stringLeaves(record)) {
    if (value === '' || skip(field)) continue;
    for (let at = slice.indexOf(value); at !== -1; at = slice.indexOf(value, at + 1)) {
      const start = region[0] + at;
      for (const char of inRegion) {
        if (char.offset < start || char.offset >= start + value.length) continue;
        placed.add(char.offset);
        const index = [...value.slice(0, char.offset - start)].length;
        if (!marks.some((m) => m.field === field && m.index === index)) {
          marks.push({ field, index, chosen: char.chosen, alternatives: char.alternatives });
        }
      }
    }
  }
  marks.sort((a, b) => (a.field === b.field ? a.index - b.index : a.field < b.field ? -1 : 1));
  return { marks, placed };
}
