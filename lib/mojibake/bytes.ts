/**
 * Byte-level view of "UTF-8 read as a Windows code page" mojibake.
 *
 * The damaged digest (seed 003) was produced by taking UTF-8 bytes, decoding
 * them with a single-byte Windows code page and saving the result as UTF-8.
 * Examining that file shows:
 *  - every non-ASCII character in it is a windows-1252/1254 character, except
 *    `ğ` (U+011F), which is what windows-1254 (Turkish) has at 0xF0;
 *  - no character for 0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E or 0xAD occurs,
 *    while every other byte 0x80..0xBF does. The first seven are exactly the
 *    bytes the windows-1254 table leaves undefined (windows-1252 would
 *    have kept 0x8E/0x9E as Ž/ž); 0xAD is the soft hyphen, which was stripped.
 * So the reverse table is windows-1254 plus windows-1252 (both real tables;
 * accepting either spelling costs nothing because they never map two different
 * characters to the same byte), with no hand-typed entries.
 *
 * The tables come from the platform's `TextDecoder`, which browsers, workers and
 * Node all have, so the repair runs in the extension as it does in the build.
 * WHATWG decoders map a byte a code page leaves undefined to the C1 control of
 * the same value; those are treated as undefined here. (Node decodes
 * windows-1252 as ISO-8859-1, which also shows up as C1 controls, so Node only
 * lacks windows-1252's Ž/ž, which windows-1254 leaves undefined anyway.)
 * The tables are built lazily: merely importing this module stays side-effect free.
 */

/** Bytes that vanished from the damaged file: the seven undefined in windows-1254, plus 0xAD. */
export const DROPPED_BYTES: readonly number[] = Object.freeze([0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e, 0xad]);

const DROPPED_SET = new Set(DROPPED_BYTES);

/** Code page whose decoding reproduces the damaged file (see module comment). */
export const PRIMARY_CODEPAGE = 'windows-1254';
const SECONDARY_CODEPAGE = 'windows-1252';

interface CodepageTables {
  /** windows-1254 decoding of each byte; '' where the table has no character. */
  byteToChar: string[];
  /** Every windows-1254/1252 character >= U+0080 to its byte. */
  charToByte: Map<string, number>;
  /** The same, keyed by code point, for scans that walk a string by char codes. */
  codePointToByte: Map<number, number>;
}

let tables: CodepageTables | undefined;

/** Each byte's character in a code page; '' for a byte the code page leaves undefined. */
function decodeAllBytes(codepage: string): string[] {
  const all = new Uint8Array(256);
  for (let b = 0; b < 256; b++) all[b] = b;
  const decoded = [...new TextDecoder(codepage).decode(all)];
  if (decoded.length !== 256) throw new Error(`unexpected ${codepage} table length ${decoded.length}`);
  return decoded.map((ch, b) => (ch === '\uFFFD' || (b >= 0x80 && b <= 0x9f && ch.codePointAt(0) === b) ? '' : ch));
}

function codepageTables(): CodepageTables {
  if (tables) return tables;
  const primary = decodeAllBytes(PRIMARY_CODEPAGE);
  const secondary = decodeAllBytes(SECONDARY_CODEPAGE);
  const byteToChar = primary;
  const charToByte = new Map<string, number>();
  for (const table of [primary, secondary]) {
    for (let b = 0x80; b < 256; b++) {
      const ch = table[b]!;
      if (ch !== '' && !charToByte.has(ch)) charToByte.set(ch, b);
    }
  }
  const codePointToByte = new Map([...charToByte].map(([ch, byte]) => [ch.codePointAt(0)!, byte]));
  tables = { byteToChar, charToByte, codePointToByte };
  return tables;
}

/** The byte a mojibake character stands for, or undefined when the character is not from the code page. */
export function byteOfChar(ch: string): number | undefined {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return cp;
  return codepageTables().charToByte.get(ch);
}

