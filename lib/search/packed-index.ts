import MiniSearch, { type Options } from 'minisearch';

/**
 * A MiniSearch index in a compact form that loads in milliseconds: what `loadJSON` rebuilds up
 * front (a Map per term and field, an object per document) is decoded only when a search first
 * touches it. MiniSearch stays the engine: the loaded index is a MiniSearch whose term tree,
 * document tables and scoring are its own, and it answers exactly as the index it was packed from
 * (test/lib/search/packed-index.test.ts checks this on the real corpus and a synthetic one).
 *
 * It is made of strings and typed arrays, so IndexedDB and `postMessage` copy it without a
 * `JSON.stringify`, and it is a quarter to a half of the JSON's size:
 * - `treeLabels` and `treeShape`: MiniSearch's term tree node by node, depth first: each node's
 *   number of entries, and each entry's edge label (empty for the node's own term), so that
 *   loading makes its Maps directly, in the same order, instead of inserting term by term (which
 *   scans every child of a node at each step: the root has a child per Han character);
 * - `postings`: per term, in the same order, per field, the documents holding it as varint gaps,
 *   with the term's count only where it is not 1; `postingOffsets[i]` is where term `i` starts;
 * - `ids` and `fieldLength`: one line and `fields.length` numbers per document;
 * - `stored`: per stored field, each distinct value once (as JSON) and a reference per document.
 *
 * It reaches into MiniSearch 7's private fields (`MiniSearchInternals`); the test above fails first
 * if an upgrade changes them.
 */
export interface PackedSearchIndex {
  format: 1;
  fields: string[];
  storeFields: string[];
  documentCount: number;
  averageFieldLength: number[];
  ids: string;
  fieldLength: Uint16Array | Uint32Array;
  treeLabels: string;
  treeShape: Uint16Array | Uint32Array;
  postingOffsets: Uint32Array;
  postings: Uint8Array;
  stored: StoredColumn[];
}

/**
 * One stored field of every document: `refs[doc]` is the index of its value in `values` (JSON, one
 * a line), or the largest number the array holds when the document has none. When every value is
 * a list of strings, `strings` holds those strings once, one a line, and a value lists their indexes.
 */
export interface StoredColumn {
  values: string;
  refs: Uint16Array | Uint32Array;
  strings?: string;
}

type FieldTermData = Map<number, Map<number, number>>;

/** A node of MiniSearch's radix tree: edge labels to child nodes, and `''` to the node's own term's data. */
type TreeNode = Map<string, TreeNode | FieldTermData>;
type TermTree = { _tree: TreeNode; constructor: new (tree: TreeNode) => TermTree };

// The key of a node's own term in MiniSearch's tree (its `LEAF`).
const LEAF = '';

/** MiniSearch 7's own state, as `loadJS` sets it. */
export interface MiniSearchInternals {
  _index: TermTree;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _dirtCount: number;
  _currentVacuum: Promise<void> | null;
  _enqueuedVacuum: Promise<void> | null;
  _options: { fields: string[]; storeFields: string[]; searchOptions?: { bm25?: { k: number; b: number; d: number }; weights?: { fuzzy?: number; prefix?: number } } };
}

const SEPARATOR = '\n';

/** The size in bytes of a packed index as IndexedDB holds it (strings counted as UTF-8). */
export function packedSize(packed: PackedSearchIndex): number {
  const text = (value: string) => new TextEncoder().encode(value).length;
  return (
    text(packed.ids) +
    text(packed.treeLabels) +
    packed.treeShape.byteLength +
    packed.fieldLength.byteLength +
    packed.postingOffsets.byteLength +
    packed.postings.byteLength +
    packed.stored.reduce((sum, column) => sum + text(column.values) + text(column.strings ?? '') + column.refs.byteLength, 0)
  );
}

/**
 * Packs an index. Documents are numbered afresh, in their order, and what `discard` left behind
 * is dropped, as `vacuum` would.
 * @throws Error when an id or a term holds a line break, or a document lacks a field.
 */
export function packSearchIndex<T>(index: MiniSearch<T>): PackedSearchIndex {
  const steps = packSteps(index);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link packSearchIndex} in slices, awaiting `pause` whenever a slice has run `sliceMs`, so that a
 * worker packing a large index still answers meanwhile. The index must not change until it
 * resolves; a vacuum MiniSearch is running is waited for first.
 */
