import { alignContents, type ContentsGap, type HeadingMatch } from './align-contents';
import { buildTree, type TreeSegment } from './build-tree';
import { TaxonomyFormatError } from './errors';
import { classifyLine, type ClassifiedContent } from './line-kinds';
import { splitMethodName } from './method-name';
import { normalizeTitle } from '../titles';
import { foldHeading } from './normalize';
import { readTaxonomySource, type SourceBlock, type SourceLine } from './source-text';
import { DIFFUSION_TOP_LEVEL_AREAS, areaName, type AreaSpec } from './top-level-areas';
import type {
  FuzzyHeading,
  ParseTaxonomyOptions,
  TaxonomyParseResult,
  TaxonomyWarning,
} from './types';

// A contents stretch longer than this is not one missing heading but a missing part of the body.
const MAX_MISSING_HEADING = 150;
const NUMBERED_NOTE = /^\d+\.\s/;
const MIN_EXPLAINED_SHARE = 0.5;

/**
 * Parses a taxonomy export (a note-taking app's flat text: a contents line, then blocks separated
 * by U+00A0 lines) into a tree of areas, categories and methods.
 *
 * 1. Body lines are aligned against the contents line (`alignContents`) to tell headings from
 *    titles and notes; headings spelled differently in the body are aligned tolerantly and
 *    reported in `fuzzyHeadings`.
 * 2. Blocks are cut into segments: a run of stacked headings and the lines under the last one. A
 *    block with no heading line takes a heading the contents line names but the body lacks, when
 *    one is missing right there; otherwise it continues the entry before it (with a warning).
 * 3. Lines under a heading are sorted into titles, notes and captions (`classifyContent`).
 * 4. Top-level areas are matched in order to the curated list; every other level is inferred from
 *    the runs of stacked headings (`buildTree`).
 *
 * @param text the whole export
 * @param options `sourceFile` for messages; `topLevelAreas` to replace the curated area list
 * @throws TaxonomyFormatError when the text is not a taxonomy export: no contents line, no block
 *   separators, or a body that spells less than half of its contents line (a different or
 *   truncated file). Never anything else; problems inside a readable export are warnings.
 */
export function parseTaxonomy(text: string, options: ParseTaxonomyOptions = {}): TaxonomyParseResult {
  const file = options.sourceFile ?? '<taxonomy>';
  const source = readTaxonomySource(text, file);
  const bodyLines = source.blocks.flatMap((block) => block.lines);
  const alignment = alignContents(source.contents, bodyLines);
  if (alignment.headings.length === 0) {
    throw new TaxonomyFormatError(
      file,
      1,
      'a contents line that runs together the headings of the body; none of the body lines occurs in it',
      source.contents,
    );
  }

  // A body that spells less than half of its own contents line is a truncated or different file;
  // parsing on would quietly drop the rest.
  const explained = alignment.headings.reduce((sum, heading) => sum + heading.contentsEnd - heading.contentsStart, 0);
  const explainedShare = explained / Math.max(1, source.contents.length);
  if (explainedShare < MIN_EXPLAINED_SHARE) {
    const lastLine = source.blocks.at(-1)?.lines.at(-1)?.line ?? 1;
    throw new TaxonomyFormatError(
      file,
      lastLine,
      `a body whose headings spell the contents line; only ${Math.round(explainedShare * 100)}% of its ${source.contents.length} characters are found (a truncated file?)`,
    );
  }

  const warnings: TaxonomyWarning[] = [];
  const headingsByLine = new Map(alignment.headings.map((heading) => [heading.line, heading]));
  const { assigned, missing, unexplained } = assignMissingHeadings(alignment.gaps, source.blocks, headingsByLine);
  for (const gap of unexplained) {
    warnings.push({
      line: gap.beforeLine ?? gap.afterLine ?? 1,
      code: 'unaligned-contents',
      message: `the contents line names ${JSON.stringify(excerpt(gap.text))} (offset ${gap.contentsStart}) but no body line ${regionText(gap)} spells it`,
    });
  }

  const { segments, unplacedBlocks, continuationBlocks } = cutSegments(source.blocks, headingsByLine, assigned, warnings);
  const areaStarts = matchAreas(segments, options.topLevelAreas ?? DIFFUSION_TOP_LEVEL_AREAS, warnings);
  const treeSegments = segments.map((segment, index) => toTreeSegment(segment, areaStarts.get(index)));
  const { nodes, entries } = buildTree(treeSegments);

  const fuzzyHeadings: FuzzyHeading[] = [
    ...alignment.headings
      .filter((heading) => !heading.exact)
      .map((heading): FuzzyHeading => ({ contents: heading.contents, body: heading.body, line: heading.line, kind: 'edited', distance: heading.distance })),
    ...missing,
  ].sort((a, b) => a.line - b.line);

  warnings.sort((a, b) => a.line - b.line);
  return {
    nodes,
    entries,
    unplacedBlocks,
    warnings,
    fuzzyHeadings,
    stats: {
      blocks: source.blocks.length,
      emptyBlocks: source.emptyBlocks,
      headingLines: alignment.headings.length,
      continuationBlocks,
      maxDepth: nodes.reduce((deepest, node) => Math.max(deepest, node.depth), 0),
      topLevelAreas: nodes.filter((node) => node.depth === 0).map((node) => node.name),
    },
  };
}

