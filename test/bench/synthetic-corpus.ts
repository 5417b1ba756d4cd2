/**
 * A deterministic synthetic corpus for the search benchmark: papers shaped like the digests
 * (English titles with a method name before the colon, Western and pinyin author names, a 中文
 * title, one-line summary and takeaways, mixed-language keywords, a ~150-word English abstract,
 * taxonomy placements), at any size.
 *
 * Paper `i` depends only on the seed and `i` (each paper has its own mulberry32 stream), so the
 * first 10,000 papers of the 100,000-paper corpus are the 10,000-paper corpus, and the query lists
 * below, which name words and methods of papers under 10,000, hit both. No `Math.random`.
 */
import type { Corpus, CorpusPaper, CorpusTaxonomyEntry, CorpusTaxonomyNode } from '../../lib/corpus';
import { tokenize } from '../../lib/search';

export type SyntheticCorpus = Pick<Corpus, 'papers' | 'taxonomy'>;

export const DEFAULT_SEED = 20240425;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
/** A rank in [0, n) with density ∝ 1/rank: a few words are everywhere, most are rare, as in prose. */
const zipf = (rng: Rng, n: number): number => Math.min(n - 1, Math.floor(Math.exp(rng() * Math.log(n + 1))) - 1);

// ——— English vocabulary ———————————————————————————————————————————————————————————————————————

const VERBING = [
  'Enhancing', 'Improving', 'Accelerating', 'Scaling', 'Taming', 'Rethinking', 'Unifying', 'Learning', 'Training',
  'Distilling', 'Aligning', 'Customizing', 'Personalizing', 'Controlling', 'Editing', 'Generating', 'Synthesizing',
  'Animating', 'Composing', 'Boosting', 'Harnessing', 'Exploring', 'Steering', 'Refining', 'Benchmarking',
];
const ADJECTIVES = [
  'Identity-Preserving', 'Training-Free', 'Zero-Shot', 'Controllable', 'Efficient', 'High-Fidelity', 'Consistent',
  'Scalable', 'Fast', 'Robust', 'Multi-View', 'Temporal', 'Spatial', 'Fine-Grained', 'Personalized', 'Latent',
  'Unified', 'Subject-Driven', 'Layout-Guided', 'Text-Driven', 'Real-Time', 'Few-Step', 'One-Step', 'Lightweight',
  'Compositional', 'Interactive', 'Faithful', 'Diverse', 'Semantic', 'Hierarchical',
];
const NOUNS = [
  'Image Generation', 'Video Synthesis', 'Image Editing', 'Subject Customization', 'Style Transfer', 'Motion Control',
  'Super-Resolution', 'Inpainting', '3D Generation', 'Sampling', 'Distillation', 'Quantization', 'Attention',
  'Guidance', 'Adapters', 'Representations', 'Priors', 'Tokenizers', 'Consistency Models', 'Flow Matching',
  'Reward Feedback', 'Preference Optimization', 'Layout Control', 'Human Animation', 'Portrait Generation',
  'Scene Generation', 'Texture Synthesis', 'Watermarking', 'Concept Erasure', 'Noise Schedules',
];
const TASKS = [
  'Text-to-Image Generation', 'Text-to-Video Generation', 'Image-to-Video Generation', 'Virtual Try-on',
  'Face Swapping', 'Talking Head Synthesis', 'Novel View Synthesis', 'Medical Imaging', 'Image Restoration',
  'Visual Storytelling', 'Layout-to-Image Generation', 'Point Cloud Generation', 'Motion Generation',
  'Audio Generation', 'Text-to-3D Generation', 'Image Super-Resolution',
];
const TAILS = [
  'with Diffusion Models', 'via Latent Diffusion', 'with Diffusion Transformers', 'using Rectified Flow',
  'with Reward Feedback Learning', 'via Cross-Attention Control', 'without Fine-Tuning', 'with Consistency Distillation',
];
const METHOD_SYLLABLES = [
  'Dream', 'Booth', 'Pix', 'Art', 'Instant', 'Control', 'Net', 'Style', 'Gen', 'Video', 'Crafter', 'Animate', 'Diff',
  'Fusion', 'Magic', 'Brush', 'Photo', 'Maker', 'Face', 'Studio', 'Any', 'Door', 'Edit', 'Uni', 'Flow', 'Light', 'Mix',
  'Sketch', 'Motion', 'Director', 'Story', 'Paint', 'Layout', 'Scene', 'Craft', 'Tex', 'Mesh', 'Gaussian', 'Free',
  'Tune', 'Prompt', 'Adapter', 'Cascade', 'Turbo', 'Consist', 'Portrait', 'Avatar', 'Talk', 'Dance', 'Pose', 'Align',
  'Reward', 'Insta', 'Omni', 'Make', 'Lumi', 'Wonder', 'Vista', 'Hyper', 'Tiny', 'Snap', 'Seed', 'Show', 'Mag', 'Zero',
];
const METHOD_SUFFIXES = ['', '', '', '', '', '-XL', '-v2', '++', '2', '-Turbo', '-Lite', '3D'];
const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

