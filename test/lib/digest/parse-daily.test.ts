import { describe, expect, it } from 'vitest';
import { DigestFormatError, parseDailyDigest, parseDigestDocument } from '../../../lib/digest';
import type { DigestEntry } from '../../../lib/digest';
import { readFixture, readSource } from './helpers';

function byId(entries: DigestEntry[], id: string): DigestEntry {
  const e = entries.find((x) => x.arxivId === id);
  if (e === undefined) throw new Error(`no entry ${id}`);
  return e;
}

describe('parseDailyDigest on 001', () => {
  const { name, text } = readSource('001');
  const result = parseDailyDigest(text, name);

  it('reads the frontmatter date and all 10 entries', () => {
    expect(result).toMatchObject({ kind: 'daily', date: '2024-04-25', dateRange: null, title: 'Diffusion Models', sourceFile: name });
    expect(result.entries.map((e) => [e.arxivId, e.version, e.provenance[0]?.line])).toEqual([
      ['2404.15449', 1, 34],
      ['2404.15081', 1, 106],
      ['2404.14568', 1, 194],
      ['2404.14507', 1, 285],
      ['2404.14403', 1, 353],
      ['2404.14239', 1, 444],
      ['2404.14162', 1, 514],
      ['2404.13903', 2, 579],
      ['2404.13766', 1, 648],
      ['2404.13706', 1, 738],
    ]);
  });

  it('reports only the echoed prompt in 2404.13766 as a warning', () => {
    expect(result.warnings).toEqual([
      expect.objectContaining({ file: name, line: 710, code: 'chatpaper-trailing-text', message: expect.stringContaining('总结') }),
    ]);
  });

  it('golden: ID-Aligner (2404.15449)', () => {
    const e = byId(result.entries, '2404.15449');
    expect(e.title).toBe('ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning');
    expect(e.version).toBe(1);
    expect(e.versions).toEqual([1]);
    expect(e.authors).toEqual(['Weifeng Chen', 'Jiacheng Zhang', 'Jie Wu', 'Hefeng Wu', 'Xuefeng Xiao', 'Liang Lin']);
    expect(e.abstract.startsWith('The rapid development of diffusion models has triggered diverse applications.')).toBe(true);
    expect(e.abstract).not.toContain('\n');
    expect(e.venue).toBeNull();
    expect(e.summaryZh).toBe('扩散模型带来的文本图像生成在身份保持人像和商用图片上广泛应用，ID-Aligner框架通过反馈学习增强图像美感。');
    expect(e.takeaways).toHaveLength(6);
    expect(e.takeaways[0]).toBe('身份保持图像生成方法在身份特征保持、美观性保证、兼容性方面有提升空间。');
    expect(e.takeaways[5]).toBe('在SD1.5和SDXL扩散模型上的广泛实验验证了该方法的有效性。');
    expect(e.screenshots).toEqual([
      'https://pic1.zhimg.com/v2-952ad01319e9ee57febc82370c97b6b2.jpg',
      'https://picx.zhimg.com/v2-3ea9ae35ff1eb818db6fe2da58e7a072.jpg',
      'https://pica.zhimg.com/v2-3ca1d77296d47d3befa8898dae8433d7.jpg',
      'https://picx.zhimg.com/v2-b249a085ea084ca24b82dc1fcadcc875.jpg',
    ]);
    expect(e.provenance).toEqual([{ sourceFile: name, kind: 'daily', digestDate: '2024-04-25', dateRange: null, line: 34, version: 1 }]);

    const cp = e.chatPaper;
    expect(cp).not.toBeNull();
    expect(cp?.line).toBe(57);
    expect(cp?.titleZh).toBe('ID-Aligner: 增强身份保留文本到图像生成');
    // The generator's author list is kept as written (typo "Jiachang" included).
    expect(cp?.authors).toEqual(['Weifeng Chen', 'Jiachang Zhang', 'Jie Wu', 'Hefeng Wu', 'Xuefeng Xiao', 'Liang Lin']);
    expect(cp?.affiliation).toBe('中山大学');
    expect(cp?.keywords).toEqual(['Identity-preserving text-to-image generation', 'Diffusion models', 'Feedback learning', 'LoRA', 'Adapter']);
    expect(cp?.urls).toEqual({
      raw: 'https://arxiv.org/abs/2404.15449 , Github:None',
      paper: 'https://arxiv.org/abs/2404.15449',
      paperArxivId: '2404.15449',
      github: null,
      all: ['https://arxiv.org/abs/2404.15449'],
    });
    expect(cp?.summary).toHaveLength(4);
    expect(cp?.summary[0]?.startsWith('随着扩散模型的快速发展，文本到图像生成技术得到了广泛的应用')).toBe(true);
    expect(cp?.summary[3]?.startsWith('在人像生成任务上，ID-Aligner在保持身份特征和生成高质量图像方面都取得了优异的性能。')).toBe(true);
    expect(cp?.method).toHaveLength(4);
    expect(cp?.method[0]?.startsWith('提出ID-Aligner，一种利用反馈学习方法来增强身份（ID）保留生成性能的开创性方法。')).toBe(true);
    expect(cp?.method[3]?.startsWith('ID保留反馈学习：')).toBe(true);
    expect(cp?.generatorErrors).toEqual([]);
    const c = cp?.conclusion;
    expect(c?.parts).toHaveLength(2);
    expect(c?.significance?.startsWith('本文提出了一种基于反馈学习的通用框架ID-Aligner，用于增强身份保留文本到图像生成（ID-T2I）性能。')).toBe(true);
    expect(c?.innovation?.startsWith('提出了ID-Aligner，一种利用反馈学习方法来增强ID保留生成性能的开创性方法。')).toBe(true);
    expect(c?.performance?.startsWith('在人像生成任务上，ID-Aligner在保持身份特征和生成高质量图像方面都取得了优异的性能。')).toBe(true);
    expect(c?.workload).toBe('本文的方法涉及到反馈学习、身份一致性奖励和身份美学奖励的引入，需要额外的计算和数据处理。');
  });

  it('golden: CAAT (2404.15081) venue, Chinese labels, parts after </ol>, (a)/(b) sub-items', () => {
    const e = byId(result.entries, '2404.15081');
    expect(e.venue).toBe('Published at CVPR 2024');
    expect(e.title).toBe(
      'Perturbing Attention Gives You More Bang for the Buck: Subtle Imaging Perturbations That Efficiently Fool Customized Diffusion Models',
    );
    expect(e.screenshots).toHaveLength(7);
    const cp = e.chatPaper;
    expect(cp?.titleZh).toBe('扰动注意力让你事半功倍：精妙的图像扰动');
    expect(cp?.affiliation).toBe('新加坡国立大学');
    expect(cp?.keywords).toEqual(['Diffusion Models', 'Adversarial Attack', 'Cross-Attention']);
    // The generator linked a different paper; kept for comparison, not trusted.
    expect(cp?.urls).toMatchObject({ paperArxivId: '2302.08724', github: null });
    expect(cp?.summary.map((s) => s.slice(0, 4))).toEqual(['研究背景', '过去方法', '本文方法', '方法性能']);
    expect(cp?.method).toHaveLength(3);
    expect(cp?.method[1]).toContain('（a）：准备已发布图像和目标图像。');
    expect(cp?.conclusion?.innovation).toBe('（a）：提出了利用交叉注意力层敏感性的新攻击方法。\n（b）：无需昂贵的训练即可有效对抗 LDMs。');
    expect(cp?.conclusion?.performance).toBe('（a）：与各种扩散模型兼容。\n（b）：在有效性和效率方面优于基线攻击方法。');
    expect(cp?.conclusion?.workload).toBe('（a）：攻击步骤简单，易于实现。\n（b）：无需额外的训练或数据收集。');
  });

  it('golden: UVMap-ID (2404.14568) GitHub URL, <pre><code> parts, <strong>/<ul> conclusion', () => {
    const cp = byId(result.entries, '2404.14568').chatPaper;
    expect(cp?.urls).toMatchObject({ paper: 'https://arxiv.org/abs/2404.14568', github: 'https://github.com/twowwj/UVMap-ID' });
    expect(cp?.summary).toHaveLength(4);
    expect(cp?.summary[0]?.startsWith('本文的研究背景是：')).toBe(true);
    expect(cp?.method).toHaveLength(3);
    expect(cp?.method[2]).toBe('此外，我们还引入了一些指标来评估纹理的多个方面。');
    expect(cp?.conclusion?.significance?.startsWith('意义：本文提出了一种可控且个性化的 UV 贴图生成模型 UVMap-ID')).toBe(true);
    expect(cp?.conclusion?.innovation?.split('\n')).toEqual([
      '- 将文本到图像扩散模型应用于 UV 贴图生成。',
      '- 提出了一种人脸融合模块，实现 ID 驱动的定制化生成。',
      '- 引入了小规模属性平衡训练数据集，支持微调策略。',
    ]);
    expect(cp?.conclusion?.workload?.split('\n')).toHaveLength(2);
  });

  it('golden: Align Your Steps (2404.14507) <strong> labels, no URL, generator error instead of method', () => {
    const e = byId(result.entries, '2404.14507');
    expect(e.venue).toBe('Project page: https://research.nvidia.com/labs/toronto-ai/AlignYourSteps/');
    const cp = e.chatPaper;
    expect(cp?.titleZh).toBe('优化扩散模型中的采样计划');
    expect(cp?.affiliation).toBe('NVIDIA');
    expect(cp?.urls).toMatchObject({ raw: 'Paper_info:Align Your Steps: Optimizing Sampling Schedules in Diffusion Models', paper: null, github: null });
    expect(cp?.summary).toHaveLength(4);
    expect(cp?.summary[0]?.startsWith('研究背景：扩散模型（DM）')).toBe(true);
    expect(cp?.method).toEqual([]);
    expect(cp?.generatorErrors).toEqual(['Some Error for method(比如是不是没有Methods这个章节)']);
    expect(cp?.conclusion?.innovation?.startsWith('提出了优化扩散模型采样计划的新颖方法')).toBe(true);
    expect(cp?.conclusion?.workload).toBe('该方法需要对采样计划进行优化，这可能需要一定的计算资源。');
  });

  it('golden: GeoDiffuser (2404.14403) Chinese markdown labels, authors/keywords as separate <li>', () => {
    const e = byId(result.entries, '2404.14403');
    expect(e.summaryZh).toBe('一键式图像编辑方法 GeoDiffuser，将 2D/3D 对象编辑统一为几何变换，无需训练或额外信息。');
    expect(e.takeaways).toHaveLength(7);
    const cp = e.chatPaper;
    expect(cp?.authors).toEqual(['Yin Cui', 'Yujun Shen', 'Yinda Zhang', 'Bolei Zhou', 'Chen Change Loy', 'Thomas Funkhouser']);
    expect(cp?.keywords).toEqual(['图像编辑', '几何变换', '扩散模型', '零样本学习']);
    expect(cp?.urls).toMatchObject({ paper: 'https://arxiv.org/abs/2404.14403', github: null });
    expect(cp?.generatorErrors).toHaveLength(1);
  });

  it('golden: MultiBooth, FLDM-VTON, SLAM, Concept Arithmetics label variants', () => {
    const mb = byId(result.entries, '2404.14239');
    expect(mb.venue).toBe('Project Page: https://multibooth.github.io/ . Github Page: https://github.com/chenyangzhu1/MultiBooth');
    expect(mb.chatPaper?.urls).toMatchObject({ paper: 'https://arxiv.org/abs/2404.14239v1', paperArxivId: '2404.14239', github: null });
    expect(mb.chatPaper?.method).toHaveLength(3); // "Methods:" label

    const fl = byId(result.entries, '2404.14162');
    expect(fl.venue).toBe('Accepted by IJCAI 2024');
    expect(fl.chatPaper?.titleZh).toBe('FLDM-VTON：用于虚拟试穿的忠实潜在扩散模型');
    expect(fl.chatPaper?.authors).toEqual(['王晨辉', '陈涛', '陈志浩', '黄志忠', '姜涛然', '王琦', '单宏明']);
    expect(fl.chatPaper?.summary.map((s) => s.slice(0, 4))).toEqual(['研究背景', '过去的方', '本文提出', '方法的性']);
    expect(fl.chatPaper?.conclusion?.workload?.startsWith('本文方法的实现需要对潜在扩散模型进行修改')).toBe(true);

    const slam = byId(result.entries, '2404.13903');
    expect(slam).toMatchObject({ version: 2, summaryZh: '扩散模型提速新方法：子路径线性逼近模型（SLAM）' }); // **Summary:**
    expect(slam.takeaways).toHaveLength(7); // **Key Takeaways:**
    expect(slam.chatPaper?.keywords).toEqual(['Diffusion Models', 'Accelerating Diffusion Models', 'Diffusion Model Distillation', 'Consistency Models']);
    expect(slam.chatPaper?.urls).toMatchObject({ paper: 'https://arxiv.org/abs/2302.07523', github: null });

    const ca = byId(result.entries, '2404.13706');
    expect(ca.authors).toEqual(['Vitali Petsiuk', 'Kate Saenko']);
    expect(ca.chatPaper?.authors).toEqual(['Vitali Petsiuk', 'Kate Saenko']); // "A and B"
  });

  it('golden: Object-Attribute Binding (2404.13766) ignores the echoed prompt but keeps (1)', () => {
    const e = byId(result.entries, '2404.13766');
    expect(e.summaryZh).toBe('文本提示中的语法约束有助于生成更准确的图像，其中属性与正确的对象相关联。'); // **摘要**
    expect(e.takeaways).toHaveLength(6); // **要点** with "* " bullets
    const c = e.chatPaper?.conclusion;
    expect(c?.parts).toHaveLength(1);
    expect(c?.significance?.startsWith('本研究提出了无需训练的方法')).toBe(true);
    expect(c?.significance).not.toContain('xxx');
    expect(c).toMatchObject({ innovation: null, performance: null, workload: null });
    expect(e.chatPaper?.method).toHaveLength(4);
  });

  it('is insensitive to CRLF line endings and a BOM', () => {
    const crlf = parseDailyDigest(`\ufeff${text.replace(/\n/g, '\r\n')}`, name);
    expect(crlf.entries).toEqual(result.entries);
    expect(crlf.warnings).toEqual(result.warnings);
  });
});