interface Chunk {
  lines: SourceLine[];
}

interface Segment {
  run: Array<{ text: string; line: number }>;
  chunks: Chunk[];
  line: number;
  blockLine: number;
  continuationLines: number[];
}

// A contents stretch no body line spells, sitting where a block has no heading line at all
// (`A&D` before `Adapt and Diffuse: …`), is that block's heading.
function assignMissingHeadings(
  gaps: readonly ContentsGap[],
  blocks: readonly SourceBlock[],
  headingsByLine: ReadonlyMap<number, HeadingMatch>,
): { assigned: Map<number, string>; missing: FuzzyHeading[]; unexplained: ContentsGap[] } {
  const assigned = new Map<number, string>();
  const missing: FuzzyHeading[] = [];
  const unexplained: ContentsGap[] = [];
  const headless = blocks.filter((block) => !headingsByLine.has(block.lines[0]!.line));
  for (const gap of gaps) {
    const heading = gap.text.trim();
    const block =
      heading.length <= MAX_MISSING_HEADING
        ? headless.find((b) => b.line > (gap.afterLine ?? 0) && b.line < (gap.beforeLine ?? Infinity) && !assigned.has(b.line))
        : undefined;
    if (block === undefined) {
      unexplained.push(gap);
      continue;
    }
    assigned.set(block.line, heading);
    missing.push({ contents: heading, body: '', line: block.line, kind: 'missing', distance: foldHeading(heading).text.length });
  }
  return { assigned, missing, unexplained };
}

function cutSegments(
  blocks: readonly SourceBlock[],
  headingsByLine: ReadonlyMap<number, HeadingMatch>,
  assigned: ReadonlyMap<number, string>,
  warnings: TaxonomyWarning[],
): { segments: Segment[]; unplacedBlocks: number; continuationBlocks: number } {
  const segments: Segment[] = [];
  let unplacedBlocks = 0;
  let continuationBlocks = 0;
  let current: Segment | null = null;
  for (const block of blocks) {
    // True while the current segment's run is still growing (heading lines with nothing between).
    let collectingRun = false;
    let skipping = false;
    const given = assigned.get(block.line);
    if (given !== undefined) {
      current = { run: [{ text: given, line: block.line }], chunks: [{ lines: [] }], line: block.line, blockLine: block.line, continuationLines: [] };
      segments.push(current);
      collectingRun = true;
      warnings.push({
        line: block.line,
        code: 'heading-from-contents',
        message: `block has no heading line; it takes the heading ${JSON.stringify(given)} that the contents line names at this point`,
      });
    } else if (!headingsByLine.has(block.lines[0]!.line)) {
      if (current === null) {
        unplacedBlocks++;
        skipping = true;
        warnings.push({ line: block.line, code: 'unplaced-block', message: 'block comes before the first heading and has none of its own; it is not placed' });
      } else {
        continuationBlocks++;
        current.chunks.push({ lines: [] });
        current.continuationLines.push(block.line);
        warnings.push({
          line: block.line,
          code: 'continuation-block',
          message: `block has no heading; read as the continuation of ${JSON.stringify(current.run.at(-1)!.text)} (line ${current.line})`,
        });
      }
    }
    for (const line of block.lines) {
      if (headingsByLine.has(line.line)) {
        skipping = false;
        if (current !== null && collectingRun) {
          current.run.push({ text: line.text, line: line.line });
        } else {
          current = { run: [{ text: line.text, line: line.line }], chunks: [{ lines: [] }], line: line.line, blockLine: block.line, continuationLines: [] };
          segments.push(current);
        }
        collectingRun = true;
        continue;
      }
      collectingRun = false;
      if (skipping || current === null) continue;
      current.chunks.at(-1)!.lines.push(line);
    }
  }
  return { segments, unplacedBlocks, continuationBlocks };
}