export async function packSearchIndexInSlices<T>(index: MiniSearch<T>, pause: () => Promise<void>, sliceMs: number): Promise<PackedSearchIndex> {
  const state = index as unknown as MiniSearchInternals;
  await (state._enqueuedVacuum ?? state._currentVacuum);
  const steps = packSteps(index);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

// Terms packed between two points where packSearchIndexInSlices may pause (well under a millisecond's work).
const STEP_TERMS = 250;

/** Packs an index, yielding after each stored field and every {@link STEP_TERMS} terms. */
function* packSteps<T>(index: MiniSearch<T>): Generator<void, PackedSearchIndex> {
  const state = index as unknown as MiniSearchInternals;
  const fields = state._options.fields;
  const storeFields = state._options.storeFields;
  const oldIds = [...state._documentIds.keys()].sort((a, b) => a - b);
  const renumbered = new Map(oldIds.map((oldId, newId) => [oldId, newId]));
  const count = oldIds.length;

  const ids = oldIds.map((oldId) => lineOf(String(state._documentIds.get(oldId)), 'document id'));
  const lengths = oldIds.flatMap((oldId, doc) => {
    const lengths = state._fieldLength.get(oldId) ?? [];
    return fields.map((field, fieldId) => {
      const length = lengths[fieldId];
      if (length === undefined) throw new Error(`document ${ids[doc]} has no field ${field}`);
      return length;
    });
  });
  const fieldLength = numbersArray(lengths, lengths.reduce((most, length) => Math.max(most, length), 0) + 1);

  const stored: StoredColumn[] = [];
  for (const name of storeFields) {
    yield;
    stored.push(storedColumn(oldIds.map((oldId) => state._storedFields.get(oldId)?.[name])));
  }

  const labels: string[] = [];
  const shape: number[] = [];
  const offsets: number[] = [];
  const bytes = new ByteWriter();
  const writeTerm = (data: FieldTermData) => {
    const postings: [number, [number, number][]][] = [];
    for (const [fieldId, docs] of data) {
      const live: [number, number][] = [];
      for (const [oldId, frequency] of docs) {
        const doc = renumbered.get(oldId);
        if (doc !== undefined) live.push([doc, frequency]);
      }
      if (live.length > 0) postings.push([fieldId, live.sort((a, b) => a[0] - b[0])]);
    }
    offsets.push(bytes.length);
    bytes.varint(postings.length);
    for (const [fieldId, docs] of postings.sort((a, b) => a[0] - b[0])) {
      bytes.varint(fieldId);
      bytes.varint(docs.length);
      let previous = -1;
      for (const [doc, frequency] of docs) {
        const gap = doc - previous - 1;
        previous = doc;
        if (frequency === 1) bytes.varint(gap * 2);
        else {
          bytes.varint(gap * 2 + 1);
          bytes.varint(frequency);
        }
      }
    }
  };
  // The tree depth first, each node's size before its entries, with a stack of the nodes entered.
  const entered: Iterator<[string, TreeNode | FieldTermData]>[] = [];
  const enter = (node: TreeNode) => {
    shape.push(node.size);
    entered.push(node.entries());
  };
  enter(state._index._tree);
  while (entered.length > 0) {
    const next = entered.at(-1)!.next();
    if (next.done) {
      entered.pop();
      continue;
    }
    const [label, child] = next.value;
    labels.push(lineOf(label, 'term'));
    if (label !== LEAF) enter(child as TreeNode);
    else {
      writeTerm(child as FieldTermData);
      if (offsets.length % STEP_TERMS === 0) yield;
    }
  }
  offsets.push(bytes.length);
  return {
    format: 1,
    fields: [...fields],
    storeFields: [...storeFields],
    documentCount: count,
    averageFieldLength: [...state._avgFieldLength],
    ids: ids.join(SEPARATOR),
    fieldLength,
    treeLabels: labels.join(SEPARATOR),
    treeShape: numbersArray(shape, shape.reduce((most, size) => Math.max(most, size), 0) + 1),
    postingOffsets: Uint32Array.from(offsets),
    postings: bytes.finish(),
    stored,
  };
}

/**
 * Loads a packed index into a MiniSearch built with `options`, which must be those the packed one
 * was built with (the same as for `MiniSearch.loadJSON`). Term postings, field lengths and stored
 * fields are decoded when first read; the index can be searched, added to and discarded from.
 * @throws Error when `options` name other fields than the packed index holds.
 */
export function unpackSearchIndex<T>(packed: PackedSearchIndex, options: Options<T>): MiniSearch<T> {
  const index = new MiniSearch<T>(options);
  const state = index as unknown as MiniSearchInternals;
  if (packed.format !== 1) throw new Error(`unknown packed index format ${String(packed.format)}`);
  if (state._options.fields.join(SEPARATOR) !== packed.fields.join(SEPARATOR) || state._options.storeFields.join(SEPARATOR) !== packed.storeFields.join(SEPARATOR)) {
    throw new Error('unpackSearchIndex must be given the options the index was built with');
  }
  const count = packed.documentCount;
  const fieldCount = packed.fields.length;
  const ids = new Lines(packed.ids);
  state._documentCount = count;
  state._nextId = count;
  state._dirtCount = 0;
  state._avgFieldLength = [...packed.averageFieldLength];
  state._documentIds = new DenseLazyMap(count, (doc) => ids.at(doc)) as unknown as Map<number, unknown>;
  state._fieldLength = new DenseLazyMap(count, (doc) => Array.from(packed.fieldLength.subarray(doc * fieldCount, (doc + 1) * fieldCount))) as unknown as Map<number, number[]>;
  state._storedFields = new DenseLazyMap(count, storedFieldsReader(packed)) as unknown as Map<number, Record<string, unknown>>;
  state._idToShortId = new IdToDocument(ids, count, () => new Map(Array.from({ length: count }, (_, doc) => [ids.at(doc), doc]))) as unknown as Map<unknown, number>;

  const source = { postings: packed.postings, offsets: packed.postingOffsets };
  const node = lazyTreeNodes(packed, (term) => new PackedTermData(source, term) as unknown as FieldTermData);
  state._index = new state._index.constructor(node(0));
  fieldLengthsOf.set(index, { lengths: packed.fieldLength, count });
  return index;
}

// The field lengths of the documents an index was unpacked with, read without making an array per document.
const fieldLengthsOf = new WeakMap<object, { lengths: Uint16Array | Uint32Array; count: number }>();

/**
 * The field lengths of the documents `index` was unpacked with: document `doc` (below `count`)
 * has `lengths[doc * fields.length + fieldId]`, as `_fieldLength.get(doc)[fieldId]` says, without
 * an array made per document. Null for an index that was not unpacked.
 */
export function packedFieldLengths(index: object): { lengths: Uint16Array | Uint32Array; count: number } | null {
  return fieldLengthsOf.get(index) ?? null;
}

/**
 * A term's postings, every field's, in one pass: `docs[i]` holds term count `freqs[i]`; field
 * `fieldId`'s documents are `start[fieldId]` to `start[fieldId] + count[fieldId]` (count -1: none),
 * in the order MiniSearch's own maps give them. Reused from term to term.
 */
export class TermPostings {
  docs = new Int32Array(1024);
  freqs = new Uint32Array(1024);
  length = 0;
  readonly start: Int32Array;
  readonly count: Int32Array;

  constructor(fieldCount: number) {
    this.start = new Int32Array(fieldCount);
    this.count = new Int32Array(fieldCount);
  }

  /**
   * Reads a term's data as MiniSearch's tree holds it: packed postings not yet decoded are read
   * from their bytes and left so (a common word's would take megabytes as Maps); maps as they are.
   * @param wanted The fields to read (all when not given); the others are passed over.
   */
  read(data: unknown, wanted?: ReadonlySet<number>): void {
    this.count.fill(-1);
    this.length = 0;
    if (data instanceof PackedTermData && data.packedBytes) {
      const read = varintReader(data.packedBytes.bytes, data.packedBytes.start);
      for (let fields = read(); fields > 0; fields--) {
        const fieldId = read();
        const n = read();
        if (wanted && !wanted.has(fieldId)) {
          for (let i = 0; i < n; i++) if (read() % 2 === 1) read();
          continue;
        }
        this.open(fieldId, n);
        let doc = -1;
        for (let i = 0; i < n; i++) {
          const code = read();
          doc += Math.floor(code / 2) + 1;
          this.docs[this.length] = doc;
          this.freqs[this.length++] = code % 2 === 0 ? 1 : read();
        }
      }
      return;
    }
    for (const [fieldId, docs] of data as FieldTermData) {
      if (wanted && !wanted.has(fieldId)) continue;
      this.open(fieldId, docs.size);
      for (const [doc, frequency] of docs) {
        this.docs[this.length] = doc;
        this.freqs[this.length++] = frequency;
      }
    }
  }

  private open(fieldId: number, n: number): void {
    if (fieldId >= this.start.length) throw new Error(`postings of an unknown field ${fieldId}`);
    this.start[fieldId] = this.length;
    this.count[fieldId] = n;
    if (this.length + n > this.docs.length) {
      const size = Math.max(this.docs.length * 2, this.length + n);
      const docs = new Int32Array(size);
      docs.set(this.docs.subarray(0, this.length));
      const freqs = new Uint32Array(size);
      freqs.set(this.freqs.subarray(0, this.length));
      this.docs = docs;
      this.freqs = freqs;
    }
  }
}

/**
 * The nodes of a packed term tree, each made (a Map of its entries) when a search first walks into
 * it: a search visits a few hundred of the tree's nodes, and making all of them (one per term and
 * more) was most of a load. One pass over the shape finds where each node's entries and subtree
 * lie. The Maps hold the same entries in the same order as the tree that was packed.
 */
function lazyTreeNodes(packed: PackedSearchIndex, termData: (term: number) => FieldTermData): (node: number) => TreeNode {
  const labels = new Lines(packed.treeLabels);
  const shape = packed.treeShape;
  const nodes = shape.length;
  // Per node, in depth-first order: its first entry's label and term; past its subtree: the label, term and node.
  const labelStart = new Uint32Array(nodes);
  const termStart = new Uint32Array(nodes);
  const labelEnd = new Uint32Array(nodes);
  const termEnd = new Uint32Array(nodes);
  const nodeEnd = new Uint32Array(nodes);
  const path: number[] = [];
  const left: number[] = [];
  let label = 0;
  let term = 0;
  let next = 0;
  const enter = () => {
    labelStart[next] = label;
    termStart[next] = term;
    path.push(next);
    left.push(shape[next++]!);
  };
  if (nodes > 0) enter();
  while (path.length > 0) {
    const top = path.length - 1;
    if (left[top] === 0) {
      const done = path.pop()!;
      left.pop();
      labelEnd[done] = label;
      termEnd[done] = term;
      nodeEnd[done] = next;
      continue;
    }
    left[top]!--;
    if (labels.isEmpty(label++)) term++;
    else enter();
  }
  const build = (at: number): TreeNode => {
    const map: TreeNode = new Map();
    let l = labelStart[at]!;
    let t = termStart[at]!;
    let child = at + 1;
    for (let entries = shape[at]!; entries > 0; entries--) {
      const key = labels.at(l++);
      if (key === LEAF) map.set(key, termData(t++));
      else {
        const from = child;
        map.set(key, new DeferredMap(() => build(from)) as unknown as TreeNode);
        l = labelEnd[from]!;
        t = termEnd[from]!;
        child = nodeEnd[from]!;
      }
    }
    return map;
  };
  return (at) => (nodes === 0 ? new Map() : build(at));
}

function lineOf(text: string, what: string): string {
  if (text.includes(SEPARATOR)) throw new Error(`a ${what} holds a line break: ${JSON.stringify(text)}`);
  return text;
}

/** The smallest unsigned array that holds numbers below `bound`, with its largest value free to mean "none". */
function numbersArray(values: readonly number[], bound: number): Uint16Array | Uint32Array {
  return bound < 0xffff ? Uint16Array.from(values) : Uint32Array.from(values);
}

/** Packs one stored field of every document; see {@link StoredColumn}. */
function storedColumn(values: readonly unknown[]): StoredColumn {
  const present = values.filter((value) => value !== undefined);
  const stringLists = present.length > 0 && present.every((value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && !item.includes(SEPARATOR)));
  const strings = new Map<string, number>();
  const stringIndex = (text: string) => {
    let index = strings.get(text);
    if (index === undefined) strings.set(text, (index = strings.size));
    return index;
  };
  const distinct = new Map<string, number>();
  const refs = values.map((value) => {
    if (value === undefined) return -1;
    // JSON never holds a raw line break, so one joins the values.
    const json = JSON.stringify(stringLists ? (value as string[]).map(stringIndex) : value);
    let ref = distinct.get(json);
    if (ref === undefined) distinct.set(json, (ref = distinct.size));
    return ref;
  });
  const absent = distinct.size < 0xffff ? 0xffff : 0xffffffff;
  return {
    values: [...distinct.keys()].join(SEPARATOR),
    refs: numbersArray(refs.map((ref) => (ref === -1 ? absent : ref)), distinct.size),
    ...(stringLists && { strings: [...strings.keys()].join(SEPARATOR) }),
  };
}

/** Reads one document's stored fields from the columns; each distinct value is parsed once. */
function storedFieldsReader(packed: PackedSearchIndex): (doc: number) => Record<string, unknown> {
  const columns = packed.stored.map((column) => ({
    column,
    absent: column.refs instanceof Uint16Array ? 0xffff : 0xffffffff,
    values: new Lines(column.values),
    strings: new Lines(column.strings ?? ''),
    parsed: [] as unknown[],
  }));
  const parse = (reader: (typeof columns)[number], ref: number): unknown => {
    const value: unknown = JSON.parse(reader.values.at(ref));
    if (reader.column.strings === undefined) return value;
    return (value as number[]).map((index) => reader.strings.at(index));
  };
  return (doc) => {
    const fields: Record<string, unknown> = {};
    columns.forEach((reader, i) => {
      const ref = reader.column.refs[doc]!;
      if (ref === reader.absent) return;
      if (!(ref in reader.parsed)) reader.parsed[ref] = parse(reader, ref);
      fields[packed.storeFields[i]!] = reader.parsed[ref];
    });
    return fields;
  };
}

/**
 * The lines of a text, each cut out when it is read: splitting a column of 100,000 values up
 * front made as many strings, for the few a search reads.
 */
class Lines {
  private starts: Uint32Array | null = null;

  constructor(private readonly text: string) {}

  /** True when the line is empty, read without cutting it out. */
  isEmpty(line: number): boolean {
    const starts = (this.starts ??= lineStarts(this.text));
    return starts[line + 1]! - starts[line]! === 1;
  }

  /** The number of the line that is `text`, or undefined. */
  find(text: string): number | undefined {
    // No id is empty (MiniSearch refuses one), and indexOf would find '' everywhere.
    if (text === '' || text.includes(SEPARATOR)) return undefined;
    for (let at = this.text.indexOf(text); at !== -1; at = this.text.indexOf(text, at + 1)) {
      const end = at + text.length;
      if ((at > 0 && this.text[at - 1] !== SEPARATOR) || (end < this.text.length && this.text[end] !== SEPARATOR)) continue;
      const starts = (this.starts ??= lineStarts(this.text));
      // The last line starting at or before `at`.
      let low = 0;
      let high = starts.length - 2;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= at) low = middle;
        else high = middle - 1;
      }
      return low;
    }
    return undefined;
  }

  at(line: number): string {
    const starts = (this.starts ??= lineStarts(this.text));
    if (line < 0 || line + 1 >= starts.length) throw new RangeError(`no line ${line}`);
    return this.text.slice(starts[line], starts[line + 1]! - 1);
  }
}