describe('parseDailyDigest on raw (unrepaired) 003: structure only', () => {
  const { name, text } = readSource('003');
  const result = parseDailyDigest(text, name);

  it('finds all 12 entries with ids, versions, lines', () => {
    expect(result.date).toBe('2024-04-09');
    expect(result.entries.map((e) => [e.arxivId, e.version, e.provenance[0]?.line])).toEqual([
      ['2404.05674', 1, 34],
      ['2404.05666', 1, 95],
      ['2404.05626', 1, 157],
      ['2404.05595', 1, 223],
      ['2404.05505', 1, 289],
      ['2404.05384', 1, 346],
      ['2404.04956', 1, 404],
      ['2404.04804', 1, 480],
      ['2404.04785', 1, 553],
      ['2404.04650', 1, 617],
      ['2404.04562', 1, 700],
      ['2404.04544', 1, 753],
    ]);
  });

  it('reads ASCII fields: titles, authors, venues, screenshots', () => {
    const e = result.entries;
    expect(e.map((x) => x.screenshots.length)).toEqual([3, 2, 5, 2, 4, 4, 4, 6, 4, 5, 4, 4]);
    expect(e.map((x) => x.authors.length)).toEqual([6, 23, 7, 12, 5, 5, 6, 8, 6, 6, 6, 5]);
    expect(byId(e, '2404.05666').authors.at(-1)).toBe('Valentin Khrulkov');
    expect(byId(e, '2404.05384').title).toBe('Rethinking the Spatial Inconsistency in Classifier-Free Diffusion Guidance');
    expect(e.map((x) => x.venue)).toEqual([
      null,
      'Prompts and additional information are available on the project page, see https://ya.ru/ai/art/paper-yaart-v1',
      null,
      null,
      null,
      'accepted by CVPR-2024',
      '17 pages, 11 figures, accepted by CVPR 2024',
      'This paper is accepted by CVPR 2024',
      '14 pages, 12 figures, Accepted by CVPR2024',
      'Accepted by CVPR 2024',
      null,
      'Project page: https://janeyeon.github.io/beyond-scene',
    ]);
    expect(byId(e, '2404.04562').abstract).toContain('Score distillation sampling~(SDS)');
  });

  it('flags what the mojibake hides instead of guessing', () => {
    const codes = new Set(result.warnings.map((w) => w.code));
    expect([...codes].sort()).toEqual(['chatpaper-unrecognised', 'missing-summary', 'missing-takeaways', 'unknown-section']);
    // 2404.04785 uses **摘要** / **要点**, unreadable until repaired.
    expect(result.warnings.filter((w) => w.code === 'unknown-section').map((w) => w.line)).toEqual([561, 564]);
    expect(byId(result.entries, '2404.04785').summaryZh).toBeNull();
  });

  // Golden tests on the REPAIRED text live in repaired-003.test.ts.
});

