/**
 * How the reading list travels through the browser's sync storage (`storage.sync`): records as
 * compact JSON arrays, deflated with the platform's `CompressionStream`, in base64 (sync storage
 * holds JSON, and its quota counts the JSON's bytes), cut into items under the per-item limit.
 */
import { READING_STATUSES, type ReadingStatus } from '../reading-list/reading-list-entry';
import { isLive, lastChange, NO_STAMP, type NoteVersion, type SyncRecord } from './sync-record';
import { compareStamps, type Stamp } from './stamp';

/** Chrome's and Firefox's `storage.sync` limits, in bytes of key plus JSON value. */
export const SYNC_QUOTA = { totalBytes: 102_400, itemBytes: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 } as const;

/** The item that says how many chunks there are and what they hold. */
export const MANIFEST_KEY = 'rl.meta';
/** The chunks are `rl.0`, `rl.1`, …. */
export const CHUNK_PREFIX = 'rl.';
/** Characters of base64 per chunk: with its key (`rl.11`) and the JSON quotes, under 8,192 bytes. */
export const CHUNK_CHARS = 8_176;
/** The layout this release writes and reads. */
export const SYNC_FORMAT_VERSION = 1;

/** What `rl.meta` holds. */
export interface SyncManifest {
  v: number;
  /** How many chunks. */
  n: number;
  /** FNV-1a of the chunks joined: a reader that sees another device's write half arrived waits. */
  h: string;
  /** Entries and tombstones in the chunks, and in the list of the device that wrote them. */
  count: number;
  total: number;
  /** The device that wrote them, and when. */
  device: string;
  at: number;
}

/** A packed list: the items to write, and how much of the list they hold. */
export interface PackedList {
  manifest: SyncManifest;
  /** The records packed: all of them, or the newest that fit. */
  records: SyncRecord[];
  chunks: string[];
  /** Bytes the items take by the browser's measure (keys plus JSON values). */
  bytes: number;
}

// A live entry: key, title, savedAt, created, status, its stamp, tags, their stamp, the note's
// versions and, when it was once removed, the tombstone (which drops the note texts written before).
type Wire =
  | [string, string, number, string, ReadingStatus, string, string[], string, [string, string, Record<string, string>][]]
  | [string, string, number, string, ReadingStatus, string, string[], string, [string, string, Record<string, string>][], string]
  | [string, string, string];

const stampText = (stamp: Stamp) => `${stamp.t.toString(36)}.${stamp.d}`;
function stampOf(text: unknown): Stamp {
  if (typeof text !== 'string') throw new Error('a stamp is a string');
  const dot = text.indexOf('.');
  const t = parseInt(text.slice(0, dot), 36);
  if (dot < 1 || !Number.isSafeInteger(t) || t < 0) throw new Error(`not a stamp: ${text.slice(0, 40)}`);
  return { t, d: text.slice(dot + 1) };
}

/** A record as a compact array; a tombstone keeps only its key and times. */
function toWire(record: SyncRecord): Wire {
  if (!isLive(record)) return [record.key, stampText(record.created), stampText(record.deleted!)];
  const notes = record.note.map((version): [string, string, Record<string, string>] => {
    // The author's own latest change is the version's stamp: it is not repeated.
    const seen = Object.fromEntries(Object.entries(version.seen).filter(([device, t]) => !(device === version.s.d && t === version.s.t)).map(([device, t]) => [device, t.toString(36)]));
    return [version.text, stampText(version.s), seen];
  });
  const wire: Wire = [record.key, record.title, record.savedAt, stampText(record.created), record.status.v, stampText(record.status.s), record.tags.v, stampText(record.tags.s), notes];
  return record.deleted ? [...wire, stampText(record.deleted)] : wire;
}

function fromWire(wire: unknown): SyncRecord {
  if (!Array.isArray(wire) || typeof wire[0] !== 'string') throw new Error('a record is an array that starts with its key');
  if (wire.length === 3) {
    return { key: wire[0], title: '', savedAt: 0, created: stampOf(wire[1]), deleted: stampOf(wire[2]), status: { v: 'to-read', s: NO_STAMP }, tags: { v: [], s: NO_STAMP }, note: [] };
  }
  const [key, title, savedAt, created, status, statusStamp, tags, tagsStamp, notes, deleted] = wire as unknown[];
  if (typeof title !== 'string' || typeof savedAt !== 'number' || !READING_STATUSES.includes(status as ReadingStatus)) throw new Error(`record ${String(key)}: bad title, time or status`);
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string') || !Array.isArray(notes)) throw new Error(`record ${String(key)}: bad tags or note`);
  const note = notes.map((item): NoteVersion => {
    const [text, stamp, seen] = item as [unknown, unknown, unknown];
    if (typeof text !== 'string' || typeof seen !== 'object' || seen === null) throw new Error(`record ${String(key)}: bad note`);
    const s = stampOf(stamp);
    const seenTimes: Record<string, number> = Object.fromEntries(Object.entries(seen).map(([device, t]) => [device, parseInt(String(t), 36)]));
    seenTimes[s.d] = Math.max(seenTimes[s.d] ?? 0, s.t);
    return { text, s, seen: seenTimes };
  });
  return { key: key as string, title, savedAt, created: stampOf(created), deleted: deleted === undefined ? null : stampOf(deleted), status: { v: status as ReadingStatus, s: stampOf(statusStamp) }, tags: { v: tags as string[], s: stampOf(tagsStamp) }, note };
}

