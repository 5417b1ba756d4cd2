/**
 * The free-form Markdown layouts of the ChatPaper notes (mid-2024 on), each as a small made-up
 * snippet: label spellings, bold and numbered labels, bilingual pairs, chatter.
 */
import { describe, expect, it } from 'vitest';
import { parseDailyDigest } from '../../../lib/digest';
import { classifyChatPaperLabel, parseChatPaperBlock } from '../../../lib/digest/parse-chatpaper';

const parse = (md: string) => parseChatPaperBlock(md, 'snippet.md');

describe('label spellings', () => {
  it.each([
    ['标题', 'title'], ['Title', 'title'], ['中文标题', 'title'], ['论文标题', 'title'], ['标题及翻译', 'title'], ['题目', 'title'],
    ['作者', 'authors'], ['Authors', 'authors'], ['作者名单', 'authors'], ['作者信息', 'authors'], ['英文名单', 'authors'],
    ['隶属关系', 'affiliation'], ['第一作者所属机构', 'affiliation'], ['作者所属单位', 'affiliation'], ['Affiliation', 'affiliation'],
    ['作者隶属机构（中文翻译）', 'affiliation'], ['单位', 'affiliation'], ['作者归属', 'affiliation'],
    ['关键词', 'keywords'], ['Keywords', 'keywords'], ['关键词（英文）', 'keywords'],
    ['Urls', 'urls'], ['链接', 'urls'], ['网址', 'urls'], ['论文链接', 'urls'], ['Github 代码链接', 'urls'], ['链接与代码仓库', 'urls'],
    ['摘要', 'summary'], ['Summary', 'summary'], ['概述', 'summary'], ['摘要内容', 'summary'], ['内容摘要', 'summary'],
    ['总结', 'summary-or-conclusion'],
    ['方法', 'method'], ['Methods', 'method'], ['方法论', 'method'], ['方法论概述', 'method'],
    ['结论', 'conclusion'], ['Conclusion', 'conclusion'], ['结论部分', 'conclusion'],
    ['中文翻译', 'translation'],
    ['研究背景', null], ['创新点', null], ['性能', null], ['注意', null], ['第一部分方法介绍', null],
  ])('%s → %s', (label, kind) => {
    expect(classifyChatPaperLabel(label)).toBe(kind);
  });
});

