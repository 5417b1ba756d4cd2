import { NodeIdAllocator } from './ids';
import type { ClassifiedContent } from './line-kinds';
import { splitMethodName } from './method-name';
import { normalizeTitle } from '../titles';
import type { TaxonomyEntry, TaxonomyNode, TaxonomyNodeKind } from './types';

/** A heading line of a segment. */
export interface SegmentHeading {
  text: string;
  line: number;
}

/**
 * A run of stacked headings and the lines under the last of them, up to the next heading. Most
 * blocks are one segment; a few hold two (`Dual-Output` … `Cas-DM`).
 */
export interface TreeSegment {
  /** One or more headings with nothing between them; all but the last enclose the last. */
  run: SegmentHeading[];
  content: ClassifiedContent;
  /** How many of the notes are numbered (`1. …`): a sign of a method's notes, not a category's. */
  numberedNotes: number;
  /** Whether `run[0]` is an area of the curated list. */
  startsArea: boolean;
  /** For a sub-area, the area it is nested in. */
  withinArea: string | null;
  line: number;
  blockLine: number;
  continuationLines: number[];
}

/** Nodes and entries in document order. */
export interface BuiltTree {
  nodes: TaxonomyNode[];
  entries: TaxonomyEntry[];
}

interface OpenNode {
  node: TaxonomyNode;
  /** Segments that made this a category only for lack of a title (see `subjectKind`). */
  tentative: TreeSegment[];
  area: boolean;
}

type SubjectKind = 'area' | 'method' | 'category';

/**
 * Places every segment in a tree. Heading levels are not marked in the export, so the depth of a
 * heading is inferred from the evidence around it:
 *
 * - **Stacked headings enclose each other.** In a run `A › B › C` followed by a paper, `A` and `B`
 *   are categories and `C` the method, one level below the other.
 * - **Areas reset the stack** (`startsArea`; the curated list decides which headings). A sub-area
 *   (`Personalization` within `Text-to-Image`) resets it to its enclosing area.
 * - **A run that opens with a category re-opens as many levels as it has categories, ending at the
 *   deepest open level.** With `EEE › enhancement of training › novel model family` open, the run
 *   `optimal noise schedule › Cosine` (one category) makes `optimal noise schedule` a sibling of
 *   `novel model family`, and the run `enhancement of sampling › optimal sampling schedule › DP`
 *   (two categories) makes `enhancement of sampling` a sibling of `enhancement of training`. A
 *   category is never placed above the open areas and sub-areas.
 * - **A method goes under the deepest open category.**
 * - **Alias runs.** When the paper's short title (the part before `:`) names an earlier heading of
 *   the run (`Wuerstchen › StableCascade` over `Wuerstchen: An Efficient Architecture…`), those
 *   headings are one method with aliases, not a category holding a method.
 * - **A heading without a paper title** is a method when it has numbered notes, captions or
 *   qualifiers (`Diffusion2GAN`, `Text-Guided SDEdit`, `Face2Diffusion (transform, …)`), and
 *   otherwise (free text only, like `Distillation-based`) a category that encloses the methods
 *   after it, at the deepest open level. If such a category ends up with no children
 *   (`Tweedie's formula`, right before the next area) it becomes a method after all.
 *
 * @param segments segments in document order
 */