const WESTERN_FIRST = [
  'James', 'Maria', 'David', 'Anna', 'Michael', 'Sarah', 'Daniel', 'Laura', 'Thomas', 'Elena', 'Robert', 'Julia',
  'Kate', 'Sanja', 'Amir', 'Hamed', 'Sergey', 'Artem', 'Vitali', 'Rahul', 'Jeroen', 'Gwanghyun', 'Nikolai', 'Olga',
  'Pierre', 'Sophie', 'Lukas', 'Hannah', 'Marco', 'Giulia', 'Yuki', 'Kenji', 'Ahmed', 'Fatima', 'Noah', 'Emma',
];
const WESTERN_LAST = [
  'Smith', 'Fidler', 'Saenko', 'Kastryulin', 'Petsiuk', 'Trusca', 'Nuyts', 'Sabour', 'Haghighi', 'Samadi', 'Sajnani',
  'Vanbaar', 'Kim', 'Park', 'Lee', 'Muller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Martin', 'Garcia', 'Lopez',
  'Ivanov', 'Petrov', 'Tanaka', 'Suzuki', 'Khan', 'Patel', 'Singh', 'Johnson', 'Brown', 'Taylor', 'Anderson',
  'Nguyen', 'Cohen', 'Levi', 'Novak', 'Kowalski', 'Andersen',
];
const PINYIN_SURNAMES = [
  'Zhang', 'Wang', 'Li', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo',
  'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng',
  'Xiao', 'Tian', 'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Du',
];
const PINYIN_SYLLABLES = [
  'wei', 'jie', 'jia', 'cheng', 'hao', 'yu', 'xin', 'yi', 'zhi', 'ming', 'feng', 'lin', 'jun', 'kai', 'rui', 'tian',
  'hui', 'xiao', 'yang', 'qing', 'long', 'bo', 'chen', 'han', 'lei', 'peng', 'tao', 'yan', 'ying', 'zhen', 'xuan',
  'yuan', 'hong', 'jing', 'li', 'fan', 'ning', 'shu', 'wen', 'zi', 'an', 'ke', 'le', 'meng', 'qi', 'si', 'ting', 'xi',
  'yong', 'zhe', 'guang', 'hua', 'dong', 'fei', 'gang', 'bin', 'chao', 'di', 'huan', 'lu',
];
const EN_KEYWORDS = [
  'Diffusion models', 'Text-to-image generation', 'Personalization', 'Identity preservation', 'Video generation',
  'Image editing', 'LoRA', 'Adapter', 'ControlNet', 'Classifier-free guidance', 'Sampling acceleration',
  'Knowledge distillation', 'Quantization', 'Flow matching', 'Consistency models', 'Reward feedback learning',
  'Preference optimization', 'Cross-attention', 'Latent diffusion', 'Diffusion transformer', 'Super-resolution',
  'Inpainting', 'Style transfer', 'Motion control', 'Virtual try-on', 'Talking head', 'Novel view synthesis',
  '3D generation', 'Watermarking', 'Concept erasure', 'Safety', 'Multimodal LLM', 'Benchmark', 'Zero-shot',
  'Training-free', 'Layout control', 'Human animation', 'Point cloud', 'Medical imaging', 'Image restoration',
];
// The common head of abstract prose: stop words (the tokenizer drops them) and everyday technical words.
const PROSE_HEAD = (
  'the of and to a in we for is that with on our by this as are from be an which model models diffusion image images ' +
  'method methods approach results generation text quality propose proposed training existing performance show ' +
  'demonstrate experiments state art framework data based learning novel generated using can significantly ' +
  'achieve achieves while also such high into its both these has each across two new challenging however ' +
  'applications extensive improve improves outperforms baselines prior work semantic visual content control ' +
  'conditional latent space noise denoising sampling steps inference efficient efficiency fidelity consistency ' +
  'temporal spatial attention layers features representation representations prompt prompts user users task ' +
  'tasks dataset datasets benchmark benchmarks evaluation qualitative quantitative metrics fid clip score human ' +
  'preference identity subject reference video videos frames motion appearance structure style fine tuning ' +
  'pretrained large scale stable module modules network networks encoder decoder guidance classifier free ' +
  'reward feedback alignment aligned objective loss function optimization gradient distribution process ' +
  'forward reverse stochastic deterministic solver solvers ode sde flow matching transformer transformers unet ' +
  'resolution details realistic diverse diversity controllability editing edit personalized personalization ' +
  'customization concept concepts object objects scene scenes layout mask masks region regions pixel pixels'
).split(' ');
const PROSE_PREFIXES = [
  '', 'hyper', 'multi', 'cross', 'self', 'semi', 'meta', 'inter', 'over', 'under', 'pre', 'post', 'co', 'de', 're',
  'sub', 'trans', 'auto', 'counter', 'micro', 'macro', 'para', 'poly', 'proto', 'ultra',
];
const PROSE_ROOTS = [
  'align', 'sampl', 'render', 'warp', 'fus', 'distill', 'blend', 'segment', 'track', 'pos', 'sketch', 'layout', 'mask',
  'flow', 'graph', 'voxel', 'mesh', 'token', 'patch', 'prompt', 'adapt', 'guid', 'denois', 'compos', 'edit', 'morph',
  'scal', 'quantiz', 'prun', 'cach', 'attend', 'condition', 'synthes', 'reconstruct', 'estimat', 'refin', 'calibr',
  'regulariz', 'normaliz', 'embed', 'interpol', 'extrapol', 'discret', 'modul', 'project', 'decompos', 'factor',
  'gat', 'rout', 'match', 'rank', 'weight', 'fram', 'perturb', 'diffus', 'shad', 'illumin', 'textur', 'compress',
  'encod',
];
const PROSE_SUFFIXES = ['ation', 'ing', 'er', 'ive', 'ness', 'ity', 'ment', 'ance', 'ed', 'able', 'al', 'ism', 'ure', 'ant'];
/** The prose lexicon: the head in rank order, then ~21,000 rarer derived words. */
const PROSE_WORDS: readonly string[] = [
  ...PROSE_HEAD,
  ...PROSE_ROOTS.flatMap((root) => PROSE_PREFIXES.flatMap((prefix) => PROSE_SUFFIXES.map((suffix) => prefix + root + suffix))),
];

