import { describe, expect, it } from 'vitest';
import { mergeDigestEntries, parseDigestDocument } from '../../../lib/digest';
import type { DigestEntry } from '../../../lib/digest';
import { readFixture, readSource } from './helpers';

function entry(over: Partial<DigestEntry> & Pick<DigestEntry, 'arxivId'>): DigestEntry {
  return {
    version: null,
    versions: [],
    title: '',
    authors: [],
    abstract: '',
    venue: null,
    summaryZh: null,
    takeaways: [],
    chatPaper: null,
    screenshots: [],
    provenance: [],
    ...over,
  };
}

describe('mergeDigestEntries on the real sources', () => {
  const all = ['000', '001', '002', '003'].flatMap((p) => {
    const { name, text } = readSource(p);
    return parseDigestDocument(text, name).entries;
  });

  it('has 44 entries with arXiv ids: 5 + 10 + 17 + 12', () => {
    expect(all).toHaveLength(44);
    const perFile = new Map<string, number>();
    for (const e of all) for (const p of e.provenance) perFile.set(p.sourceFile.slice(0, 3), (perFile.get(p.sourceFile.slice(0, 3)) ?? 0) + 1);
    expect(Object.fromEntries(perFile)).toEqual({ '000': 5, '001': 10, '002': 17, '003': 12 });
  });

  it('finds no arXiv id shared between the four files (so merging keeps 44)', () => {
    const merged = mergeDigestEntries(all);
    expect(merged).toHaveLength(44);
    expect(merged.filter((e) => e.provenance.length > 1)).toEqual([]);
    expect(merged).toEqual(all);
  });
});

describe('mergeDigestEntries', () => {
  it('merges a weekly v2 sighting with a richer daily v1 sighting', () => {
    const weekly = readSource('002');
    const w = parseDigestDocument(weekly.text, weekly.name).entries;
    const d = parseDigestDocument(readFixture('daily-shared.txt'), 'daily-shared.txt').entries;
    const merged = mergeDigestEntries([...w, ...d]);
    expect(merged).toHaveLength(17);
    const dlp = merged.find((e) => e.arxivId === '2403.03456');
    expect(dlp?.version).toBe(2);
    expect(dlp?.versions).toEqual([1, 2]);
    expect(dlp?.title).toBe('DLP-GAN: learning to draw modern Chinese landscape photos with generative adversarial network');
    // The weekly abstract is the full one; the daily fixture's is a stub.
    expect(dlp?.abstract.startsWith('Chinese landscape painting has a unique and artistic style, and its drawing technique')).toBe(true);
    expect(dlp?.authors).toEqual(['Author One', 'Author Two']);
    expect(dlp?.summaryZh).toBe('将古代山水画转换为现代照片的无监督跨域图像翻译框架。');
    expect(dlp?.takeaways).toHaveLength(2);
    expect(dlp?.chatPaper?.titleZh).toBe('DLP-GAN：用生成对抗网络绘制现代中国山水照片');
    expect(dlp?.screenshots).toEqual(['https://example.org/dlp-1.jpg']);
    expect(dlp?.provenance).toEqual([
      { sourceFile: weekly.name, kind: 'weekly', digestDate: '2024-03-06', dateRange: { start: '2024-03-05', end: '2024-03-08' }, line: 46, version: 2 },
      { sourceFile: 'daily-shared.txt', kind: 'daily', digestDate: '2024-03-09', dateRange: null, line: 6, version: 1 },
    ]);
  });

  it('prefers the higher version on ties, keeps first-appearance order, and does not mutate inputs', () => {
    const a = entry({ arxivId: '2401.00001', version: 1, versions: [1], title: 'Same', abstract: 'v1 text', provenance: [{ sourceFile: 'a', kind: 'weekly', digestDate: null, dateRange: null, line: 1, version: 1 }] });
    const b = entry({ arxivId: '2401.00002', title: 'Other' });
    const c = entry({ arxivId: '2401.00001', version: 3, versions: [3], title: 'Same', abstract: 'v3 text', provenance: [{ sourceFile: 'c', kind: 'daily', digestDate: null, dateRange: null, line: 9, version: 3 }] });
    const snapshot = structuredClone([a, b, c]);
    const merged = mergeDigestEntries([a, b, c]);
    expect(merged.map((e) => e.arxivId)).toEqual(['2401.00001', '2401.00002']);
    expect(merged[0]).toMatchObject({ version: 3, versions: [1, 3], abstract: 'v3 text' });
    expect(merged[0]?.provenance.map((p) => p.sourceFile)).toEqual(['a', 'c']);
    expect([a, b, c]).toEqual(snapshot);
  });

  it('is idempotent and keeps versions already merged', () => {
    const a = entry({ arxivId: 'hep-th/9901001', version: 2, versions: [1, 2] });
    const b = entry({ arxivId: 'hep-th/9901001', version: null, versions: [] });
    const once = mergeDigestEntries([a, b]);
    expect(once[0]).toMatchObject({ version: 2, versions: [1, 2] });
    expect(mergeDigestEntries(once)).toEqual(once);
  });

  it('keeps a version-less id at version null', () => {
    expect(mergeDigestEntries([entry({ arxivId: '2401.00003' })])[0]).toMatchObject({ version: null, versions: [] });
  });
});
