import { describe, expect, it } from 'vitest';
import { arrangeEntries, paperDateKey, prepareTextFilter, type ReadingListFilter, type ReadingListSort } from '../../../lib/reading-list/arrange-entries';
import { readingListEntry as entry } from '../../support/reading-list-entry';

const aligner = entry({ savedAt: 3, status: 'done', tags: ['identity'], note: 'reward design in §3' });
const pixart = entry({ arxivId: '2403.04692', title: 'PixArt-Σ: Weak-to-Strong Training', authors: ['Junsong Chen'], savedAt: 2, status: 'reading' });
const old = entry({ arxivId: 'hep-th/9901001', title: 'Énergie des cordes', authors: ['Ana Núñez'], savedAt: 1, status: 'to-read', tags: ['physics'] });
const noId = entry({ arxivId: null, title: 'a workshop paper', savedAt: Date.UTC(2025, 0, 5), status: 'to-read' });
const list = [noId, aligner, pixart, old];
const titles = (sort: ReadingListSort, filter?: ReadingListFilter) => arrangeEntries(list, sort, filter).map((e) => e.title.slice(0, 12));

describe('arrangeEntries', () => {
  it.each<[ReadingListSort, string[]]>([
    ['saved', ['a workshop p', 'ID-Aligner: ', 'PixArt-Σ: We', 'Énergie des ']],
    ['title', ['a workshop p', 'Énergie des ', 'ID-Aligner: ', 'PixArt-Σ: We']],
    ['status', ['PixArt-Σ: We', 'a workshop p', 'Énergie des ', 'ID-Aligner: ']],
    ['paper-date', ['a workshop p', 'ID-Aligner: ', 'PixArt-Σ: We', 'Énergie des ']],
  ])('sorts by %s', (sort, expected) => {
    expect(titles(sort)).toEqual(expected);
  });

  it.each<[string, ReadingListFilter, string[]]>([
    ['a status', { status: 'to-read' }, ['a workshop p', 'Énergie des ']],
    ['a tag', { tag: 'identity' }, ['ID-Aligner: ']],
    ['title words in any order, any case', { text: 'training pixart' }, ['PixArt-Σ: We']],
    ['an author without accents', { text: 'nunez' }, ['Énergie des ']],
    ['an arXiv id', { text: '2404.154' }, ['ID-Aligner: ']],
    ['a note', { text: '§3' }, ['ID-Aligner: ']],
    ['a word nothing has', { text: 'zzz' }, []],
    ['text and a status together', { text: 'chen', status: 'reading' }, ['PixArt-Σ: We']],
  ])('filters by %s', (_, filter, expected) => {
    expect(titles('saved', filter)).toEqual(expected);
  });

  it('leaves the list it was given as it was', () => {
    const copy = [...list];
    arrangeEntries(list, 'title');
    expect(list).toEqual(copy);
  });
});

describe('paperDateKey', () => {
  it.each([
    ['2404.15449', '2403.04692'],
    ['2404.15449', '2404.09999'],
    ['1001.00001', 'hep-th/9901001'],
    ['math/0703001', 'hep-th/9912999'],
  ])('puts %s after %s', (later, earlier) => {
    expect(paperDateKey({ arxivId: later, savedAt: 0 })).toBeGreaterThan(paperDateKey({ arxivId: earlier, savedAt: 0 }));
  });

  it('dates a paper without an id by the month it was saved', () => {
    expect(paperDateKey({ arxivId: null, savedAt: Date.UTC(2024, 3, 20) })).toBeGreaterThan(paperDateKey({ arxivId: '2404.15449', savedAt: 0 }));
    expect(paperDateKey({ arxivId: null, savedAt: Date.UTC(2024, 3, 20) })).toBeLessThan(paperDateKey({ arxivId: '2405.00001', savedAt: 0 }));
  });
});

describe('prepareTextFilter', () => {
  it('changes nothing a filter finds', () => {
    const before = arrangeEntries(list, 'saved', { text: 'chen' });
    prepareTextFilter(list);
    expect(arrangeEntries(list, 'saved', { text: 'chen' })).toEqual(before);
  });
});
