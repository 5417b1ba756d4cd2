import { editDistanceWithin, foldHeading } from './normalize';

/** A body line offered to the alignment. */
export interface AlignableLine {
  /** 1-based source line number. */
  line: number;
  /** The line, trimmed. */
  text: string;
}

/** A body line found to be a heading: it spells a stretch of the contents line. */
export interface HeadingMatch {
  line: number;
  /** The heading as the body spells it. */
  body: string;
  /** The stretch of the contents line it stands for. */
  contents: string;
  /** Offsets of that stretch in the contents line (end exclusive). */
  contentsStart: number;
  contentsEnd: number;
  /** True when body and contents spell the heading identically. */
  exact: boolean;
  /** Edit distance between the folded spellings (0 for exact matches and for dropped letters only). */
  distance: number;
}

/** A stretch of the contents line that no body line spells. */
export interface ContentsGap {
  text: string;
  contentsStart: number;
  contentsEnd: number;
  /** Line of the heading just before the gap, or null at the start of the body. */
  afterLine: number | null;
  /** Line of the heading just after the gap, or null at the end of the body. */
  beforeLine: number | null;
}

/** Result of {@link alignContents}. */
export interface ContentsAlignment {
  /** Heading lines in document order. */
  headings: HeadingMatch[];
  /** Parts of the contents line left unexplained, in order. */
  gaps: ContentsGap[];
}

// A heading never starts like a numbered note, and a paper title is the longest thing that could be
// one; anything longer is not worth searching for in the contents line.
const MAX_HEADING_LENGTH = 150;
const NUMBERED_NOTE = /^\d+\.\s/;
// Guards against pathological input (a contents line of one repeated letter, thousands of lines
// spelling its prefix): real headings occur a handful of times, and the real export needs about
// 100,000 prefix checks in all. Past the budget the remaining lines are simply not looked up.
const MAX_OCCURRENCES_PER_LINE = 256;
const MAX_PREFIX_CHECKS = 5_000_000;
// The fuzzy pass is a dynamic programme over (gap character, candidate line); gaps left by a
// truncated or foreign file are far bigger than any run of edited headings and are reported instead.
// The work estimate counts edit-distance steps; the real export needs a few thousand.
const MAX_FUZZY_GAP = 400;
const MAX_FUZZY_WORK = 20_000_000;
// Coverage dominates; among chains of equal coverage the one with fewer, longer pieces wins.
const PIECE_PENALTY = 1;
const COVERAGE_WEIGHT = 2 ** 20;

/**
 * Decides which body lines are headings by walking the contents line, which is every heading of the
 * body run together in document order.
 *
 * 1. **Exact anchors.** Every short, non-numbered line is looked up in the contents line. Among all
 *    monotone chains of such occurrences (increasing in both body order and contents position,
 *    never overlapping) the one covering the most contents characters wins, and among those the
 *    one with the fewest pieces. This is what keeps a caption `LCM` from eating the `LCM` of
 *    `LCM-LoRA`, and a repeated heading (`Wuerstchen` is filed three times) in its own place.
 * 2. **Tolerant gaps.** Contents text left between two anchors can only be spelled by body lines
 *    between those anchors. Those lines are compared after folding (case, spacing, combining
 *    marks, non-Latin letters, which the contents line drops: `PixArt-α` → `PixArt-`), and a line
 *    may spell a stretch within an edit distance of a fifth of its length. A small dynamic
 *    programme splits each gap among the lines, minimising edits plus unexplained characters.
 *
 * Whatever is still unexplained is returned as gaps, with the body region it belongs to.
 *
 * @param contents the contents line
 * @param lines body lines in document order
 */
export function alignContents(contents: string, lines: readonly AlignableLine[]): ContentsAlignment {
  const anchors = exactAnchors(contents, lines);
  const headings: HeadingMatch[] = [];
  const gaps: ContentsGap[] = [];
  let position = 0;
  let lineIndex = 0;
  let previousLine: number | null = null;
  const fillGap = (end: number, lineEnd: number, nextLine: number | null): void => {
    if (end > position) {
      const inner = lines.slice(lineIndex, lineEnd);
      const filled = fuzzyFill(contents, position, end, inner);
      headings.push(...filled.headings);
      // Headings found inside the stretch bound its leftover pieces more tightly than the anchors.
      for (const gap of filled.gaps) {
        const before = filled.headings.filter((h) => h.contentsEnd <= gap.contentsStart).at(-1);
        const after = filled.headings.find((h) => h.contentsStart >= gap.contentsEnd);
        gaps.push({ ...gap, afterLine: before?.line ?? previousLine, beforeLine: after?.line ?? nextLine });
      }
    }
  };
  for (const anchor of anchors) {
    const line = lines[anchor.lineIndex]!;
    fillGap(anchor.start, anchor.lineIndex, line.line);
    headings.push({
      line: line.line,
      body: line.text,
      contents: line.text,
      contentsStart: anchor.start,
      contentsEnd: anchor.end,
      exact: true,
      distance: 0,
    });
    position = anchor.end;
    lineIndex = anchor.lineIndex + 1;
    previousLine = line.line;
  }
  fillGap(contents.length, lines.length, null);
  headings.sort((a, b) => a.line - b.line);
  return { headings, gaps };
}

