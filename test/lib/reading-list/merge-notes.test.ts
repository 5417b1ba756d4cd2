import { describe, expect, it } from 'vitest';
import { describeTime, hasNoteConflict, mergeNoteTexts, noteConflictLine } from '../../../lib/reading-list/merge-notes';

describe('mergeNoteTexts', () => {
  const kept = (a: string, b: string) => `${a}\n\n${noteConflictLine('elsewhere')}\n${b}`;
  it.each([
    ['the same text', 'mine', 'mine', 'mine', false],
    ['an empty incoming note', 'mine', '', 'mine', false],
    ['a blank incoming note', 'mine', '  \n', 'mine', false],
    ['an empty local note', '', 'theirs', 'theirs', false],
    ['an incoming note the local one extends', 'mine, and more', 'mine', 'mine, and more', false],
    ['an incoming note that extends the local one', 'mine', 'mine, and more', 'mine, and more', false],
    ['two different texts', 'mine', 'theirs', kept('mine', 'theirs'), true],
    ['a text already kept under a marked line', kept('mine', 'theirs'), 'theirs', kept('mine', 'theirs'), false],
  ])('merges %s', (_, local, incoming, note, conflict) => {
    const merged = mergeNoteTexts(local, incoming, 'elsewhere');
    expect(merged).toEqual({ note, conflict });
    expect(hasNoteConflict(merged.note)).toBe(note.includes('kept both'));
  });
});

describe('describeTime', () => {
  it.each([
    [Date.UTC(2024, 4, 2), '2024-05-02'],
    [9e15, '9000000000000000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('describes %s as %s', (ms, text) => {
    expect(describeTime(ms)).toBe(text);
  });
});
