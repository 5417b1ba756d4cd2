/**
 * Joining two texts of one note without losing either: what a reading-list import and the sync do
 * when both sides changed a note. Nothing here picks a winner by time, since a time can be forged
 * (issue 13, finding 5) or come from a clock that is wrong.
 */

/** The start of the line that sets a second text of a note apart, so a reader sees two versions were kept. */
export const NOTE_CONFLICT_MARK = '──── kept both versions of this note:';

/**
 * The line put between two kept texts of a note.
 * @param origin Where the text below it came from, e.g. `from the imported file (edited 2024-05-02)`.
 */
export function noteConflictLine(origin: string): string {
  return `${NOTE_CONFLICT_MARK} ${origin} ────`;
}

/** Whether a note holds texts that were kept side by side. */
export function hasNoteConflict(note: string): boolean {
  return note.includes(NOTE_CONFLICT_MARK);
}

/** Two texts of a note, joined: the merged text, and whether both had to be kept. */
export interface MergedNote {
  note: string;
  conflict: boolean;
}

/**
 * Merges a note with another text of it. A text already contained in the other (an older copy, an
 * empty note, the same file imported twice) adds nothing; otherwise the other text is appended
 * under a marked line, so neither is dropped.
 * @param origin Where `incoming` came from, for the marked line.
 */
export function mergeNoteTexts(local: string, incoming: string, origin: string): MergedNote {
  if (incoming.trim() === '' || local.includes(incoming)) return { note: local, conflict: false };
  if (local.trim() === '' || incoming.includes(local)) return { note: incoming, conflict: false };
  return { note: `${local}\n\n${noteConflictLine(origin)}\n${incoming}`, conflict: true };
}

/**
 * A time as a reader can check it: an ISO day, or the raw number when no calendar date exists
 * (`new Date(9e15)` is an Invalid Date).
 */
export function describeTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString().slice(0, 10);
}
