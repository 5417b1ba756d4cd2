import type { UncertainMark } from './uncertain-marks';

/** A run of a field's text: plain, or one character the repair was unsure of. */
export type TextRun = { text: string; mark?: undefined } | { text: string; mark: Pick<UncertainMark, 'chosen' | 'alternatives'> };

/**
 * Splits a field's text into runs around its uncertain characters, so a UI can mark them without
 * ever treating the text as HTML.
 *
 * @param text The field's text.
 * @param field The field's path, as marks name it (`summaryZh`, `takeaways/2`).
 * @param marks All of a paper's marks; those of other fields are ignored.
 */
export function markedRuns(text: string, field: string, marks: readonly UncertainMark[]): TextRun[] {
  const here = marks.filter((mark) => mark.field === field).sort((a, b) => a.index - b.index);
  if (here.length === 0) return text === '' ? [] : [{ text }];
  const chars = [...text];
  const runs: TextRun[] = [];
  let from = 0;
  for (const mark of here) {
    // A mark that does not point at its character (a corpus from another build) is dropped, not misplaced.
    if (mark.index < from || chars[mark.index] !== mark.chosen) continue;
    if (mark.index > from) runs.push({ text: chars.slice(from, mark.index).join('') });
    runs.push({ text: mark.chosen, mark: { chosen: mark.chosen, alternatives: mark.alternatives } });
    from = mark.index + 1;
  }
  if (from < chars.length) runs.push({ text: chars.slice(from).join('') });
  return runs;
}
