import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  corruptLikeSeed003,
  evaluateRoundTrip,
  looksLikeMojibake,
  repairIfMojibake,
  repairMojibake,
  repairModelFromJSON,
  reweightDictionary,
  type RepairModel,
  type RepairResult,
} from '../../../lib/mojibake/index';
import { readSources } from '../../../data/tools/corpus-sources';
import { loadRepairModel } from '../../../data/tools/repair-model';

const root = join(import.meta.dirname, '..', '..', '..');
const seed = (name: string) => readFileSync(join(root, 'data', 'sources', name), 'utf8');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'mojibake', name), 'utf8');

const seed001 = seed('001_d39873fc5115af1d.txt');
const seed003 = seed('003_aa339627cba689a4.txt');
const seed004 = seed('004_e317862aa2d696b9.txt');
const heldout = fixture('heldout-zh.txt');

let model: RepairModel;
let repaired003: RepairResult;

beforeAll(() => {
  // Trains on seeds 000/001/002/004 and jieba's dictionary (read from node_modules by the loader).
  model = loadRepairModel(root, readSources(root));
  repaired003 = repairIfMojibake(seed003, model);
}, 120_000);

const countFFFD = (s: string) => s.split('\uFFFD').length - 1;

describe('looksLikeMojibake', () => {
  it.each([
    ['clean Chinese', '扩散模型在图像生成任务中取得了显著进展，但采样速度仍然较慢。', false],
    ['clean English', 'Diffusion models have achieved remarkable results in image synthesis.', false],
    ['mixed zh/en', '我们提出 MoMA：一个 training-free 的个性化图像生成模型（见 Fig. 2）。', false],
    ['Chinese with curly quotes and ellipsis', '他说：“这是一个‘好’方法……”——然后离开了。', false],
    ['French with accents and ellipsis', 'L’été à Paris est très agréable… n’est-ce pas ? Déjà vu, café crème.', false],
    ['Spanish inverted punctuation', '¿Qué tal? ¡Muy bien! Añadir más información.', false],
    ['formula with ×²', 'The area is 2×² units and 3×3 kernels, ±0.5°C.', false],
    ['Turkish', 'Doğru, güzel bir gün; ağaç ve dağ.', false],
    ['seed 001 (clean digest)', seed001, false],
    ['seed 004 (clean taxonomy notes)', seed004, false],
    ['seed 003 (damaged digest)', seed003, true],
    ['held-out text corrupted like 003', corruptLikeSeed003(heldout.slice(0, 400)), true],
    ['short corrupted Chinese', corruptLikeSeed003('扩散模型'), true],
    ['été read as windows-1252', 'Ã©tÃ©', true],
  ])('%s -> %s', (_name, text, expected) => {
    expect(looksLikeMojibake(text)).toBe(expected);
  });
});

describe('clean documents pass through unchanged', () => {
  it.each([
    ['001', seed001],
    ['004', seed004],
    ['English', 'Plain English text, no mojibake at all.'],
    ['Chinese', '这是一段普通的中文文本，没有任何乱码。'],
  ])('%s', (_name, text) => {
    const r = repairIfMojibake(text, model);
    expect(r.text).toBe(text);
    expect(r).toEqual({ text, repaired: false, damagedChars: 0, uncertain: [] });
  });
});

describe('round trip on held-out Chinese text (never used for training or tuning)', () => {
  it('has enough text to measure', () => {
    expect((heldout.match(/\p{Script=Han}/gu) ?? []).length).toBeGreaterThanOrEqual(6000);
  });

  it('restores >= 95% of damaged characters and flags >= 90% of its mistakes, with a small uncertain set', () => {
    const e = evaluateRoundTrip(heldout, model);
    expect(e.damagedChars).toBeGreaterThan(1500);
    expect(e.collateralDamage).toBe(false);
    expect(e.restoreRate).toBeGreaterThanOrEqual(0.95);
    expect(e.flaggedErrorRate).toBeGreaterThanOrEqual(0.9);
    // Marking everything would trivially flag every error; keep the uncertain set a minority.
    expect(e.flaggedRate).toBeLessThanOrEqual(0.2);
  });
});