/** Where each line of `text` starts, and one past its end (as if it ended in a line break). */
function lineStarts(text: string): Uint32Array {
  let lines = 1;
  for (let at = text.indexOf(SEPARATOR); at !== -1; at = text.indexOf(SEPARATOR, at + 1)) lines++;
  const starts = new Uint32Array(lines + 1);
  let line = 1;
  for (let at = text.indexOf(SEPARATOR); at !== -1; at = text.indexOf(SEPARATOR, at + 1)) starts[line++] = at + 1;
  starts[lines] = text.length + 1;
  return starts;
}

/** A Map built the first time it is used. */
class DeferredMap<K, V> {
  protected map: Map<K, V> | null = null;

  constructor(private readonly build: () => Map<K, V>) {}

  protected get built(): Map<K, V> {
    return (this.map ??= this.build());
  }

  get size(): number {
    return this.built.size;
  }
  get(key: K) {
    return this.built.get(key);
  }
  has(key: K) {
    return this.built.has(key);
  }
  set(key: K, value: V) {
    this.built.set(key, value);
    return this;
  }
  delete(key: K) {
    return this.built.delete(key);
  }
  clear() {
    this.built.clear();
  }
  keys() {
    return this.built.keys();
  }
  values() {
    return this.built.values();
  }
  entries() {
    return this.built.entries();
  }
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void) {
    this.built.forEach(callback);
  }
  [Symbol.iterator]() {
    return this.built.entries();
  }
}

