import { describe, expect, it } from 'vitest';
import { DigestFormatError, detectDigestKind, parseDigestDocument } from '../../../lib/digest';
import { readSource } from './helpers';

describe('detectDigestKind', () => {
  it.each([
    ['000', 'weekly'],
    ['001', 'daily'],
    ['002', 'weekly'],
    ['003', 'daily'],
    ['004', null],
  ])('source %s → %s', (prefix, kind) => {
    expect(detectDigestKind(readSource(prefix).text)).toBe(kind);
  });

  it.each([
    ['', null],
    ['just prose\n', null],
    ['\n\n# 2024-01-01--2024-01-07 周报\n', 'weekly'],
    ['## A\n * link:[http://arxiv.org/abs/2401.00001v1](x)\n', 'weekly'], // header lost
    ['---\ntitle: x\ndate: 2024-01-01\n---\n', 'daily'],
    ['## A\n**Authors:X**\n[PDF](http://arxiv.org/abs/2401.00001v1)\n', 'daily'], // frontmatter lost
    ['## A heading only\n', null],
  ])('%j → %s', (text, kind) => {
    expect(detectDigestKind(text)).toBe(kind);
  });
});

describe('parseDigestDocument', () => {
  it('dispatches on kind', () => {
    for (const [prefix, kind, count] of [['000', 'weekly', 5], ['001', 'daily', 10], ['002', 'weekly', 17], ['003', 'daily', 12]] as const) {
      const { name, text } = readSource(prefix);
      const r = parseDigestDocument(text, name);
      expect([r.kind, r.entries.length]).toEqual([kind, count]);
    }
  });

  it('throws DigestFormatError naming file, line and expectation for anything else', () => {
    const { name, text } = readSource('004');
    let error: unknown;
    try {
      parseDigestDocument(text, name);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DigestFormatError);
    expect(error).toMatchObject({ file: name, line: 1, expected: expect.stringContaining('weekly overview') });
    expect((error as Error).message).toMatch(new RegExp(`^${name.replace('.', '\\.')}:1: expected a weekly overview .* found "`));
    expect(() => parseDigestDocument('\n\n  \n', 'blank.txt')).toThrow(/^blank\.txt:4: expected/);
  });
});
