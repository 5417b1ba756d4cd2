import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DROPPED_BYTES,
  PRIMARY_CODEPAGE,
  corruptLikeSeed003,
  damagedCharIndices,
  enumerateFills,
  isDamagedByCorruption,
  scanMojibake,
} from '../../../lib/mojibake/index';
import { byteOfChar, decodeUtf8Sequence } from '../../../lib/mojibake/bytes';

const root = join(import.meta.dirname, '..', '..', '..');
const source = (prefix: string) => {
  const dir = join(root, 'data', 'sources');
  const name = ['000_509535c46a4f3c25.txt', '001_d39873fc5115af1d.txt', '002_f36e282639314f98.txt', '003_aa339627cba689a4.txt', '004_e317862aa2d696b9.txt'].find(
    (f) => f.startsWith(prefix),
  )!;
  return readFileSync(join(dir, name), 'utf8');
};

describe('damage model, checked against seed 003', () => {
  const damaged = source('003_');

  it('every non-ASCII character of 003 is a windows-1252/1254 character', () => {
    for (const ch of new Set(damaged)) if (ch.codePointAt(0)! >= 0x80) expect(byteOfChar(ch), ch).toBeDefined();
  });

  it('no character for any dropped byte occurs, and every other continuation byte does', () => {
    const bytes = new Set([...damaged].map(byteOfChar));
    for (const b of DROPPED_BYTES) expect(bytes.has(b), b.toString(16)).toBe(false);
    for (let b = 0x80; b <= 0xbf; b++) if (!DROPPED_BYTES.includes(b)) expect(bytes.has(b), b.toString(16)).toBe(true);
  });

  it('ğ stands for 0xF0 (windows-1254), which is why that table is the primary one', () => {
    expect(PRIMARY_CODEPAGE).toBe('windows-1254');
    expect(byteOfChar('ğ')).toBe(0xf0);
    expect(byteOfChar('ð')).toBe(0xf0);
    expect(damaged).toContain('ğŸ”´');
  });

  it('the corrupter reproduces 003 byte-for-byte on the lines it shares with 001 (emoji included)', () => {
    const lines003 = new Set(damaged.split('\n'));
    const shared = source('001_')
      .split('\n')
      .filter((l) => /[\u0080-\u{10ffff}]/u.test(l) && lines003.has(corruptLikeSeed003(l)));
    expect(shared.length).toBeGreaterThanOrEqual(10);
    expect(shared.some((l) => l.includes('⭐️'))).toBe(true);
    expect(shared.some((l) => l.includes('🔴'))).toBe(true);
  });

  it('scanning 003 explains every non-ASCII character; each broken sequence lacks one or two bytes', () => {
    const pieces = scanMojibake(damaged);
    const keptNonAscii = pieces.flatMap((p) => (p.kind === 'kept' ? [...p.text].filter((c) => c.codePointAt(0)! >= 0x80) : []));
    expect(keptNonAscii).toEqual([]);
    const broken = pieces.filter((p) => p.kind === 'damaged');
    expect(broken.length).toBe(3212);
    for (const p of broken) {
      expect([1, 2]).toContain(p.missing);
      expect(p.forced).toBe(false);
      expect(p.candidates.length).toBeGreaterThan(0);
    }
  });
});

describe('bytes and candidates', () => {
  it('decodes only valid UTF-8 sequences', () => {
    expect(decodeUtf8Sequence([0xe4, 0xb8, 0xad])).toBe('中');
    expect(decodeUtf8Sequence([0xe0, 0x80, 0x80])).toBeUndefined(); // overlong
    expect(decodeUtf8Sequence([0xed, 0xa0, 0x80])).toBeUndefined(); // surrogate
    expect(decodeUtf8Sequence([0xf4, 0x90, 0x80, 0x80])).toBeUndefined(); // > U+10FFFF
    expect(decodeUtf8Sequence([0xc3])).toBeUndefined();
  });

  it('enumerates both positions of a single missing byte', () => {
    // "ä¸" + one lost byte: 中 (E4 B8 AD), 与 (E4 B8 8E) and 不 (E4 B8 8D) are all possible.
    const { candidates, forced } = enumerateFills(0xe4, [0xb8]);
    expect(forced).toBe(false);
    expect(candidates).toEqual(expect.arrayContaining(['中', '与', '不', '丝']));
    expect(candidates.every((c) => isDamagedByCorruption(c))).toBe(true);
  });

  it('enumerates two missing bytes (⭐ = E2 AD 90 lost both)', () => {
    expect(enumerateFills(0xe2, []).candidates).toContain('⭐');
  });

  it('falls back to any continuation byte, flagged as forced, when the dropped set cannot complete a sequence', () => {
    // F4 needs a second byte 80..8F; with 0xBF present first, only the 80..8F slot can be filled.
    const r = enumerateFills(0xf4, [0xbf, 0xbf]);
    expect(r.candidates.length).toBeGreaterThan(0);
    expect(r.candidates.join('')).not.toContain('\uFFFD');
  });

  it('corrupts deterministically and leaves ASCII alone', () => {
    expect(corruptLikeSeed003('plain ASCII: 123 {}')).toBe('plain ASCII: 123 {}');
    expect(corruptLikeSeed003('中文')).toBe('ä¸æ–‡');
    expect(corruptLikeSeed003('# 2024-04-09 更新')).toBe('# 2024-04-09 æ›´æ–°');
    expect(damagedCharIndices('a中b与c不')).toEqual([1, 3, 5]);
  });
});