/** A term's postings, decoded into MiniSearch's own maps the first time they are read. */
class PackedTermData extends DeferredMap<number, Map<number, number>> {
  constructor(
    private readonly source: { postings: Uint8Array; offsets: Uint32Array },
    private readonly term: number,
  ) {
    super(() => decodePostings(source.postings, source.offsets[term]!));
  }

  /** Where the postings are packed, while they have not been decoded (nor changed since). */
  get packedBytes(): { bytes: Uint8Array; start: number } | null {
    return this.map ? null : { bytes: this.source.postings, start: this.source.offsets[this.term]! };
  }
}

/** Reads the unsigned varints packed one after another from `start`, one per call. */
function varintReader(bytes: Uint8Array, start: number): () => number {
  let at = start;
  return () => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
}

function decodePostings(bytes: Uint8Array, start: number): FieldTermData {
  const read = varintReader(bytes, start);
  const data: FieldTermData = new Map();
  for (let fields = read(); fields > 0; fields--) {
    const fieldId = read();
    const docs = new Map<number, number>();
    let doc = -1;
    for (let n = read(); n > 0; n--) {
      const code = read();
      doc += Math.floor(code / 2) + 1;
      docs.set(doc, code % 2 === 0 ? 1 : read());
    }
    data.set(fieldId, docs);
  }
  return data;
}

