/**
 * Catalogue of the ChatPaper block variants seen in 001 and 003, each reduced
 * to a minimal fragment. Line numbers in comments point at an example.
 */
import { describe, expect, it } from 'vitest';
import { parseChatPaperBlock, parseChatPaperUrls, structureConclusion } from '../../../lib/digest/parse-chatpaper';

const parse = (html: string, firstLine = 1) => parseChatPaperBlock(html, 'frag.txt', firstLine);

describe('section labels', () => {
  it('English labels in <li><p>, parts in <p> inside the <li> (001:57)', () => {
    const { notes, warnings } = parse(
      [
        '<ol>',
        '<li>',
        '<p>Title: X: 中文标题</p>',
        '</li>',
        '<li>',
        '<p>Authors: A B, C D</p>',
        '</li>',
        '<li><p>Affiliation: 中山大学</p></li>',
        '<li><p>Keywords: k1, k2</p></li>',
        '<li><p>Urls: https://arxiv.org/abs/2404.15449 , Github:None</p></li>',
        '<li>',
        '<p>Summary:</p>',
        '<p>(1): 背景。</p>',
        '<p>(2): 过去。</p>',
        '</li>',
        '<li>',
        '<p>方法：</p>',
        '<p>(1):方法一。</p>',
        '</li>',
        '<li>',
        '<p>结论：</p>',
        '</li>',
        '</ol>',
        '<p>（1）：意义。</p>',
        '<p>（2）：创新点：新。</p>',
        '<p>性能：好。</p>',
        '<p>工作量：少。</p>',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(notes).toMatchObject({
      titleZh: 'X: 中文标题',
      authors: ['A B', 'C D'],
      affiliation: '中山大学',
      keywords: ['k1', 'k2'],
      urls: { paper: 'https://arxiv.org/abs/2404.15449', github: null },
      summary: ['背景。', '过去。'],
      method: ['方法一。'],
      conclusion: { significance: '意义。', innovation: '新。', performance: '好。', workload: '少。' },
      line: 3,
    });
  });

  it.each([
    ['<p>标题：T</p>', 'T'], // 001:129 full-width colon
    ['<p><strong>标题：</strong>T</p>', 'T'], // 001:309 label inside <strong>
    ['<li><strong>论文标题</strong>：T</li>', 'T'], // 001:535 colon outside <strong>
    ['<p><strong>Title:</strong> T</p>', 'T'], // 001:671
    ['<li>题目：T</li>', 'T'], // 003 题目
    ['<li>论文标题：T</li>', 'T'], // 003
  ])('title variant %s', (html, title) => {
    expect(parse(`<ol>${html}</ol>`).notes?.titleZh).toBe(title);
  });

  it.each(['单位', '第一作者单位', '隶属单位', '所属单位', '隶属', '所属机构', 'Affiliation'])('affiliation label %s', (label) => {
    expect(parse(`<ol><li>${label}：某大学</li></ol>`).notes?.affiliation).toBe('某大学');
  });

  it('authors and keywords given as separate <li> items (001:383)', () => {
    const { notes } = parse(
      '<ol>\n<li>\n<p>作者：</p>\n</li>\n<li>Yin Cui</li>\n<li>Yujun Shen</li>\n<li>\n<p>Thomas Funkhouser</p>\n</li>\n' +
        '<li>\n<p>关键词：</p>\n</li>\n<li>图像编辑</li>\n<li>\n<p>零样本学习</p>\n</li>\n</ol>',
    );
    expect(notes?.authors).toEqual(['Yin Cui', 'Yujun Shen', 'Thomas Funkhouser']);
    expect(notes?.keywords).toEqual(['图像编辑', '零样本学习']);
  });

  it.each([
    ['Weifeng Chen, Jiachang Zhang', ['Weifeng Chen', 'Jiachang Zhang']],
    ['王晨辉、陈涛、陈志浩', ['王晨辉', '陈涛', '陈志浩']],
    ['Vitali Petsiuk and Kate Saenko', ['Vitali Petsiuk', 'Kate Saenko']],
    ['冯瑞天，姚瑶', ['冯瑞天', '姚瑶']],
    ['Jiaming Song<em>, Chenlin Meng</em>, Boya Wang', ['Jiaming Song', 'Chenlin Meng', 'Boya Wang']], // 003 markdown '*' → <em>
  ])('author separators: %s', (text, authors) => {
    expect(parse(`<ol><li>作者：${text}</li></ol>`).notes?.authors).toEqual(authors);
  });

  it.each([
    ['Diffusion Models、Adversarial Attack、Cross-Attention', ['Diffusion Models', 'Adversarial Attack', 'Cross-Attention']],
    ['Diffusion Models · Consistency Models', ['Diffusion Models', 'Consistency Models']],
    ['类别级物体姿态估计，扩散模型', ['类别级物体姿态估计', '扩散模型']],
  ])('keyword separators: %s', (text, keywords) => {
    expect(parse(`<ol><li>关键词：${text}</li></ol>`).notes?.keywords).toEqual(keywords);
  });

  it('"总结" is the summary before 摘要 is seen, the conclusion after it (003 MoMA)', () => {
    const { notes } = parse('<ol><li><p>摘要：\n（1）背景。\n</li><li><p>总结：\n（1）：意义。\n（2）：创新点：新；性能：好；工作量：少。</p></li></ol>');
    expect(notes?.summary).toEqual(['背景。']);
    expect(notes?.conclusion).toMatchObject({ significance: '意义。', innovation: '新', performance: '好', workload: '少。' });
  });

  it('numbered labels: "8. 结论：", "7.方法：", "<strong>方法</strong>" (003)', () => {
    const { notes } = parse(
      '<ol><li>摘要：\n（1）背景。</li></ol>\n<p>7.方法：\n（1）甲；\n（2）乙。</p>\n<p><strong>8. 结论</strong>\n(1): 意义。</p>',
    );
    expect(notes?.method).toEqual(['甲；', '乙。']);
    expect(notes?.conclusion?.significance).toBe('意义。');
    const bare = parse('<ol><li>摘要：(1) a</li></ol><p><strong>方法</strong>\n（1）：x</p>').notes;
    expect(bare?.method).toEqual(['x']);
  });
});

describe('numbered parts', () => {
  it('parts inside <pre><code> with indentation and blank lines (001:233)', () => {
    const { notes } = parse('<ol><li>\n<p>Summary: </p>\n<pre><code>            (1):一。\n\n            (2):二。\n</code></pre>\n</li></ol>');
    expect(notes?.summary).toEqual(['一。', '二。']);
  });

  it('inline parts on one line (003 YaART method)', () => {
    const { notes } = parse('<ol><li><p>方法：(1) 大规模训练；(2) 数据集构建；(3) 训练阶段；(4) RL 对齐。</p></li></ol>');
    expect(notes?.method).toEqual(['大规模训练；', '数据集构建；', '训练阶段；', 'RL 对齐。']);
  });

  it('does not split on an enumeration inside a part (003 MRI summary)', () => {
    const { notes, warnings } = parse(
      '<ol><li>摘要：\n（1）研究背景：\n问题如下：（1）需要大量迭代；（2）结果失真。\n</ol>\n<p>（2）过去的方法：\n甲。\n<p>（3）本文方法：乙。',
    );
    expect(notes?.summary).toEqual(['研究背景：问题如下：（1）需要大量迭代；（2）结果失真。', '过去的方法：甲。', '本文方法：乙。']);
    expect(warnings).toEqual([]);
  });

  it('label line glued to its text, bullets kept on their own lines', () => {
    const { notes } = parse('<ol><li>摘要：\n(1) <strong>研究背景：</strong>\n甲。\n(2) 过去方法：\n   - 定制性\n   - 不精确</li></ol>');
    expect(notes?.summary).toEqual(['研究背景：甲。', '过去方法：\n- 定制性\n- 不精确']);
  });

  // Nothing is lost and nothing can be done about it, so there is no warning (there used to be one).
  it('keeps a restarted number as text of the current part, silently', () => {
    const { notes, warnings } = parse('<ol><li>方法：\n(1) 甲\n(2) 乙：\n(1) 子项</li></ol>', 40);
    expect(notes?.method).toEqual(['甲', '乙：\n(1) 子项']);
    expect(warnings).toEqual([]);
  });

  // Seen in real digests from August 2024 on: `（一）研究背景：…`, also inline after a number.
  it.each([
    ['（一）…（二）… on their own lines', '<ol><li>摘要：\n（一）研究背景：甲。\n（二）过去的方法：乙。\n（三）本文方法：丙。</li></ol>', ['研究背景：甲。', '过去的方法：乙。', '本文方法：丙。']],
    ['（一）…（二）… inline', '<ol><li>摘要：（一）甲；（二）乙；（三）丙。</li></ol>', ['甲；', '乙；', '丙。']],
    ['(1) and （二） mixed', '<ol><li>摘要：\n(1) 甲。\n（二）乙。</li></ol>', ['甲。', '乙。']],
    ['a sub-list （一） restarting inside part (2) stays text', '<ol><li>摘要：\n(1) 甲。\n(2) 乙：\n（一）子项</li></ol>', ['甲。', '乙：\n（一）子项']],
  ])('Chinese-numeral parts: %s', (_name, html, summary) => {
    expect(parse(html).notes?.summary).toEqual(summary);
  });

  it('text before (1) is attached to part (1), never dropped', () => {
    expect(parse('<ol><li>摘要：引言。\n(1) 甲</li></ol>').notes?.summary).toEqual(['引言。\n甲']);
    expect(parse('<ol><li>摘要：只有一段。</li></ol>').notes?.summary).toEqual(['只有一段。']);
  });
});

describe('conclusion', () => {
  it.each([
    ['inline with ；', ['意义', '创新点：A；性能：B；工作量：C'], { innovation: 'A', performance: 'B', workload: 'C' }],
    ['one per line', ['意义', '创新点：A\n性能：B\n工作量：C'], { innovation: 'A', performance: 'B', workload: 'C' }],
    ['after a lead-in line', ['意义', '本文的优势和不足总结如下：\n创新点：\n（a）：A1\n（b）：A2\n性能：\n（a）：B'], { innovation: '（a）：A1\n（b）：A2', performance: '（a）：B', workload: null }],
    ['bullet lists', ['意义', '创新点：\n- A1\n- A2\n性能：\n- B\n工作量：\n- C'], { innovation: '- A1\n- A2', performance: '- B', workload: '- C' }],
    ['English labels', ['Significance', 'Innovation point: A; Performance: B; Workload: C'], { innovation: 'A', performance: 'B', workload: 'C' }],
    ['no labels', ['意义', '总结'], { innovation: null, performance: null, workload: null }],
    ['labels with a summing-up suffix', ['意义', '创新点总结：A\n性能总结：B\n工作量总结：C'], { innovation: 'A', performance: 'B', workload: 'C' }],
    ['mixed suffixes', ['意义', '创新性：A；性能评价：B；工作量分析：C'], { innovation: 'A', performance: 'B', workload: 'C' }],
  ])('%s', (_name, parts, expected) => {
    expect(structureConclusion(parts)).toMatchObject({ significance: parts[0], ...expected, parts });
  });

  it('does not mistake "方法性能：" in prose for the performance label', () => {
    expect(structureConclusion(['意义', '（4）方法性能：很好']).performance).toBeNull();
  });

  it('single unnumbered part: significance is the text before the first label', () => {
    expect(structureConclusion(['本文意义。创新点：A；性能：B'])).toMatchObject({ significance: '本文意义。', innovation: 'A', performance: 'B' });
  });

  it('stops at an echoed prompt (repeated label) and says so (001:710)', () => {
    const { notes, warnings } = parse(
      '<li>\n<p>结论：</p>\n<pre><code>            (1):真正的结论。\n         8. 总结：\n\n            (1):本研究的意义是什么？\n            (2):创新点：xxx；性能：xxx；工作量：xxx；\n</code></pre>\n</li>',
      700,
    );
    expect(notes?.conclusion).toMatchObject({ significance: '真正的结论。', innovation: null, parts: ['真正的结论。'] });
    expect(warnings).toEqual([
      expect.objectContaining({ file: 'frag.txt', line: 703, code: 'chatpaper-trailing-text', message: expect.stringContaining('ignored 3 line(s)') }),
    ]);
  });
});

describe('urls', () => {
  it.each([
    ['https://arxiv.org/abs/2404.15449 , Github:None', 'https://arxiv.org/abs/2404.15449', '2404.15449', null],
    ['https://arxiv.org/abs/2404.14568 , https://github.com/twowwj/UVMap-ID', 'https://arxiv.org/abs/2404.14568', '2404.14568', 'https://github.com/twowwj/UVMap-ID'],
    ['https://arxiv.org/abs/2302.08724 , Github：None', 'https://arxiv.org/abs/2302.08724', '2302.08724', null],
    ['https://arxiv.org/abs/2404.14403\n   Github 链接：无', 'https://arxiv.org/abs/2404.14403', '2404.14403', null],
    ['Paper: https://arxiv.org/abs/2302.07523, Github: None', 'https://arxiv.org/abs/2302.07523', '2302.07523', null],
    ['None，Github 代码链接：https://github.com/hamedhaghighi/LidarGRIT', null, null, 'https://github.com/hamedhaghighi/LidarGRIT'],
    ['https://arxiv.org/pdf/2302.02533.pdf，Github：None', 'https://arxiv.org/pdf/2302.02533.pdf', '2302.02533', null],
    ['arXiv:2404.05666', 'arXiv:2404.05666', '2404.05666', null],
    ['Paper_info:Align Your Steps: Optimizing Sampling Schedules in Diffusion Models', null, null, null],
    ['https://arxiv.org/abs/2404.04650\n   Github 代码链接：https://github.com/xiefan-guo/initno', 'https://arxiv.org/abs/2404.04650', '2404.04650', 'https://github.com/xiefan-guo/initno'],
  ])('%j', (raw, paper, paperArxivId, github) => {
    expect(parseChatPaperUrls(raw)).toMatchObject({ raw, paper, paperArxivId, github });
  });
});

describe('robustness', () => {
  it('decodes entities in the text', () => {
    expect(parse('<ol><li>标题：A &lt;B&gt; &amp; C</li></ol>').notes?.titleZh).toBe('A <B> & C');
  });

  it('records "Some Error for method" as a generator error, not as summary text (001:321)', () => {
    const { notes } = parse('<ol><li>摘要：</li></ol>\n<p>(1) 甲</p>\n<p>Some Error for method(比如是不是没有Methods这个章节)</p>\n<ol><li>结论：</li></ol>\n<p>（1）：乙</p>');
    expect(notes).toMatchObject({ summary: ['甲'], method: [], generatorErrors: ['Some Error for method(比如是不是没有Methods这个章节)'] });
    expect(notes?.conclusion?.significance).toBe('乙');
  });

  it('an unknown label ends a single-value section instead of polluting it', () => {
    const { notes, warnings } = parse('<ol><li>作者：A, B</li><li>通讯作者：C</li><li>关键词：k</li></ol>', 5);
    expect(notes?.authors).toEqual(['A', 'B']);
    expect(notes?.keywords).toEqual(['k']);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [5, 'chatpaper-unknown-label'],
      [5, 'chatpaper-stray-text'],
    ]);
  });

  it('returns null with a warning when no label is recognisable (e.g. unrepaired mojibake)', () => {
    const { notes, warnings } = parse('<ol>\n<li>æ ‡é¢˜ï¼šMoMA</li>\n</ol>', 56);
    expect(notes).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ line: 57, code: 'chatpaper-unrecognised' })]);
  });

  it('empty block', () => {
    expect(parse('<ol>\n</ol>', 9)).toEqual({ notes: null, warnings: [expect.objectContaining({ line: 9, code: 'chatpaper-empty' })] });
  });
});