export function buildTree(segments: readonly TreeSegment[]): BuiltTree {
  const ids = new NodeIdAllocator();
  const nodesByPath = new Map<string, OpenNode>();
  const order: OpenNode[] = [];
  const entries: TaxonomyEntry[] = [];
  const entryCounts = new Map<string, number>();
  let stack: OpenNode[] = [];

  const nodeFor = (parent: OpenNode | null, name: string, line: number): OpenNode => {
    const path = parent === null ? [name] : [...parent.node.path, name];
    const key = path.join('\u0000');
    const existing = nodesByPath.get(key);
    if (existing) return existing;
    const id = ids.idFor(parent === null ? null : parent.node.id, name);
    const { method, qualifiers } = splitMethodName(name);
    const node: TaxonomyNode = {
      id,
      name,
      parentId: parent === null ? null : parent.node.id,
      depth: path.length - 1,
      path,
      childIds: [],
      entryIds: [],
      kind: 'category',
      label: method,
      qualifiers,
      notes: [],
      captions: [],
      line,
    };
    parent?.node.childIds.push(id);
    const open: OpenNode = { node, tentative: [], area: false };
    nodesByPath.set(key, open);
    order.push(open);
    return open;
  };

  const addEntry = (node: TaxonomyNode, segment: TreeSegment, heading: string, aliases: string[]): void => {
    const count = (entryCounts.get(node.id) ?? 0) + 1;
    entryCounts.set(node.id, count);
    const name = splitMethodName(heading);
    const entry: TaxonomyEntry = {
      id: `${node.id}#${count}`,
      nodeId: node.id,
      path: [...node.path],
      heading,
      method: name.method,
      qualifiers: name.qualifiers,
      title: segment.content.titles[0] ?? null,
      titles: [...segment.content.titles],
      aliases: unique([...aliases, ...name.aliases].filter((alias) => alias !== heading)),
      notes: [...segment.content.notes],
      captions: [...segment.content.captions],
      line: segment.line,
      blockLine: segment.blockLine,
      continuationLines: [...segment.continuationLines],
    };
    node.entryIds.push(entry.id);
    entries.push(entry);
  };

  // Opens `names` as nested categories, the first at `depth`.
  const openCategories = (depth: number, names: readonly SegmentHeading[]): void => {
    stack = stack.slice(0, depth);
    for (const heading of names) stack.push(nodeFor(stack.at(-1) ?? null, heading.text, heading.line));
  };

  for (const segment of segments) {
    const { categories, subject, aliases } = splitRun(segment);
    const kind = subjectKind(segment, subject, categories.length === 0 && segment.startsArea);
    // Areas and sub-areas at the bottom of the stack are closed only by the next area.
    const areaFloor = (): number => {
      let floor = 0;
      while (stack[floor]?.area) floor++;
      return floor;
    };

    if (segment.startsArea) {
      const within = segment.withinArea === null ? undefined : nodesByPath.get(segment.withinArea);
      stack = within ? [within] : [];
      const area = kind === 'area' ? subject : categories[0]!;
      const opened = nodeFor(within ?? null, area.text, area.line);
      opened.area = true;
      stack.push(opened);
      openCategories(stack.length, kind === 'area' ? [] : categories.slice(1));
    } else if (categories.length > 0) {
      const depth = Math.max(areaFloor(), stack.length - categories.length);
      openCategories(depth, categories);
    }

    if (kind === 'area') {
      fileCategoryContent(stack[0]!.node, segment);
    } else if (kind === 'method') {
      const opened = nodeFor(stack.at(-1) ?? null, subject.text, subject.line);
      addEntry(opened.node, segment, subject.text, aliases);
    } else {
      // A lone category heading is a sibling of the deepest open category (or the first level
      // below an area); one that ends a run sits below the run's categories.
      if (categories.length === 0 && !segment.startsArea) stack = stack.slice(0, Math.max(areaFloor(), stack.length - 1));
      const opened = nodeFor(stack.at(-1) ?? null, subject.text, subject.line);
      if (opened.node.childIds.length === 0 && opened.node.entryIds.length === 0) opened.tentative.push(segment);
      fileCategoryContent(opened.node, segment);
      stack.push(opened);
    }
  }

  // Categories that never received anything were methods without a paper title after all.
  for (const open of order) {
    const { node, tentative } = open;
    if (tentative.length === 0 || open.area || node.childIds.length > 0 || node.entryIds.length > 0) continue;
    node.notes = [];
    node.captions = [];
    for (const segment of tentative) addEntry(node, segment, node.name, []);
  }

  for (const { node, area } of order) node.kind = kindOf(node, area);
  entries.sort((a, b) => a.line - b.line);
  return { nodes: order.map((open) => open.node), entries };
}

// Category headings carry free text about the group; nothing is dropped, titles included.
function fileCategoryContent(node: TaxonomyNode, segment: TreeSegment): void {
  node.notes.push(...segment.content.titles, ...segment.content.notes);
  node.captions.push(...segment.content.captions);
}

function kindOf(node: TaxonomyNode, area: boolean): TaxonomyNodeKind {
  if (area) return 'area';
  return node.childIds.length === 0 && node.entryIds.length > 0 ? 'method' : 'category';
}

function subjectKind(segment: TreeSegment, subject: SegmentHeading, isArea: boolean): SubjectKind {
  if (isArea) return 'area';
  if (segment.content.titles.length > 0) return 'method';
  if (splitMethodName(subject.text).qualifiers.length > 0) return 'method';
  if (segment.numberedNotes > 0 || segment.content.captions.length > 0) return 'method';
  return 'category';
}

// Separates enclosing categories from the method, collapsing alias runs.
function splitRun(segment: TreeSegment): { categories: SegmentHeading[]; subject: SegmentHeading; aliases: string[] } {
  const run = segment.run;
  const last = run.length - 1;
  const title = segment.content.titles[0];
  if (title !== undefined && last > 0) {
    const named = normalizeTitle(title.includes(':') ? title.slice(0, title.indexOf(':')) : title);
    const first = segment.startsArea ? 1 : 0;
    for (let j = first; j < last; j++) {
      if (named !== '' && normalizeTitle(splitMethodName(run[j]!.text).method) === named) {
        return { categories: run.slice(0, j), subject: run[j]!, aliases: run.slice(j + 1).map((h) => h.text) };
      }
    }
  }
  return { categories: run.slice(0, last), subject: run[last]!, aliases: [] };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