/**
 * A Map from document numbers to values, where the values of the packed documents (`0…count-1`)
 * are read when first asked for. Documents added later, and deletions, behave as in a Map.
 */
class DenseLazyMap<V> {
  private readonly cache: (V | undefined)[];
  private readonly removed: Uint8Array;
  private removedCount = 0;
  private readonly added = new Map<number, V>();

  constructor(
    private readonly count: number,
    private readonly load: (doc: number) => V | undefined,
  ) {
    this.cache = new Array<V | undefined>(count);
    this.removed = new Uint8Array(count);
  }

  private packed(key: number): boolean {
    return Number.isInteger(key) && key >= 0 && key < this.count;
  }

  get size(): number {
    return this.count - this.removedCount + this.added.size;
  }
  get(key: number): V | undefined {
    if (!this.packed(key)) return this.added.get(key);
    if (this.removed[key]) return undefined;
    return (this.cache[key] ??= this.load(key));
  }
  has(key: number): boolean {
    return this.packed(key) ? !this.removed[key] : this.added.has(key);
  }
  set(key: number, value: V): this {
    if (!this.packed(key)) this.added.set(key, value);
    else {
      if (this.removed[key]) this.removedCount--;
      this.removed[key] = 0;
      this.cache[key] = value;
    }
    return this;
  }
  delete(key: number): boolean {
    if (!this.packed(key)) return this.added.delete(key);
    if (this.removed[key]) return false;
    this.removed[key] = 1;
    this.removedCount++;
    this.cache[key] = undefined;
    return true;
  }
  clear(): void {
    this.removed.fill(1);
    this.removedCount = this.count;
    this.cache.fill(undefined);
    this.added.clear();
  }
  *entries(): IterableIterator<[number, V]> {
    for (let key = 0; key < this.count; key++) if (!this.removed[key]) yield [key, this.get(key)!];
    yield* this.added.entries();
  }
  *keys(): IterableIterator<number> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  forEach(callback: (value: V, key: number, map: this) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
  [Symbol.iterator](): IterableIterator<[number, V]> {
    return this.entries();
  }
}

/**
 * The document number of each packed id. Until the index changes, an id is looked up in the ids'
 * text (a millisecond), not in a Map of every id (50 ms and some megabytes at 100,000 papers),
 * which a woken worker's first search by arXiv id would otherwise build.
 */
class IdToDocument extends DeferredMap<unknown, number> {
  constructor(
    private readonly ids: Lines,
    private readonly count: number,
    build: () => Map<unknown, number>,
  ) {
    super(build);
  }

  override get(key: unknown): number | undefined {
    if (this.map) return this.map.get(key);
    return typeof key === 'string' && this.count > 0 ? this.ids.find(key) : undefined;
  }
  override has(key: unknown): boolean {
    return this.get(key) !== undefined;
  }
}

/** Appends varints to a growing byte array. */
class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  varint(value: number): void {
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 128) | 0x80;
      rest = Math.floor(rest / 128);
    }
    this.bytes[this.length++] = rest;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