interface Anchor {
  lineIndex: number;
  start: number;
  end: number;
}

function* indexesOf(contents: string, text: string): Generator<number> {
  for (let at = contents.indexOf(text); at >= 0; at = contents.indexOf(text, at + 1)) yield at;
}

function couldBeHeading(text: string): boolean {
  return text.length > 0 && text.length <= MAX_HEADING_LENGTH && !NUMBERED_NOTE.test(text);
}

// Maximum-weight monotone chain: lines are visited in order and a Fenwick tree over contents end
// positions answers "best chain ending at or before offset s" in O(log n).
function exactAnchors(contents: string, lines: readonly AlignableLine[]): Anchor[] {
  const size = contents.length + 1;
  const treeValue = new Float64Array(size + 1).fill(-1);
  const treeNode = new Int32Array(size + 1).fill(-1);
  const nodeLine: number[] = [];
  const nodeStart: number[] = [];
  const nodeEnd: number[] = [];
  const nodePrevious: number[] = [];
  const query = (position: number): [number, number] => {
    let value = 0;
    let node = -1;
    for (let i = position + 1; i > 0; i -= i & -i) {
      if (treeValue[i]! > value) {
        value = treeValue[i]!;
        node = treeNode[i]!;
      }
    }
    return [value, node];
  };
  const update = (position: number, value: number, node: number): void => {
    for (let i = position + 1; i <= size; i += i & -i) {
      // Strictly greater: for equal chains the earlier body line keeps the place, so a heading
      // beats a caption that repeats it further down the block.
      if (value > treeValue[i]!) {
        treeValue[i] = value;
        treeNode[i] = node;
      }
    }
  };

  // Where each two-character prefix occurs: looking a line up costs its candidate starts, not a
  // scan of the whole 16 kB contents line. One-character lines are rare and scanned for directly.
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i + 1 < contents.length; i++) {
    const key = contents.slice(i, i + 2);
    const list = occurrences.get(key);
    if (list === undefined) occurrences.set(key, [i]);
    else list.push(i);
  }
  const startsOf = (text: string): Iterable<number> => (text.length >= 2 ? (occurrences.get(text.slice(0, 2)) ?? []) : indexesOf(contents, text));
  let checks = 0;

  let bestValue = 0;
  let bestNode = -1;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const text = lines[lineIndex]!.text;
    if (!couldBeHeading(text)) continue;
    const pending: number[] = [];
    let found = 0;
    for (const start of startsOf(text)) {
      if (found === MAX_OCCURRENCES_PER_LINE || ++checks > MAX_PREFIX_CHECKS) break;
      if (!contents.startsWith(text, start)) continue;
      found++;
      const [value, previous] = query(start);
      const node = nodeLine.length;
      nodeLine.push(lineIndex);
      nodeStart.push(start);
      nodeEnd.push(start + text.length);
      nodePrevious.push(previous);
      const total = value + text.length * COVERAGE_WEIGHT - PIECE_PENALTY;
      pending.push(node, total);
      if (total > bestValue) {
        bestValue = total;
        bestNode = node;
      }
    }
    // Updated only after all occurrences of the line are scored, so a line never chains to itself.
    for (let k = 0; k < pending.length; k += 2) update(nodeEnd[pending[k]!]!, pending[k + 1]!, pending[k]!);
  }

  const chain: Anchor[] = [];
  for (let node = bestNode; node >= 0; node = nodePrevious[node]!) {
    chain.push({ lineIndex: nodeLine[node]!, start: nodeStart[node]!, end: nodeEnd[node]! });
  }
  return chain.reverse();
}

interface FuzzyResult {
  headings: HeadingMatch[];
  gaps: Array<Omit<ContentsGap, 'afterLine' | 'beforeLine'>>;
}