// ——— 中文 vocabulary ——————————————————————————————————————————————————————————————————————————

const ZH_TERMS = [
  '扩散模型', '文本到图像', '图像生成', '个性化', '身份保持', '视频生成', '采样', '加速', '蒸馏', '量化', '注意力机制',
  '交叉注意力', '图像编辑', '风格迁移', '超分辨率', '图像修复', '三维生成', '多视角', '一致性', '时序一致性', '运动控制',
  '可控生成', '布局控制', '反馈学习', '奖励模型', '偏好优化', '微调', '低秩适配', '适配器', '潜空间', '噪声调度',
  '无分类器引导', '免训练', '零样本', '人像生成', '虚拟试衣', '人体动画', '说话人头像', '文本编码器', '扩散变换器',
  '流匹配', '一致性模型', '对抗训练', '数据集', '评测基准', '水印', '概念擦除', '安全性', '多模态', '大语言模型',
  '视觉语言模型', '图像分割', '深度估计', '点云生成', '高分辨率', '长视频', '帧插值', '主体驱动', '组合生成', '属性绑定',
  '提示词', '语义对齐', '美学质量', '图像质量', '推理速度', '计算开销', '参数效率', '医学图像', '新视角合成', '纹理生成',
];
const ZH_VERBS = ['提升', '增强', '改善', '实现', '保持', '降低', '优化', '加速'];
const ZH_DATASETS = ['COCO', 'LAION', 'ImageNet', 'FFHQ', 'UCF-101', 'DreamBench', 'T2I-CompBench', 'WebVid'];

// ——— Taxonomy ————————————————————————————————————————————————————————————————————————————————