/** {@link byteOfChar} by code point: -1 when the character is not from the code page. */
export function byteOfCodePoint(cp: number): number {
  if (cp < 0x80) return cp;
  return codepageTables().codePointToByte.get(cp) ?? -1;
}

/** How the damaged file spells a byte (windows-1254); '' for bytes that table leaves undefined. */
export function charOfByte(byte: number): string {
  return codepageTables().byteToChar[byte] ?? '';
}

/** Whether a byte is one that the damage deletes. */
export function isDroppedByte(byte: number): boolean {
  return DROPPED_SET.has(byte);
}

/** Total UTF-8 sequence length announced by a lead byte, or 0 for bytes that cannot start a multi-byte sequence. */
export function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * Decode one complete UTF-8 sequence strictly (no overlongs, surrogates or
 * values above U+10FFFF); undefined when the bytes are not exactly one character.
 */
export function decodeUtf8Sequence(bytes: readonly number[]): string | undefined {
  const lead = bytes[0];
  if (lead === undefined) return undefined;
  const n = utf8SequenceLength(lead);
  if (n === 0 || bytes.length !== n) return undefined;
  for (let i = 1; i < n; i++) if (!isContinuation(bytes[i]!)) return undefined;
  const second = bytes[1]!;
  // These second-byte ranges are what rule out overlongs, surrogates and > U+10FFFF.
  if (lead === 0xe0 && second < 0xa0) return undefined;
  if (lead === 0xed && second > 0x9f) return undefined;
  if (lead === 0xf0 && second < 0x90) return undefined;
  if (lead === 0xf4 && second > 0x8f) return undefined;
  let cp = lead & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
  for (let i = 1; i < n; i++) cp = (cp << 6) | (bytes[i]! & 0x3f);
  return String.fromCodePoint(cp);
}

// Unassigned, private-use, surrogate and control code points are never what a
// digest contained, so they are only offered when nothing better exists.
const IMPLAUSIBLE = /^[\p{Cn}\p{Co}\p{Cs}\p{Cc}]$/u;

/** Whether a decoded character is a reasonable thing for a text to have contained. */
export function isPlausibleChar(ch: string): boolean {
  return ch !== '\uFFFD' && !IMPLAUSIBLE.test(ch);
}

function choosePositions(slots: number, picks: number): number[][] {
  const out: number[][] = [];
  const walk = (start: number, acc: number[]) => {
    if (acc.length === picks) {
      out.push(acc.slice());
      return;
    }
    for (let s = start; s < slots; s++) {
      acc.push(s);
      walk(s + 1, acc);
      acc.pop();
    }
  };
  walk(0, []);
  return out;
}

function fillsFrom(lead: number, present: readonly number[], alphabet: readonly number[]): string[] {
  const n = utf8SequenceLength(lead);
  const missing = n - 1 - present.length;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const positions of choosePositions(n - 1, missing)) {
    const values = new Array<number>(missing).fill(0);
    // Odometer over alphabet^missing: avoids recursion and keeps output order deterministic.
    for (;;) {
      const bytes = [lead];
      let p = 0;
      let m = 0;
      for (let slot = 0; slot < n - 1; slot++) {
        if (m < missing && positions[m] === slot) bytes.push(alphabet[values[m++]!]!);
        else bytes.push(present[p++]!);
      }
      const ch = decodeUtf8Sequence(bytes);
      if (ch !== undefined && ch !== '\uFFFD' && !seen.has(ch)) {
        seen.add(ch);
        out.push(ch);
      }
      let k = missing - 1;
      while (k >= 0 && values[k] === alphabet.length - 1) values[k--] = 0;
      if (k < 0) break;
      values[k]!++;
    }
  }
  return out;
}

const ALL_CONTINUATIONS: readonly number[] = Array.from({ length: 64 }, (_, i) => 0x80 + i);

