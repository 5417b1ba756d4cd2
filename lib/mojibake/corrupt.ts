/**
 * Deterministic reproduction of the damage found in seed 003, for evaluation:
 * UTF-8 encode, delete the dropped bytes, spell each remaining byte with the
 * windows-1254 table (see bytes.ts for why that table and not plain 1252).
 */
import { charOfByte, isDroppedByte } from './bytes';

const encoder = new TextEncoder();

/**
 * Corrupt clean text exactly the way seed 003 was corrupted. Pure and
 * deterministic; ASCII text comes back unchanged.
 */
export function corruptLikeSeed003(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) {
    if (isDroppedByte(byte)) continue;
    out += byte < 0x80 ? String.fromCharCode(byte) : charOfByte(byte);
  }
  return out;
}

/** Whether the corruption loses at least one byte of this character (so the repair has to guess it). */
export function isDamagedByCorruption(ch: string): boolean {
  for (const byte of encoder.encode(ch)) if (isDroppedByte(byte)) return true;
  return false;
}

/**
 * Code-point indices of the characters of clean text that the corruption
 * damages. Because the damage never removes a lead byte or an ASCII byte, each
 * original character maps to exactly one repaired character, so these indices
 * also address the repaired text.
 */
export function damagedCharIndices(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (isDamagedByCorruption(ch)) out.push(i);
    i++;
  }
  return out;
}