const AREAS: readonly (readonly [string, readonly string[]])[] = [
  ['Text-to-Image', ['Personalization', 'Controllable Generation', 'Layout', 'Compositional']],
  ['Video Generation', ['Text-to-Video', 'Image-to-Video', 'Motion Control', 'Long Video']],
  ['Image Editing', ['Instruction Editing', 'Inpainting', 'Style Transfer']],
  ['Efficiency', ['Sampling Acceleration', 'Distillation', 'Quantization', 'Caching']],
  ['3D Generation', ['Text-to-3D', 'Multi-View', 'Avatar']],
  ['Architecture', ['Diffusion Transformer', 'U-Net', 'Autoencoder']],
  ['Alignment', ['Reward Feedback', 'Preference Optimization', 'Safety']],
  ['Restoration', ['Super Resolution', 'Denoising', 'Medical']],
];
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function methodName(rng: Rng): string {
  const shape = rng();
  if (shape < 0.35) {
    // An acronym: TCIG, BNS, MedM2G.
    let name = '';
    for (let n = between(rng, 3, 5); n > 0; n--) name += pick(rng, UPPER);
    return rng() < 0.2 ? `${name}${between(rng, 2, 9)}` : name;
  }
  if (shape < 0.55) return `${pick(rng, ['ID', 'T2I', 'SD', 'Pix', 'Face', 'Uni', 'Any', 'Vid', 'Mo'])}-${pick(rng, METHOD_SYLLABLES)}${pick(rng, METHOD_SYLLABLES).toLowerCase()}`;
  return `${pick(rng, METHOD_SYLLABLES)}${pick(rng, METHOD_SYLLABLES)}${pick(rng, METHOD_SUFFIXES)}`;
}

function authorName(rng: Rng): string {
  if (rng() < 0.6) {
    const given = capitalize(pick(rng, PINYIN_SYLLABLES) + (rng() < 0.8 ? pick(rng, PINYIN_SYLLABLES) : ''));
    return `${given} ${pick(rng, PINYIN_SURNAMES)}`;
  }
  return `${pick(rng, WESTERN_FIRST)} ${pick(rng, WESTERN_LAST)}`;
}

function englishTitle(rng: Rng, method: string | null): string {
  const head = method ? `${method}: ` : '';
  switch (Math.floor(rng() * 4)) {
    case 0:
      return `${head}${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${pick(rng, TAILS)}`;
    case 1:
      return `${head}Towards ${pick(rng, ADJECTIVES)} ${pick(rng, TASKS)}`;
    default:
      return `${head}${pick(rng, VERBING)} ${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} for ${pick(rng, TASKS)} ${pick(rng, TAILS)}`;
  }
}

function chineseTitle(rng: Rng, method: string | null): string {
  const head = method ? `${method}：` : '';
  return rng() < 0.5
    ? `${head}基于${pick(rng, ZH_TERMS)}的${pick(rng, ZH_TERMS)}${pick(rng, ZH_TERMS)}`
    : `${head}通过${pick(rng, ZH_TERMS)}${pick(rng, ZH_VERBS)}${pick(rng, ZH_TERMS)}`;
}

function chineseSummary(rng: Rng, name: string): string {
  return `${name}${pick(rng, ['通过', '利用', '基于'])}${pick(rng, ZH_TERMS)}与${pick(rng, ZH_TERMS)}，${pick(rng, ZH_VERBS)}${pick(rng, ZH_TERMS)}中的${pick(rng, ZH_TERMS)}，${pick(rng, ['在多个数据集上取得显著提升', '无需额外训练即可应用', '优于现有方法', '大幅降低推理开销'])}。`;
}

function takeaway(rng: Rng, name: string): string {
  switch (Math.floor(rng() * 5)) {
    case 0:
      return `提出${pick(rng, ZH_TERMS)}方法，解决${pick(rng, ZH_TERMS)}中${pick(rng, ZH_TERMS)}不足的问题。`;
    case 1:
      return `利用${pick(rng, ZH_TERMS)}${pick(rng, ZH_VERBS)}${pick(rng, ZH_TERMS)}，同时${pick(rng, ZH_VERBS)}${pick(rng, ZH_TERMS)}。`;
    case 2:
      return `在${pick(rng, ZH_DATASETS)}上的实验表明，该方法在${pick(rng, ZH_TERMS)}和${pick(rng, ZH_TERMS)}方面优于现有方法。`;
    case 3:
      return `${name}可以方便地应用于${pick(rng, ZH_TERMS)}和${pick(rng, ZH_TERMS)}，实现${pick(rng, ZH_TERMS)}。`;
    default:
      return `引入${pick(rng, ZH_TERMS)}模块，降低${pick(rng, ZH_TERMS)}，并保持${pick(rng, ZH_TERMS)}。`;
  }
}