/** The records as the text that is compressed: sorted by key, so the same list is the same bytes. */
export function recordsToJson(records: readonly SyncRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return JSON.stringify({ v: SYNC_FORMAT_VERSION, r: sorted.map(toWire) });
}

/** @throws Error when the text is not a list this release wrote. */
export function recordsFromJson(json: string): SyncRecord[] {
  const parsed = JSON.parse(json) as { v?: unknown; r?: unknown };
  if (parsed.v !== SYNC_FORMAT_VERSION || !Array.isArray(parsed.r)) throw new Error(`not a synced reading list of version ${SYNC_FORMAT_VERSION}`);
  return parsed.r.map(fromWire);
}

/** Deflates text (`deflate-raw`) into base64. */
export async function deflateToBase64(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The inverse of {@link deflateToBase64}. */
export async function inflateFromBase64(base64: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** FNV-1a, 32 bits, in hex: a check that the chunks read are the ones the manifest was written with. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The bytes `storage.sync` counts for one item: its key and its value's JSON. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * Packs the records that fit into `budgetBytes`, the newest changes first: when the whole list
 * does not fit, the newest part of it is synced and the rest stays on this device only.
 * @param records The whole list, tombstones included.
 * @param budgetBytes What the items may take in all (the quota, less what other keys use).
 */
export async function packForSync(records: readonly SyncRecord[], budgetBytes: number, device: string, now: number): Promise<PackedList> {
  const newestFirst = [...records].sort((a, b) => compareStamps(lastChange(b), lastChange(a)) || (a.key < b.key ? -1 : 1));
  const pack = async (count: number): Promise<PackedList> => {
    const packed = newestFirst.slice(0, count);
    const base64 = await deflateToBase64(recordsToJson(packed));
    const chunks = Array.from({ length: Math.ceil(base64.length / CHUNK_CHARS) }, (_, i) => base64.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
    const manifest: SyncManifest = { v: SYNC_FORMAT_VERSION, n: chunks.length, h: fnv1a(base64), count, total: records.length, device, at: now };
    const bytes = itemBytes(MANIFEST_KEY, manifest) + chunks.reduce((sum, chunk, i) => sum + itemBytes(`${CHUNK_PREFIX}${i}`, chunk), 0);
    return { manifest, records: packed, chunks, bytes };
  };
  const fits = (packed: PackedList) => packed.bytes <= budgetBytes && packed.chunks.length + 1 <= SYNC_QUOTA.items;
  const all = await pack(newestFirst.length);
  if (fits(all)) return all;
  // The most records that fit: compressed size grows with the count, so a binary search finds it.
  let low = 0;
  let high = newestFirst.length;
  let best = await pack(0);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const packed = await pack(middle);
    if (fits(packed)) {
      best = packed;
      low = middle;
    } else high = middle - 1;
  }
  return best;
}

/** The items to write for a packed list. */
export function packedItems(packed: PackedList): Record<string, unknown> {
  return { [MANIFEST_KEY]: packed.manifest, ...Object.fromEntries(packed.chunks.map((chunk, i) => [`${CHUNK_PREFIX}${i}`, chunk])) };
}

/** What the sync storage holds: nothing yet, a list, or a write from another device not all there yet. */
export type RemoteList = { kind: 'empty' } | { kind: 'list'; manifest: SyncManifest; records: SyncRecord[] } | { kind: 'unreadable'; reason: string };

/** Reads the list from all the items of the sync storage. */
export async function unpackFromSync(items: Record<string, unknown>): Promise<RemoteList> {
  const manifest = items[MANIFEST_KEY] as SyncManifest | undefined;
  if (!manifest) return { kind: 'empty' };
  if (manifest.v !== SYNC_FORMAT_VERSION) return { kind: 'unreadable', reason: `written by a release with sync format ${String(manifest.v)}` };
  if (!Number.isInteger(manifest.n) || manifest.n < 0 || manifest.n >= SYNC_QUOTA.items) return { kind: 'unreadable', reason: 'its manifest is damaged' };
  const chunks = Array.from({ length: manifest.n }, (_, i) => items[`${CHUNK_PREFIX}${i}`]);
  if (!chunks.every((chunk) => typeof chunk === 'string')) return { kind: 'unreadable', reason: 'some parts have not arrived yet' };
  const base64 = chunks.join('');
  if (fnv1a(base64) !== manifest.h) return { kind: 'unreadable', reason: 'the parts are from different writes' };
  try {
    return { kind: 'list', manifest, records: recordsFromJson(await inflateFromBase64(base64)) };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message };
  }
}