// Areas are the curated names matched, in order, to the headings that open segments: a longest
// common subsequence, taking each match as early as the optimum allows. A name that also names a
// deeper category (`Restoration` under `Personalization`) is thereby matched only where the
// order of the other areas allows it.
function matchAreas(segments: readonly Segment[], areas: readonly AreaSpec[], warnings: TaxonomyWarning[]): Map<number, AreaSpec> {
  const heads = segments.map((segment) => normalizeTitle(segment.run[0]!.text));
  const wanted = areas.map((area) => normalizeTitle(areaName(area)));
  const columns = heads.length + 1;
  const best = new Int32Array((wanted.length + 1) * columns);
  const at = (i: number, j: number): number => i * columns + j;
  for (let i = wanted.length - 1; i >= 0; i--) {
    for (let j = heads.length - 1; j >= 0; j--) {
      const skip = Math.max(best[at(i + 1, j)]!, best[at(i, j + 1)]!);
      best[at(i, j)] = wanted[i] !== '' && wanted[i] === heads[j] ? Math.max(skip, 1 + best[at(i + 1, j + 1)]!) : skip;
    }
  }
  const starts = new Map<number, AreaSpec>();
  const unmatched: string[] = [];
  let i = 0;
  let j = 0;
  while (i < wanted.length && j < heads.length) {
    if (wanted[i] !== '' && wanted[i] === heads[j] && best[at(i, j)] === 1 + best[at(i + 1, j + 1)]!) {
      starts.set(j, areas[i]!);
      i++;
      j++;
    } else if (best[at(i, j)] === best[at(i, j + 1)]) {
      j++;
    } else {
      unmatched.push(areaName(areas[i]!));
      i++;
    }
  }
  for (; i < wanted.length; i++) unmatched.push(areaName(areas[i]!));
  // A list that matches nothing was written for another document; the tree is then inferred alone.
  if (starts.size > 0) {
    for (const name of unmatched) {
      warnings.push({ line: 1, code: 'missing-area', message: `top-level area ${JSON.stringify(name)} of the area list is not a heading of this export` });
    }
  }
  return starts;
}

function toTreeSegment(segment: Segment, area: AreaSpec | undefined): TreeSegment {
  const names = segment.run.flatMap((heading) => {
    const split = splitMethodName(heading.text);
    return [heading.text, split.method, ...split.aliases];
  });
  const nameKeys = new Set(names.map(normalizeTitle).filter((key) => key !== ''));
  const content: ClassifiedContent = { titles: [], notes: [], captions: [] };
  const titleKeys: string[] = [];
  let numberedNotes = 0;
  for (const chunk of segment.chunks) {
    chunk.lines.forEach((line, index) => {
      const kind = classifyLine(line.text, index === 0, nameKeys, titleKeys);
      if (kind === 'title') {
        content.titles.push(line.text);
        titleKeys.push(normalizeTitle(line.text));
      }
      else if (kind === 'caption') content.captions.push(line.text);
      else {
        content.notes.push(line.text);
        if (NUMBERED_NOTE.test(line.text)) numberedNotes++;
      }
    });
  }
  return {
    run: segment.run,
    content,
    numberedNotes,
    startsArea: area !== undefined,
    withinArea: area === undefined || typeof area === 'string' ? null : area.within,
    line: segment.line,
    blockLine: segment.blockLine,
    continuationLines: segment.continuationLines,
  };
}

function regionText(gap: ContentsGap): string {
  if (gap.afterLine === null && gap.beforeLine === null) return 'anywhere';
  if (gap.afterLine === null) return `before line ${gap.beforeLine}`;
  if (gap.beforeLine === null) return `after line ${gap.afterLine}`;
  return `between lines ${gap.afterLine} and ${gap.beforeLine}`;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