function englishAbstract(rng: Rng, method: string | null, title: string): string {
  const name = method ?? 'our method';
  const sentences = [
    `Recent ${pick(rng, PROSE_HEAD.slice(40))} ${pick(rng, NOUNS).toLowerCase()} with diffusion models has enabled ${pick(rng, TASKS).toLowerCase()}.`,
    `We propose ${name}, ${title.includes(':') ? title.slice(title.indexOf(':') + 2).toLowerCase() : 'a new approach'}.`,
  ];
  let words = sentences.join(' ').split(' ').length;
  while (words < 150) {
    const length = between(rng, 12, 22);
    const sentence: string[] = [];
    for (let n = 0; n < length; n++) sentence.push(PROSE_WORDS[zipf(rng, PROSE_WORDS.length)]!);
    sentences.push(`${capitalize(sentence.join(' '))}.`);
    words += length;
  }
  sentences.push(`Experiments on ${pick(rng, ZH_DATASETS)} show that ${name} outperforms ${pick(rng, ['existing', 'prior', 'state-of-the-art'])} methods.`);
  return sentences.join(' ');
}

/** The first index of a synthetic arXiv id: 2301.00001, …, 99,999 papers a month. */
function arxivIdOf(i: number): string {
  const month = Math.floor(i / 99_999);
  return `${23 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}.${String((i % 99_999) + 1).padStart(5, '0')}`;
}

/** The parts of paper `i` that the query lists refer to. */
export interface SyntheticPaperFacts {
  method: string | null;
  authors: string[];
}

interface GeneratedPaper {
  paper: CorpusPaper;
  placements: { categoryIndex: readonly [number, number]; method: string }[];
  facts: SyntheticPaperFacts;
}

function generatePaper(seed: number, i: number): GeneratedPaper {
  const rng = mulberry32(Math.imul(i + 1, 0x9e3779b1) ^ seed);
  const method = rng() < 0.85 ? methodName(rng) : null;
  const title = englishTitle(rng, method);
  const authors = Array.from({ length: between(rng, 3, 8) }, () => authorName(rng));
  const hasChatPaper = rng() < 0.8;
  const name = method ?? '该方法';
  const keywords = Array.from({ length: between(rng, 3, 5) }, () => (rng() < 0.5 ? pick(rng, ZH_TERMS) : pick(rng, EN_KEYWORDS)));
  const abstract = englishAbstract(rng, method, title);
  const arxivId = arxivIdOf(i);
  const version = between(rng, 1, 3);
  const placements = Array.from({ length: rng() < 0.3 ? 2 : 1 }, () => {
    const area = Math.floor(rng() * AREAS.length);
    return { categoryIndex: [area, Math.floor(rng() * AREAS[area]![1].length)] as const, method: method ?? title.split(' ').slice(0, 2).join(' ') };
  });
  const paper: CorpusPaper = {
    arxivId,
    version,
    versions: Array.from({ length: version }, (_, n) => n + 1),
    title,
    authors,
    abstract,
    abstractHtml: abstract,
    venue: rng() < 0.3 ? pick(rng, ['CVPR 2024', 'ICLR 2024', 'NeurIPS 2023', 'ECCV 2024', 'SIGGRAPH 2024']) : null,
    summaryZh: chineseSummary(rng, name),
    takeaways: Array.from({ length: between(rng, 3, 6) }, () => takeaway(rng, name)),
    chatPaper: hasChatPaper
      ? {
          titleZh: chineseTitle(rng, method),
          authors,
          affiliation: null,
          keywords,
          urls: null,
          summary: [],
          method: [],
          conclusion: null,
          generatorErrors: [],
          line: 1,
        }
      : null,
    screenshots: [],
    provenance: [{ sourceFile: 'synthetic.txt', kind: 'daily', digestDate: '2024-04-25', dateRange: null, line: i + 1, version }],
    taxonomyEntryIds: [],
    uncertain: [],
  };
  return { paper, placements, facts: { method, authors } };
}

/** What a few papers hold, for building queries that are sure to hit. */
export function syntheticPaperFacts(i: number, seed = DEFAULT_SEED): SyntheticPaperFacts {
  return generatePaper(seed, i).facts;
}

/**
 * Generates `count` papers and a taxonomy (8 areas, 30 categories, one method node and entry per
 * placement; 30 % of papers are placed twice). Every entry stands for its paper, so the search
 * documents are exactly the papers.
 */