describe('parseDailyDigest on malformed input', () => {
  it('reports skipped and truncated entries with their lines', () => {
    const result = parseDailyDigest(readFixture('daily-truncated.txt'), 'daily-truncated.txt');
    expect(result.date).toBe('2024-05-01');
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({
      arxivId: '2404.00001',
      version: 3,
      title: 'Good Entry: Wrapped Title',
      authors: ['Carol Example'],
      abstract: 'Abstract with $x^2$ math and \\textbf{bold}.',
      venue: 'Accepted by ICML 2024',
      summaryZh: '一句话总结。',
      takeaways: ['要点一', '要点二'],
      screenshots: ['https://example.org/a.jpg'],
    });
    expect(result.entries[0]?.chatPaper).toMatchObject({ titleZh: '好的条目', authors: ['Carol Example'] });
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([
      [9, 'missing-pdf-link'],
      [44, 'unclosed-details'],
      [54, 'bad-arxiv-link'],
      [56, 'missing-pdf-link'],
    ]);
    for (const w of result.warnings) expect(w.file).toBe('daily-truncated.txt');
    expect(result.warnings[0]?.message).toContain('Entry Without Link');
    expect(result.warnings[0]?.message).toContain('[PDF](http://arxiv.org/abs/<id>v<N>)');
  });

  it('throws DigestFormatError for unterminated frontmatter, naming the line', () => {
    const text = readFixture('daily-unclosed-frontmatter.txt');
    expect(() => parseDigestDocument(text, 'daily-unclosed-frontmatter.txt')).toThrow(DigestFormatError);
    try {
      parseDailyDigest(text, 'daily-unclosed-frontmatter.txt');
    } catch (err) {
      expect(err).toBeInstanceOf(DigestFormatError);
      expect(err).toMatchObject({ file: 'daily-unclosed-frontmatter.txt', line: 1, expected: expect.stringContaining("closing '---'") });
    }
  });

  it('falls back to the "# date" heading when the frontmatter has no date', () => {
    const { text } = readSource('001');
    const result = parseDailyDigest(text.replace('date: 2024-04-25 20:59:05', 'date:'), 'nodate.txt');
    expect(result.date).toBe('2024-04-25');
    expect(result.warnings.slice(0, 2).map((w) => [w.line, w.code])).toEqual([
      [2, 'missing-date'],
      [31, 'date-from-heading'],
    ]);
  });

  it('throws DigestFormatError when no entry exists', () => {
    expect(() => parseDailyDigest('---\ndate: 2024-01-01\n---\n\nno entries here\n', 'empty.txt')).toThrow(
      /^empty\.txt:6: expected at least one '## <paper title>' entry/,
    );
  });
});
