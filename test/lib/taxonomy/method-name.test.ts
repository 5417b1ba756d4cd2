import { describe, expect, it } from 'vitest';
import { splitMethodName } from '../../../lib/taxonomy';

describe('splitMethodName', () => {
  it.each([
    ['IP-Adapter (no pseudo word, no test-time fine-tuning)', 'IP-Adapter', ['no pseudo word', 'no test-time fine-tuning']],
    ['ID-Aligner (image + text)', 'ID-Aligner', ['image + text']],
    ['DP (direct)', 'DP', ['direct']],
    ['Cones (direct, no test-time fine-tuning)', 'Cones', ['direct', 'no test-time fine-tuning']],
    // ` / ` reads "or": two qualifiers; a bare slash joins alternatives inside one.
    ['DreamTuner (no pseudo word, no test-time fine-tuning / direct)', 'DreamTuner', ['no pseudo word', 'no test-time fine-tuning', 'direct']],
    ['BoxDiff (bounding box/segmentation + text)', 'BoxDiff', ['bounding box/segmentation + text']],
    ['LayoutLLM-T2I (text -> bounding box -> image)', 'LayoutLLM-T2I', ['text -> bounding box -> image']],
    ['P2P (generated image editing, real image editing, no fine-tune)', 'P2P', ['generated image editing', 'real image editing', 'no fine-tune']],
    ['X-to-Image (more fine-grained than text-to-image)', 'X-to-Image', ['more fine-grained than text-to-image']],
    // A single capitalised word in parentheses is a second name, part of the method's name.
    ['DALLE-2 (unCLIP)', 'DALLE-2 (unCLIP)', []],
    ['Foo (v2) (direct)', 'Foo (v2)', ['direct']],
    ['X (a (b), c)', 'X', ['a (b)', 'c']],
    ['Foo （direct）', 'Foo', ['direct']],
    ['Foo ()', 'Foo', []],
    // Nothing to split.
    ['PixArt-α', 'PixArt-α', []],
    ['Diff-AE & PDAE', 'Diff-AE & PDAE', []],
    ['Foo (bar) baz', 'Foo (bar) baz', []],
    ['(direct)', '(direct)', []],
    ['Unbalanced (direct', 'Unbalanced (direct', []],
    ['  Spaced   out  (direct)  ', 'Spaced out', ['direct']],
  ])('%j → %j %j', (heading, method, qualifiers) => {
    const split = splitMethodName(heading);
    expect(split.method).toBe(method);
    expect(split.qualifiers).toEqual(qualifiers);
  });

  it('offers both names of a parenthesised second name as aliases', () => {
    expect(splitMethodName('DALLE-2 (unCLIP)').aliases).toEqual(['DALLE-2', 'unCLIP']);
    expect(splitMethodName('ID-Aligner (image + text)').aliases).toEqual([]);
  });
});