interface Candidate {
  line: AlignableLine;
  folded: string;
  bound: number;
}

/** How far a folded heading may be from the contents spelling: a fifth of its length. */
function editBound(length: number): number {
  return Math.floor(length / 5);
}

function fuzzyFill(contents: string, start: number, end: number, lines: readonly AlignableLine[]): FuzzyResult {
  const gapText = contents.slice(start, end);
  if (gapText.trim() === '') return { headings: [], gaps: [] };
  const wholeGap: FuzzyResult = { headings: [], gaps: [{ text: gapText, contentsStart: start, contentsEnd: end }] };
  // Folding keeps at most as many characters as it reads, so a raw gap this long is too long folded.
  if (gapText.length > 4 * MAX_FUZZY_GAP) return wholeGap;
  const gap = foldHeading(gapText);
  const width = gap.text.length;
  if (width === 0 || width > MAX_FUZZY_GAP) return wholeGap;
  const candidates: Candidate[] = [];
  let work = 0;
  for (const line of lines) {
    if (!couldBeHeading(line.text)) continue;
    const folded = foldHeading(line.text).text;
    const bound = editBound(folded.length);
    if (folded.length === 0 || folded.length - bound > width) continue;
    candidates.push({ line, folded, bound });
    work += (width + 1) * (2 * bound + 1) ** 2 * folded.length;
    if (work > MAX_FUZZY_WORK) return wholeGap;
  }
  if (candidates.length === 0) return wholeGap;

  // cost[i][p]: cheapest way to explain gap.text[p..] with candidates i..; a character left
  // unexplained costs 1, a match costs its edit distance.
  const rows = candidates.length + 1;
  const cost = new Float64Array(rows * (width + 1));
  const choice = new Int32Array(rows * (width + 1)); // -1 skip line, -2 skip char, q > 0 match to q
  const at = (i: number, p: number): number => i * (width + 1) + p;
  for (let p = 0; p <= width; p++) cost[at(candidates.length, p)] = width - p;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const { folded, bound } = candidates[i]!;
    for (let p = width; p >= 0; p--) {
      let best = cost[at(i + 1, p)]!;
      let pick = -1;
      if (p < width && 1 + cost[at(i, p + 1)]! < best) {
        best = 1 + cost[at(i, p + 1)]!;
        pick = -2;
      }
      const qMin = Math.max(p + 1, p + folded.length - bound);
      const qMax = Math.min(width, p + folded.length + bound);
      for (let q = qMin; q <= qMax; q++) {
        const distance = editDistanceWithin(folded, gap.text.slice(p, q), bound);
        if (distance > bound) continue;
        const total = distance + cost[at(i + 1, q)]!;
        if (total < best) {
          best = total;
          pick = q;
        }
      }
      cost[at(i, p)] = best;
      choice[at(i, p)] = pick;
    }
  }

  const headings: HeadingMatch[] = [];
  const gaps: FuzzyResult['gaps'] = [];
  let unexplainedFrom = -1;
  const flush = (p: number): void => {
    if (unexplainedFrom < 0) return;
    const rawStart = start + gap.offsets[unexplainedFrom]!;
    const rawEnd = start + gap.offsets[p]!;
    const text = contents.slice(rawStart, rawEnd);
    if (text.trim() !== '') gaps.push({ text, contentsStart: rawStart, contentsEnd: rawEnd });
    unexplainedFrom = -1;
  };
  let i = 0;
  let p = 0;
  while (i < candidates.length && p < width) {
    const pick = choice[at(i, p)]!;
    if (pick === -1) {
      i++;
    } else if (pick === -2) {
      if (unexplainedFrom < 0) unexplainedFrom = p;
      p++;
    } else {
      flush(p);
      const candidate = candidates[i]!;
      const rawStart = start + gap.offsets[p]!;
      const rawEnd = start + gap.offsets[pick]!;
      const spelled = contents.slice(rawStart, rawEnd);
      headings.push({
        line: candidate.line.line,
        body: candidate.line.text,
        contents: spelled.trim(),
        contentsStart: rawStart,
        contentsEnd: rawEnd,
        exact: spelled.trim() === candidate.line.text,
        distance: editDistanceWithin(candidate.folded, gap.text.slice(p, pick), candidate.bound),
      });
      p = pick;
      i++;
    }
  }
  if (p < width && unexplainedFrom < 0) unexplainedFrom = p;
  flush(width);
  return { headings, gaps };
}