export function syntheticCorpus(count: number, seed = DEFAULT_SEED): SyntheticCorpus {
  const nodes: CorpusTaxonomyNode[] = [];
  const entries: CorpusTaxonomyEntry[] = [];
  const node = (name: string, parent: CorpusTaxonomyNode | null, kind: CorpusTaxonomyNode['kind'], id?: string): CorpusTaxonomyNode => {
    const created: CorpusTaxonomyNode = {
      id: id ?? (parent ? `${parent.id}/${slug(name)}` : slug(name)),
      name,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: [...(parent?.path ?? []), name],
      childIds: [],
      entryIds: [],
      kind,
      label: name,
      qualifiers: [],
      notes: [],
      captions: [],
      line: nodes.length + 1,
    };
    parent?.childIds.push(created.id);
    nodes.push(created);
    return created;
  };
  const categories = AREAS.map(([area, names]) => {
    const areaNode = node(area, null, 'area');
    return names.map((name) => node(name, areaNode, 'category'));
  });

  const papers: CorpusPaper[] = [];
  for (let i = 0; i < count; i++) {
    const { paper, placements } = generatePaper(seed, i);
    for (const [n, placement] of placements.entries()) {
      const category = categories[placement.categoryIndex[0]]![placement.categoryIndex[1]]!;
      const methodNode = node(placement.method, category, 'method', `${category.id}/${slug(placement.method)}-${i}-${n}`);
      const entry: CorpusTaxonomyEntry = {
        id: `${methodNode.id}#1`,
        nodeId: methodNode.id,
        path: methodNode.path,
        heading: placement.method,
        method: placement.method,
        qualifiers: [],
        title: paper.title,
        titles: [paper.title],
        aliases: [],
        notes: [],
        captions: [],
        line: i + 1,
        blockLine: i + 1,
        continuationLines: [],
        arxivIds: [paper.arxivId],
      };
      methodNode.entryIds.push(entry.id);
      entries.push(entry);
      paper.taxonomyEntryIds.push(entry.id);
    }
    papers.push(paper);
  }
  return { papers, taxonomy: { nodes, entries } };
}

/** One typo, as people make them: a letter dropped from the middle of a word. */
export function dropLetter(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

// Camel-case parts of method names are terms of their own (`TalkMesh` → `talk`), so a prefix must not be one.
const METHOD_PARTS = new Set(METHOD_SYLLABLES.map((part) => part.toLowerCase()));

/** The longest 3–5 letter beginning of a word that is not itself a method-name part. */
function prefixOf(word: string): string {
  for (const length of [5, 4, 3]) if (!METHOD_PARTS.has(word.slice(0, length))) return word.slice(0, length);
  return word.slice(0, 5);
}

/** Query lists for the synthetic corpora, each made of words papers below 10,000 hold in the lean fields too. */
export interface SyntheticQueries {
  /** Whole words, Chinese words, method names, author names. */
  exact: string[];
  /** 3–5 letter prefixes of words that are in the corpus. */
  prefix: string[];
  /** Words of five letters and more with one letter dropped. */
  fuzzy: string[];
}

export function syntheticQueries(seed = DEFAULT_SEED): SyntheticQueries {
  const samples = [7, 123, 2024, 4242, 8191].map((i) => syntheticPaperFacts(i, seed));
  const methods = samples.map((s) => s.method).filter((m): m is string => m !== null).slice(0, 4);
  // The longest word of a method name as the index holds it: `Pix-Hyperseed` → `hyperseed`.
  const methodWords = methods.map((m) => tokenize(m).reduce((a, b) => (b.length > a.length ? b : a), ''));
  const authors = samples.slice(0, 3).map((s) => s.authors[0]!);
  return {
    exact: [
      'diffusion', 'inpainting', 'watermarking', 'identity preserving', 'video synthesis', 'talking head',
      '扩散模型', '身份保持', '个性化', '视频生成', '文本到图像', '采样', '加速',
      ...methods, ...authors, 'zhang',
    ],
    prefix: [
      'accel', 'contr', 'tempo', 'synth', 'anim', 'inpai', 'subj', 'portr', 'rect', 'zha', 'fidl',
      ...methodWords.filter((w) => w.length >= 7).map(prefixOf),
    ],
    fuzzy: [
      'difusion', 'inpaintng', 'personalzed', 'controlable', 'watremarking', 'distilation', 'quantizaton',
      'animaton', 'consistncy', 'restoraton',
      ...methodWords.filter((w) => w.length >= 6).map(dropLetter),
      ...authors.map((a) => a.split(' ')[0]!.toLowerCase()).filter((w) => w.length >= 6).map(dropLetter),
    ],
  };
}
