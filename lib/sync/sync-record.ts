/**
 * One reading-list entry as the sync merges it: each field with its own change time, deletes as
 * tombstones, and the note as a multi-value register, so that edits of different fields on two
 * devices both win, and two edits of one note made without seeing each other are both kept.
 *
 * The merge is a join: commutative, associative and idempotent, so devices that exchange their
 * records in any order, any number of times, end up with the same list (test/lib/sync has the
 * property test).
 */
import { describeTime, noteConflictLine } from '../reading-list/merge-notes';
import type { ReadingListEntry, ReadingStatus } from '../reading-list/reading-list-entry';
import { compareStamps, laterStamp, type Stamp } from './stamp';

/**
 * One text of a note. `seen` holds, per device, the latest note change its author had seen when
 * writing it (its own included): a version that has seen another replaces it, two that have not
 * seen each other are both kept.
 */
export interface NoteVersion {
  text: string;
  s: Stamp;
  seen: Record<string, number>;
}

/** A field with the stamp of its last change. */
export interface StampedField<T> {
  v: T;
  s: Stamp;
}

/** What the sync keeps of one reading-list entry: no corpus data, nothing but what the user made. */
export interface SyncRecord {
  /** The entry's key (`arxiv:<id>` or `title:<normalised title>`). */
  key: string;
  title: string;
  savedAt: number;
  /** When the paper was last saved into the list: the entry lives while this is later than `deleted`. */
  created: Stamp;
  /** The tombstone: when the entry was last removed. */
  deleted: Stamp | null;
  status: StampedField<ReadingStatus>;
  tags: StampedField<string[]>;
  /** One version, or several that were written without seeing each other; newest first. */
  note: NoteVersion[];
}

/** The stamp no change has: what a field that never changed carries. */
export const NO_STAMP: Stamp = { t: 0, d: '' };

/** Whether the entry is in the list: saved after it was last removed (or never removed). */
export function isLive(record: SyncRecord): boolean {
  return record.deleted === null || compareStamps(record.created, record.deleted) > 0;
}

/** The latest change of any kind in a record: the order in which records are given sync room. */
export function lastChange(record: SyncRecord): Stamp {
  return [record.created, record.deleted ?? NO_STAMP, record.status.s, record.tags.s, ...record.note.map((version) => version.s)].reduce(laterStamp);
}

/** A newly saved entry. */
export function newRecord(entry: Pick<ReadingListEntry, 'key' | 'title' | 'savedAt' | 'status' | 'tags' | 'note'>, stamp: Stamp): SyncRecord {
  return {
    key: entry.key,
    title: entry.title,
    savedAt: entry.savedAt,
    created: stamp,
    deleted: null,
    status: { v: entry.status, s: stamp },
    tags: { v: [...entry.tags], s: stamp },
    note: [{ text: entry.note, s: stamp, seen: { [stamp.d]: stamp.t } }],
  };
}

/**
 * The record of an entry saved before the sync kept records: its times are its own `savedAt` and
 * `updatedAt`, as if this device had made them.
 */
export function recordOfEntry(entry: ReadingListEntry, device: string): SyncRecord {
  const saved = { t: entry.savedAt, d: device };
  const updated = { t: Math.max(entry.updatedAt, entry.savedAt), d: device };
  return {
    ...newRecord(entry, saved),
    status: { v: entry.status, s: updated },
    tags: { v: [...entry.tags], s: updated },
    note: [{ text: entry.note, s: updated, seen: { [device]: updated.t } }],
  };
}

/**
 * The record after a change made on this device, whatever made it (a save, an edit, an import, a
 * remove): every field that differs from what the record shows gets `stamp`.
 * @param entry The entry as it is now, or null once it was removed.
 * @returns The same record when nothing changed; undefined when there was none and is none.
 */
export function recordAfterLocalChange(record: SyncRecord | undefined, entry: ReadingListEntry | null, stamp: Stamp): SyncRecord | undefined {
  if (entry === null) return record && isLive(record) ? { ...record, deleted: stamp } : record;
  if (!record) return newRecord(entry, stamp);
  if (!isLive(record)) {
    // Saved again after a remove: a new life, whose note has seen (and so replaces) every old text.
    // Texts written after the remove (on a device that had not heard of it yet) were never removed
    // by anyone, so the new text carries them rather than dropping them.
    const unremoved = renderNote(record.note.filter((version) => record.deleted === null || compareStamps(version.s, record.deleted) > 0));
    const text = unremoved === '' || entry.note.includes(unremoved) ? entry.note : entry.note === '' ? unremoved : `${entry.note}\n\n${noteConflictLine('kept from before the paper was saved again')}\n${unremoved}`;
    return { ...newRecord(entry, stamp), deleted: record.deleted, note: [editedNote(record.note, text, stamp)] };
  }
  let next = record;
  if (entry.status !== record.status.v) next = { ...next, status: { v: entry.status, s: stamp } };
  if (!sameList(entry.tags, record.tags.v)) next = { ...next, tags: { v: [...entry.tags], s: stamp } };
  if (entry.note !== renderNote(record.note)) next = { ...next, note: [editedNote(record.note, entry.note, stamp)] };
  if (entry.savedAt < record.savedAt) next = { ...next, savedAt: entry.savedAt };
  return next;
}

