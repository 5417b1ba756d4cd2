import { describe, expect, it } from 'vitest';
import { locateUncertainMarks, toUtf16Offsets } from '../../../lib/corpus/uncertain-marks';

describe('toUtf16Offsets', () => {
  it('turns code-point indexes into UTF-16 offsets past astral characters', () => {
    const text = 'a😀b中c';
    const [b, zhong] = toUtf16Offsets(text, [
      { index: 2, chosen: 'b', alternatives: [] },
      { index: 3, chosen: '中', alternatives: [] },
    ]);
    expect(text[b!.offset]).toBe('b');
    expect(text[zhong!.offset]).toBe('中');
  });
});

describe('locateUncertainMarks', () => {
  const document = '## Title\n**Summary**\n扩散模型生成图像。\n- 要点一\n- 😀要点二\n';
  const record = { title: 'Title', summaryZh: '扩散模型生成图像。', takeaways: ['要点一', '😀要点二'], arxivId: '2404.00001' };
  const at = (char: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = document.indexOf(char, offset + 1);
    return offset;
  };

  it('places each character in the field whose text holds it, indexed in code points', () => {
    const chars = [
      { index: 0, offset: at('型'), chosen: '型', alternatives: ['犁'] },
      { index: 0, offset: at('二'), chosen: '二', alternatives: ['三'] },
    ];
    const { marks, placed } = locateUncertainMarks(record, document, [0, document.length], chars);
    expect(marks).toEqual([
      { field: 'summaryZh', index: 3, chosen: '型', alternatives: ['犁'] },
      { field: 'takeaways/1', index: 3, chosen: '二', alternatives: ['三'] },
    ]);
    expect(placed.size).toBe(2);
  });

  it('leaves characters outside every field unplaced, and ignores characters outside the region', () => {
    const chars = [
      { index: 0, offset: at('S'), chosen: 'S', alternatives: [] },
      { index: 0, offset: at('像'), chosen: '像', alternatives: [] },
    ];
    const { marks, placed } = locateUncertainMarks(record, document, [0, at('像')], chars);
    expect(marks).toEqual([]);
    expect(placed.size).toBe(0);
  });

  it('skips fields that are not reader text', () => {
    const doc = 'id 2404.00001 here';
    const chars = [{ index: 0, offset: doc.indexOf('4'), chosen: '4', alternatives: [] }];
    const { marks } = locateUncertainMarks({ arxivId: '2404.00001' }, doc, [0, doc.length], chars, (field) => field === 'arxivId');
    expect(marks).toEqual([]);
  });
});