/**
 * Every character that a truncated sequence (lead byte + surviving continuation
 * bytes, in order) could have been, when the missing bytes come from the
 * dropped set. Plausible characters are preferred; if there are none, any
 * valid character from the dropped set, then from any continuation byte.
 * `forced` tells the caller the damage model could not explain the sequence.
 */
export function enumerateFills(lead: number, present: readonly number[]): { candidates: string[]; forced: boolean } {
  const n = utf8SequenceLength(lead);
  const missing = n - 1 - present.length;
  if (n === 0 || missing < 1) return { candidates: [], forced: true };
  const strict = fillsFrom(lead, present, DROPPED_BYTES);
  const plausible = strict.filter(isPlausibleChar);
  if (plausible.length > 0) return { candidates: plausible, forced: false };
  if (strict.length > 0) return { candidates: strict, forced: true };
  if (missing > 2) return { candidates: [], forced: true };
  const relaxed = fillsFrom(lead, present, ALL_CONTINUATIONS);
  const relaxedPlausible = relaxed.filter(isPlausibleChar);
  return { candidates: relaxedPlausible.length > 0 ? relaxedPlausible : relaxed, forced: true };
}

/** A run of the input that is kept exactly as it is (ASCII, non-code-page text, or bytes that make no character). */
export interface KeptPiece {
  kind: 'kept';
  text: string;
}

/** A complete UTF-8 sequence spelled in code-page characters. */
export interface DecodedPiece {
  kind: 'decoded';
  char: string;
  source: string;
}

/** A sequence that lost continuation bytes; `candidates` are the characters it may have been. */
export interface DamagedPiece {
  kind: 'damaged';
  source: string;
  candidates: string[];
  /** How many bytes are missing. */
  missing: number;
  /** True when no fill from the dropped set made a plausible character. */
  forced: boolean;
}

export type MojibakePiece = KeptPiece | DecodedPiece | DamagedPiece;

/**
 * Split text into pieces by reading it as code-page bytes and regrouping them
 * into UTF-8 sequences. A truncated sequence becomes a damaged piece. Anything
 * that cannot be part of a sequence is kept verbatim, so rebuilding the text
 * from kept pieces and piece sources gives back the input exactly.
 *
 * A lead byte with no surviving continuation is only treated as damaged when
 * at most two bytes are missing, because the dropped bytes never include the
 * 0x9F that starts every emoji's second byte; a lone `ğ` is more likely text.
 */
export function scanMojibake(text: string): MojibakePiece[] {
  const chars = Array.from(text);
  const bytes = chars.map(byteOfChar);
  const pieces: MojibakePiece[] = [];
  let kept = '';
  const keep = (s: string) => {
    kept += s;
  };
  const flush = () => {
    if (kept) pieces.push({ kind: 'kept', text: kept });
    kept = '';
  };
  let i = 0;
  while (i < chars.length) {
    const b = bytes[i];
    const n = b === undefined ? 0 : utf8SequenceLength(b);
    if (b === undefined || n === 0) {
      keep(chars[i]!);
      i++;
      continue;
    }
    let j = i + 1;
    const present: number[] = [];
    while (j < chars.length && present.length < n - 1) {
      const c = bytes[j];
      if (c === undefined || !isContinuation(c)) break;
      present.push(c);
      j++;
    }
    const source = chars.slice(i, j).join('');
    if (present.length === n - 1) {
      const ch = decodeUtf8Sequence([b, ...present]);
      if (ch === undefined) {
        keep(chars[i]!);
        i++;
        continue;
      }
      flush();
      pieces.push({ kind: 'decoded', char: ch, source });
      i = j;
      continue;
    }
    const missing = n - 1 - present.length;
    if (present.length === 0 && missing > 2) {
      keep(chars[i]!);
      i++;
      continue;
    }
    const { candidates, forced } = enumerateFills(b, present);
    if (candidates.length === 0) {
      keep(source);
      i = j;
      continue;
    }
    flush();
    pieces.push({ kind: 'damaged', source, candidates, missing, forced });
    i = j;
  }
  flush();
  return pieces;
}