/** A note's new text, written by someone who saw all of `versions`. */
function editedNote(versions: readonly NoteVersion[], text: string, stamp: Stamp): NoteVersion {
  const seen: Record<string, number> = {};
  for (const version of versions) for (const [device, t] of Object.entries(version.seen)) seen[device] = Math.max(seen[device] ?? 0, t);
  seen[stamp.d] = Math.max(seen[stamp.d] ?? 0, stamp.t);
  return { text, s: stamp, seen };
}

/**
 * The note as the user reads it: the newest text first, then each other kept text under a marked
 * line. A text that a newer one already contains is not repeated.
 */
export function renderNote(versions: readonly NoteVersion[]): string {
  const shown: NoteVersion[] = [];
  for (const version of versions) {
    if (shown.some((newer) => newer.text.includes(version.text))) continue;
    shown.push(version);
  }
  if (shown.length === 0) return '';
  return shown
    .map((version, i) => (i === 0 ? version.text : `${noteConflictLine(`from another device (edited ${describeTime(version.s.t)})`)}\n${version.text}`))
    .join('\n\n');
}

/** Joins two records of one entry. */
export function mergeRecords(a: SyncRecord, b: SyncRecord): SyncRecord {
  if (a === b) return a;
  const life = pickLife(a, b);
  const deleted = a.deleted && b.deleted ? laterStamp(a.deleted, b.deleted) : (a.deleted ?? b.deleted);
  return {
    key: a.key,
    title: life.title,
    savedAt: life.savedAt,
    created: laterStamp(a.created, b.created),
    deleted,
    status: compareStamps(a.status.s, b.status.s) >= 0 ? a.status : b.status,
    tags: compareStamps(a.tags.s, b.tags.s) >= 0 ? a.tags : b.tags,
    note: mergeNoteVersions(a.note, b.note, deleted),
  };
}

/** Joins two lists of records, by key; the result is ordered by key. */
export function mergeRecordLists(a: readonly SyncRecord[], b: readonly SyncRecord[]): SyncRecord[] {
  const byKey = new Map<string, SyncRecord>();
  for (const record of [...a, ...b]) {
    const known = byKey.get(record.key);
    byKey.set(record.key, known ? mergeRecords(known, record) : record);
  }
  return [...byKey.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * Drops tombstones older than the grace period. A device that was away longer than that may bring
 * a removed entry back; the period is long so that this stays rare.
 */
export function collectTombstones(records: readonly SyncRecord[], now: number, graceMs: number): SyncRecord[] {
  return records.filter((record) => isLive(record) || record.deleted!.t >= now - graceMs);
}

// The title and save time come from the latest life of the entry; a tombstone as the sync sends
// it has neither (an empty title), so any record that has them is preferred.
function pickLife(a: SyncRecord, b: SyncRecord): SyncRecord {
  if ((a.title === '') !== (b.title === '')) return a.title === '' ? b : a;
  const order = compareStamps(a.created, b.created) || (a.title < b.title ? 1 : a.title > b.title ? -1 : 0) || b.savedAt - a.savedAt;
  return order >= 0 ? a : b;
}

/**
 * The versions of a note neither of which has seen the other, newest first. Versions written
 * before the entry was last removed belong to a life that ended and are dropped.
 */
function mergeNoteVersions(a: readonly NoteVersion[], b: readonly NoteVersion[], deleted: Stamp | null): NoteVersion[] {
  const all = new Map<string, NoteVersion>();
  for (const version of [...a, ...b]) if (!deleted || compareStamps(version.s, deleted) > 0) all.set(`${version.s.t}.${version.s.d}`, version);
  const versions = [...all.values()];
  return versions
    .filter((version) => !versions.some((other) => other !== version && (other.seen[version.s.d] ?? -1) >= version.s.t))
    .sort((x, y) => compareStamps(y.s, x.s));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
