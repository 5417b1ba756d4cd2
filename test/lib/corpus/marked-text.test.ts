import { describe, expect, it } from 'vitest';
import { markedRuns } from '../../../lib/corpus/marked-text';

const mark = (field: string, index: number, chosen: string, alternatives: string[] = []) => ({ field, index, chosen, alternatives });

describe('markedRuns', () => {
  it('splits text around the marks of its own field', () => {
    const runs = markedRuns('扩散模型生成', 'summaryZh', [mark('summaryZh', 2, '模', ['摸']), mark('takeaways/0', 0, '扩')]);
    expect(runs).toEqual([{ text: '扩散' }, { text: '模', mark: { chosen: '模', alternatives: ['摸'] } }, { text: '型生成' }]);
  });

  it('counts code points, so characters outside the BMP do not shift marks', () => {
    const runs = markedRuns('𝑥中文', 'f', [mark('f', 1, '中')]);
    expect(runs.map((run) => run.text)).toEqual(['𝑥', '中', '文']);
  });

  it('drops a mark that does not point at its character', () => {
    expect(markedRuns('abc', 'f', [mark('f', 1, 'x'), mark('f', 9, 'y')])).toEqual([{ text: 'abc' }]);
  });

  it('marks adjacent and edge characters', () => {
    expect(markedRuns('ab', 'f', [mark('f', 1, 'b'), mark('f', 0, 'a')]).map((run) => Boolean(run.mark))).toEqual([true, true]);
    expect(markedRuns('', 'f', [])).toEqual([]);
  });
});