describe('layouts', () => {
  it.each([
    ['numbered, bold, ASCII colon', '1. **标题**: 甲乙', '甲乙'],
    ['bold label and colon inside the bold', '**标题：** 甲乙', '甲乙'],
    ['unnumbered plain', 'Title: 甲乙', '甲乙'],
    ['Chinese numbering', '一、标题：甲乙', '甲乙'],
    ['bullet', '- **标题**：甲乙', '甲乙'],
    ['parenthetical after the bold label', '1. **标题**（含中文翻译）：甲乙', '甲乙'],
    ['heading mark', '### 标题：甲乙', '甲乙'],
  ])('title: %s', (_name, line, title) => {
    expect(parse(`${line}\n2. **作者**：A, B`).notes).toMatchObject({ titleZh: title, authors: ['A', 'B'] });
  });

  it('a bilingual pair is one field, the Chinese half shown, and the notes go on', () => {
    const { notes, warnings } = parse(
      [
        '1. Title: FooNet: Fast Things',
        '中文标题：FooNet：快速的东西',
        '2. Authors: Ann Lee, Bo Chen',
        '3. Affiliation: Some University',
        '   中文翻译：隶属：某大学',
        '4. Keywords: a, b',
        '5. Urls: https://arxiv.org/abs/2501.00001, Github: None',
        '6. Summary:',
        '- (1) 背景。',
        '- (2) 过去。',
        '7. Methods:',
        '- (1) 方法一。',
        '8. Conclusion:',
        '- (1) 意义。',
        '- (2) 创新点：新；性能：好；工作量：少。',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(notes).toMatchObject({
      titleZh: 'FooNet：快速的东西',
      authors: ['Ann Lee', 'Bo Chen'],
      affiliation: '某大学',
      keywords: ['a', 'b'],
      summary: ['背景。', '过去。'],
      method: ['方法一。'],
      conclusion: { significance: '意义。', innovation: '新', performance: '好' },
    });
  });

  it.each([
    ['opening acknowledgement', '好的，我会按照您的要求来总结。\n**标题**：甲', { titleZh: '甲' }],
    ['closing offer inside the summary', '**摘要**：\n(1) 背景。\n希望以上总结符合您的要求。\n**方法**：\n(1) 甲。', { summary: ['背景。'], method: ['甲。'] }],
    ['a note after the method', '**方法**：\n(1) 甲。\n注：以上内容为推测。', { method: ['甲。'] }],
  ])('chatter is kept as the generator\'s remark, never as a field: %s', (_name, md, fields) => {
    const { notes, warnings } = parse(md);
    expect(notes).toMatchObject(fields);
    expect(notes?.generatorErrors).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['- (1) 甲\n- (2) 乙'],
    ['* **(1)甲**\n* **(2)乙**'],
    ['-(1)甲\n-(2)乙'],
    ['#### (1) 甲\n#### (2) 乙'],
  ])('numbered parts behind bullets, bold or headings: %j', (parts) => {
    expect(parse(`6. **摘要**:\n${parts}`).notes?.summary).toEqual(['甲', '乙']);
  });

  it('an empty heading over the notes is not the summary', () => {
    const { notes, warnings } = parse('**摘要与回答**：\n**标题**：甲\n**摘要背景**：乙。');
    expect(notes).toMatchObject({ titleZh: '甲', summary: ['乙。'] });
    expect(warnings).toEqual([]);
  });

  it('a label coming back before the conclusion takes its section up again; after it, it is an echo', () => {
    const before = parse('**摘要**：引言。\n**关键词**：k\n**摘要内容**：\n(1) 甲\n**结论**：\n(1) 意义。');
    expect(before.notes).toMatchObject({ summary: ['引言。\n甲'], keywords: ['k'] });
    expect(before.warnings).toEqual([]);
    const after = parse('**摘要**：甲\n**结论**：\n(1) 意义。\n**摘要**：xxx');
    expect(after.warnings).toEqual([expect.objectContaining({ code: 'chatpaper-trailing-text' })]);
  });

  it('inline notes to the reader are dropped from values', () => {
    expect(parse('Affiliation: 某大学（注：根据文中信息得出）').notes?.affiliation).toBe('某大学');
  });
});

describe('daily digest sections', () => {
  const digest = (marker1: string, marker2: string) =>
    ['---', 'date: 2024-09-01 00:00:00', '---', '## T', '**Authors:A**', 'Abstract.', '[PDF](http://arxiv.org/abs/2409.00001v1)', marker1, '一句话。', marker2, '- 要点一', '- 要点二', '<details><img src="https://x.test/a.jpg"></details>', '\u200b'].join('\n');

  it.each([
    ['**Summary**', '**Key Takeaways**'],
    ['**摘要**', '**主要要点**'],
    ['**概述**', '**关键点**'],
    ['**摘要**', '**主要内容**'],
  ])('%s / %s', (m1, m2) => {
    const result = parseDailyDigest(digest(m1, m2), 'd.md');
    expect(result.entries[0]).toMatchObject({ summaryZh: '一句话。', takeaways: ['要点一', '要点二'] });
    // The zero-width space after </details> is nothing a reader sees; the missing notes are.
    expect(result.warnings.map((w) => w.code)).toEqual(['missing-chatpaper']);
  });

  it('a duplicated entry is reported in a user\'s words', () => {
    const one = ['## T', '**Authors:A**', 'Abstract.', '[PDF](http://arxiv.org/abs/2409.00001v1)', '**Summary**', 's', '**Key Takeaways**', '- k', '<details></details>'];
    const result = parseDailyDigest(['---', 'date: 2024-09-01', '---', ...one, ...one].join('\n'), 'd.md');
    const dup = result.warnings.find((w) => w.code === 'duplicate-id');
    expect(dup?.message).toMatch(/listed twice in this digest/);
    expect(dup?.message).not.toMatch(/mergeDigestEntries/);
  });
});
