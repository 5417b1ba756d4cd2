/**
 * Golden tests on 003 AFTER mojibake repair (lib/mojibake). The model is
 * trained like production (data/tools/repair-model.ts): the clean sources plus
 * jieba's dictionary, never 003 itself. Training + repair take a few
 * seconds, so they run once for the file.
 *
 * Only values that do not hinge on the repair's word choices are pinned
 * exactly (structure, ASCII text, a few unambiguous affiliations); the point is
 * that every Chinese label becomes recognisable once the text is repaired.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDigestDocument, type DigestEntry, type DigestParseResult } from '../../../lib/digest';
import { repairIfMojibake } from '../../../lib/mojibake';
import { PROJECT_ROOT, readSources } from '../../../data/tools/corpus-sources';
import { loadRepairModel } from '../../../data/tools/repair-model';
import { readSource } from './helpers';

let result: DigestParseResult;
const byId = (id: string): DigestEntry => {
  const e = result.entries.find((x) => x.arxivId === id);
  if (e === undefined) throw new Error(`no entry ${id}`);
  return e;
};

beforeAll(() => {
  const model = loadRepairModel(PROJECT_ROOT, readSources());
  const { name, text } = readSource('003');
  const repair = repairIfMojibake(text, model);
  expect(repair.repaired).toBe(true);
  result = parseDigestDocument(repair.text, name);
}, 120_000);

describe('parseDailyDigest on REPAIRED 003', () => {
  it('parses all 12 entries with no warning at all', () => {
    expect(result.kind).toBe('daily');
    expect(result.date).toBe('2024-04-09');
    expect(result.entries).toHaveLength(12);
    expect(result.warnings).toEqual([]);
  });

  it('recognises every markdown section, including **摘要** / **要点** (2404.04785)', () => {
    expect(result.entries.every((e) => e.summaryZh !== null)).toBe(true);
    expect(result.entries.map((e) => e.takeaways.length)).toEqual([6, 7, 6, 5, 6, 7, 7, 6, 8, 7, 7, 5]);
  });

  it('recognises every ChatPaper section label', () => {
    for (const e of result.entries) {
      const cp = e.chatPaper;
      expect(cp, e.arxivId).not.toBeNull();
      expect(cp?.titleZh, e.arxivId).not.toBeNull();
      expect(cp?.authors.length, e.arxivId).toBeGreaterThan(0);
      expect(cp?.affiliation, e.arxivId).not.toBeNull();
      expect(cp?.keywords.length, e.arxivId).toBeGreaterThan(0);
      expect(cp?.urls, e.arxivId).not.toBeNull();
      expect(cp?.summary, e.arxivId).toHaveLength(4);
      const c = cp?.conclusion;
      expect([c?.significance, c?.innovation, c?.performance, c?.workload].every((v) => typeof v === 'string'), e.arxivId).toBe(true);
    }
    expect(result.entries.map((e) => e.chatPaper?.method.length)).toEqual([4, 4, 4, 5, 5, 3, 3, 4, 4, 6, 0, 2]);
    expect(byId('2404.04562').chatPaper?.generatorErrors).toHaveLength(1);
  });

  it('golden: YaART (2404.05666) <strong> labels, arXiv: reference, inline method parts', () => {
    const cp = byId('2404.05666').chatPaper;
    expect(cp?.affiliation).toBe('Yandex');
    expect(cp?.keywords).toEqual(['Diffusion models', 'Scaling', 'Efficiency']);
    expect(cp?.urls).toMatchObject({ paper: 'arXiv:2404.05666', paperArxivId: '2404.05666', github: null });
    expect(cp?.authors).toHaveLength(23);
    expect(cp?.method.map((m) => m.slice(-3))).toEqual(['方法；', '策略；', '阶段；', '对齐。']);
  });

  it('golden: GitHub links and "None" variants', () => {
    expect(byId('2404.05505').chatPaper?.urls).toMatchObject({ paper: null, github: 'https://github.com/hamedhaghighi/LidarGRIT' });
    expect(byId('2404.04650').chatPaper?.urls).toMatchObject({ paper: 'https://arxiv.org/abs/2404.04650', github: 'https://github.com/xiefan-guo/initno' });
    expect(byId('2404.04562').chatPaper?.urls).toMatchObject({ paperArxivId: '2302.12910', github: 'https://github.com/yxymessi/DTC123' });
    expect(byId('2404.04785').chatPaper?.urls).toMatchObject({ paper: null, github: null });
    expect(byId('2404.05384').chatPaper?.urls).toMatchObject({ paper: 'https://arxiv.org/pdf/2302.02533.pdf', github: null });
  });

  it('golden: ASCII keywords/authors and unambiguous affiliations', () => {
    expect(byId('2404.04785').chatPaper?.keywords).toEqual(['Diffusion Model', 'MRI', 'Super-Resolution']);
    expect(byId('2404.04956').chatPaper?.keywords).toEqual(['Diffusion model', 'Gaussian shading', 'Watermark', 'Copyright protection']);
    expect(byId('2404.05595').chatPaper?.authors).toEqual(['Jiaming Song', 'Chenlin Meng', 'Boya Wang', 'Lu Yuan', 'Xiaodong He', 'Bo Ren', 'Ming-Hsuan Yang']);
    expect(byId('2404.05674').chatPaper?.affiliation).toBe('字节跳动');
    expect(byId('2404.05626').chatPaper?.affiliation).toBe('西安交通大学');
    expect(byId('2404.05595').chatPaper?.affiliation).toBe('北京大学');
    expect(byId('2404.04544').chatPaper?.affiliation).toBe('首尔大学');
  });

  it('keeps the structural facts of the raw parse', () => {
    expect(result.entries.map((e) => [e.arxivId, e.version, e.provenance[0]?.line])).toEqual([
      ['2404.05674', 1, 34], ['2404.05666', 1, 95], ['2404.05626', 1, 157], ['2404.05595', 1, 223],
      ['2404.05505', 1, 289], ['2404.05384', 1, 346], ['2404.04956', 1, 404], ['2404.04804', 1, 480],
      ['2404.04785', 1, 553], ['2404.04650', 1, 617], ['2404.04562', 1, 700], ['2404.04544', 1, 753],
    ]);
    expect(result.entries.map((e) => e.screenshots.length)).toEqual([3, 2, 5, 2, 4, 4, 4, 6, 4, 5, 4, 4]);
  });
});
