import { describe, expect, it } from 'vitest';
import { DigestFormatError, parseWeeklyOverview } from '../../../lib/digest';
import { readFixture, readSource } from './helpers';

describe('parseWeeklyOverview on 000', () => {
  const { name, text } = readSource('000');
  const result = parseWeeklyOverview(text, name);

  it('reads the header range and all 5 entries without warnings', () => {
    expect(result.kind).toBe('weekly');
    expect(result.date).toBeNull();
    expect(result.dateRange).toEqual({ start: '2024-03-02', end: '2024-03-05' });
    expect(result.title).toBe('生成式论文概览');
    expect(result.entries).toHaveLength(5);
    expect(result.warnings).toEqual([]);
    expect(result.entries.map((e) => e.arxivId)).toEqual(['2403.01329', '2403.01248', '2403.01212', '2403.01124', '2403.01108']);
  });

  it('golden: Bespoke Non-Stationary Solvers (folded title, raw LaTeX abstract)', () => {
    const e = result.entries[0];
    expect(e).toMatchObject({
      arxivId: '2403.01329',
      version: 1,
      versions: [1],
      title: 'Bespoke Non-Stationary Solvers for Fast Sampling of Diffusion and Flow Models',
      authors: [],
      venue: null,
      summaryZh: null,
      takeaways: [],
      chatPaper: null,
      screenshots: [],
      provenance: [
        { sourceFile: name, kind: 'weekly', digestDate: '2024-03-02', dateRange: { start: '2024-03-02', end: '2024-03-05' }, line: 2, version: 1 },
      ],
    });
    expect(e?.abstract.startsWith('This paper introduces Bespoke Non-Stationary (BNS) Solvers')).toBe(true);
    expect(e?.abstract).toContain('tiny parameter space ($<$200 parameters)');
    expect(e?.abstract.endsWith('showing significant improvement in sample approximation (PSNR) in all.')).toBe(true);
  });

  it('keeps inner spacing of abstracts untouched (only the ends are trimmed)', () => {
    const faceSwap = result.entries[4];
    expect(faceSwap?.title).toBe('Face Swap via Diffusion Model');
    expect(faceSwap?.abstract).toContain('generation quality.   Specifically');
    expect(faceSwap?.provenance[0]?.line).toBe(18);
  });
});

describe('parseWeeklyOverview on 002', () => {
  const { name, text } = readSource('002');
  const result = parseWeeklyOverview(text, name);

  it('reads all 17 entries without warnings', () => {
    expect(result.dateRange).toEqual({ start: '2024-03-05', end: '2024-03-08' });
    expect(result.entries).toHaveLength(17);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.entries.map((e) => e.arxivId)).size).toBe(17);
  });

  it('golden: PixArt-Σ keeps the Σ and folds the hard wrap', () => {
    const e = result.entries.find((x) => x.arxivId === '2403.04692');
    expect(e?.title).toBe('PixArt-Σ: Weak-to-Strong Training of Diffusion Transformer for 4K Text-to-Image Generation');
    expect(e?.version).toBe(1);
    expect(e?.provenance).toEqual([
      { sourceFile: name, kind: 'weekly', digestDate: '2024-03-07', dateRange: { start: '2024-03-05', end: '2024-03-08' }, line: 6, version: 1 },
    ]);
    expect(e?.abstract).toContain('we introduce PixArt-\\Sigma, a Diffusion Transformer model~(DiT)');
  });

  it('reads version 2 links (DLP-GAN)', () => {
    const e = result.entries.find((x) => x.arxivId === '2403.03456');
    expect(e).toMatchObject({ version: 2, versions: [2], title: 'DLP-GAN: learning to draw modern Chinese landscape photos with generative adversarial network' });
  });
});

describe('parseWeeklyOverview on malformed input', () => {
  it('warns (naming the line) instead of silently dropping entries', () => {
    const result = parseWeeklyOverview(readFixture('weekly-malformed.txt'), 'weekly-malformed.txt');
    expect(result.entries.map((e) => [e.arxivId, e.version, e.provenance[0]?.digestDate])).toEqual([
      ['2403.01329', 2, '2024-03-03'],
      ['hep-th/9901001', 1, '2024-04-01'],
      ['2403.01248', null, null],
    ]);
    expect(result.entries[2]?.versions).toEqual([]);
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([
      [6, 'missing-link'],
      [9, 'date-out-of-range'],
      [13, 'missing-date'],
      [19, 'bad-arxiv-link'],
    ]);
    for (const w of result.warnings) expect(w.file).toBe('weekly-malformed.txt');
    expect(result.warnings[0]?.message).toContain('Paper Without Link');
    expect(result.warnings[0]?.message).toContain('link:');
  });

  it('throws DigestFormatError when there is no entry at all', () => {
    const text = readFixture('weekly-header-only.txt');
    expect(() => parseWeeklyOverview(text, 'weekly-header-only.txt')).toThrow(DigestFormatError);
    try {
      parseWeeklyOverview(text, 'weekly-header-only.txt');
    } catch (err) {
      expect(err).toMatchObject({ file: 'weekly-header-only.txt', line: 2 });
      expect((err as DigestFormatError).expected).toContain("'## <paper title>'");
      expect((err as Error).message).toMatch(/^weekly-header-only\.txt:2: expected /);
    }
  });

  it('warns about a missing header but still parses entries', () => {
    const { text } = readSource('000');
    const headless = text.split('\n').slice(1).join('\n');
    const result = parseWeeklyOverview(headless, 'headless.txt');
    expect(result.entries).toHaveLength(5);
    expect(result.dateRange).toBeNull();
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 1, code: 'missing-header', message: expect.stringContaining('# YYYY-MM-DD--YYYY-MM-DD') }),
    ]);
    expect(result.entries[0]?.provenance[0]?.line).toBe(1);
  });
});