describe('seed 003 repaired', () => {
  const lines = () => repaired003.text.split('\n');

  it('is detected and repaired without replacement characters or leftover mojibake', () => {
    expect(repaired003.repaired).toBe(true);
    expect(repaired003.damagedChars).toBe(3212);
    expect(repaired003.text).not.toContain('\uFFFD');
    expect(repaired003.text).not.toMatch(/æ|ä¸|ï¼|å|è¯|ç|é|Ã|Â|â€|ğŸ/);
    expect(looksLikeMojibake(repaired003.text)).toBe(false);
  });

  it('reports uncertain characters by code-point index, with real alternatives', () => {
    const cps = Array.from(repaired003.text);
    expect(repaired003.uncertain.length).toBeGreaterThan(0);
    expect(repaired003.uncertain.length).toBeLessThan(0.2 * repaired003.damagedChars);
    for (const u of repaired003.uncertain) {
      expect(cps[u.index]).toBe(u.chosen);
      expect(u.alternatives).not.toContain(u.chosen);
    }
  });

  it('restores the frontmatter description and the date heading', () => {
    expect(lines()).toContain(
      'description: Diffusion Models 方向最新论文已更新，请持续关注 Update in 2024-04-09  MoMA Multimodal LLM Adapter for Fast Personalized Image Generation  ',
    );
    expect(lines()).toContain('# 2024-04-09 更新');
  });

  it('restores exactly every line it shares with 001 (ground truth: corrupting the 001 line gives the 003 line)', () => {
    const damagedLines = seed003.split('\n');
    const out = lines();
    let shared = 0;
    for (const line of new Set(seed001.split('\n'))) {
      if (!/[\u0080-\u{10ffff}]/u.test(line)) continue;
      const i = damagedLines.indexOf(corruptLikeSeed003(line));
      if (i < 0) continue;
      shared++;
      expect(out[i]).toBe(line);
    }
    expect(shared).toBeGreaterThanOrEqual(10);
  });

  it.each([
    'MoMA: 一款免训练、开放词汇、专用于图像个性化生成且具备灵活零样本能力的图像模型。',
    '基于人类反馈强化学习构建YaART，高效高保真文本生成图像多级扩散模型。',
    '利用无标注扩散模型生成图像，提出无姿态标注的类别级3D物体姿态估计方法。',
    '通过引入反馈学习，UniFL 统一框架全面提升扩散模型，解决视觉质量、美观性和推理效率等难题。',
    '扩散模型中，图片水印技术避免了对模型性能的影响，且无需额外训练，可用于版权保护和违规内容追踪。',
  ])('restores the Summary line %s', (line) => {
    expect(lines()).toContain(line);
  });
});

describe('document consistency', () => {
  // The same broken bytes between the same two characters on each side, in a title and in a summary.
  const text = ['标题：一种名为 FPRF 的方法', '摘要：为了解决这一问题，本文提出了一种名为 FPRF 的前馈方法，与现有方法相比更快。'].join('\n');
  const at = (s: string, nth: number) => Array.from(s).findIndex((_, i, cps) => cps.slice(i - 2, i).join('') === '一种' && --nth === 0);

  it('gives every occurrence of one broken pattern in one context the same answer and the same mark', () => {
    const r = repairMojibake(corruptLikeSeed003(text), model);
    const [first, second] = [at(text, 1), at(text, 2)];
    const out = Array.from(r.text);
    const marked = new Set(r.uncertain.map((u) => u.index));
    expect(out[first]).toBe(out[second]);
    expect(marked.has(first)).toBe(marked.has(second));
  });
});

describe('reweightDictionary', () => {
  const jieba = ['进来 6878 v', '进步 5265 d', '球 5650 n', '热 11755 a', '罕见词 3 n', 'not a line'].join('\n');
  const counts = new Map([
    ['进来', 706626],
    ['进步', 1282365],
    ['球', 4056497],
  ]);
  const reweighted = new Map(reweightDictionary(jieba, counts).split('\n').map((line) => [line.split(' ')[0], line]));

  it.each([
    ['a word both count: the other count, scaled so the shared words keep their total', '进步', '进步 7829 d'],
    ['the other word both count', '进来', '进来 4314 v'],
    ['a single character: jieba segments and counts those its own way', '球', '球 5650 n'],
    ['a word only jieba has', '罕见词', '罕见词 3 n'],
    ['a line that does not parse', 'not', 'not a line'],
  ])('%s (%s)', (_name, word, line) => {
    expect(reweighted.get(word)).toBe(line);
  });

  it('returns the dictionary as it is when no word is shared', () => {
    expect(reweightDictionary(jieba, new Map([['别的', 5]]))).toBe(jieba);
  });
});

describe('serialization', () => {
  it('round-trips through JSON to an equivalent model', () => {
    const json = JSON.stringify(model.toJSON());
    const restored = repairModelFromJSON(JSON.parse(json));
    const sample = corruptLikeSeed003(heldout.slice(0, 1500));
    expect(repairMojibake(sample, restored)).toEqual(repairMojibake(sample, model));
  });
});

describe('properties', () => {
  const codepageish = fc.constantFrom(
    ...Array.from('abc 12\n中文模型ä¸æ–‡å‘è¯ï¼Œ€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÂÃÐðğßàâãäåæçèéêëìíîïòôõ÷øùþÿ\uFFFD'),
  );

  it('repairIfMojibake never throws and never introduces U+FFFD (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: codepageish, maxLength: 60 })), (s) => {
        const r = repairIfMojibake(s, model);
        expect(countFFFD(r.text)).toBe(countFFFD(s));
        for (const u of r.uncertain) expect(Array.from(r.text)[u.index]).toBe(u.chosen);
      }),
      { numRuns: 300 },
    );
  });

  it('corrupt then repair is the identity on ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (s) => {
        const corrupted = corruptLikeSeed003(s);
        expect(corrupted).toBe(s);
        expect(repairIfMojibake(corrupted, model).text).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it('corrupt then repair keeps length and undamaged characters of arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const r = repairMojibake(corruptLikeSeed003(s), model);
        expect(Array.from(r.text).length).toBe(Array.from(s).length);
        expect(countFFFD(r.text)).toBe(countFFFD(s));
      }),
      { numRuns: 200 },
    );
  });
});
