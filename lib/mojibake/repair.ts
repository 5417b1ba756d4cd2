/**
 * Repair of mojibake whose damaged sequences lost bytes.
 *
 * Decoding is joint, not greedy: about one Chinese character in four is
 * damaged, so neighbours are often both uncertain and only make sense as a
 * pair. Each stretch of text around damaged characters becomes a lattice whose
 * paths choose one candidate per position *and* a segmentation into words.
 * A path scores
 *     charWeight    · Σ log P_char(c_i | previous chars)
 *   + wordWeight    · Σ log P_word(w)            (over the path's words)
 *   + triggerWeight · Σ trigger support of each damaged position's choice
 * and the best path is found exactly with Viterbi over states = the last
 * order-1 characters. A backward pass gives max-marginals (best path score
 * with a given character forced at a position), whose margin to the runner-up
 * is what decides whether a choice is reported as uncertain.
 */
import { scanMojibake } from './bytes';
import { looksLikeMojibake } from './detect';
import { CLAUSE_END, isHan, suffixCodePoints, type RepairModel, type RepairWeights } from './language-model';
import { TRANSPARENT } from './word-classes';

/** A repaired character the model was not sure about. */
export interface UncertainChar {
  /** Code-point index in the repaired text. */
  index: number;
  /** Character written to the repaired text. */
  chosen: string;
  /** Next-best characters, best first. */
  alternatives: string[];
}

/** Outcome of a repair. */
export interface RepairResult {
  text: string;
  /** Whether the output differs from the input. */
  repaired: boolean;
  /** Number of characters that had lost bytes and had to be guessed. */
  damagedChars: number;
  uncertain: UncertainChar[];
}

/** Scores behind one damaged-character decision, best first (max-marginal log-scores). */
export interface RepairDecision {
  index: number;
  ranked: [string, number][];
}

/** Per-call overrides of the model's decoder settings, plus an optional diagnostics hook. */
export type RepairOptions = Partial<RepairWeights> & {
  /** Called once per damaged character with its ranked candidates (before document pooling); for calibration and debugging. */
  onDecision?: (decision: RepairDecision) => void;
  /**
   * Give every occurrence of one broken byte pattern in one context the same answer, chosen on
   * their pooled scores (default true; false decides each occurrence alone, as the previous
   * release did, for measuring against it).
   */
  documentConsistency?: boolean;
};

interface Slot {
  /** Candidate characters; exactly one for undamaged positions. */
  chars: string[];
  damaged: boolean;
  /** The damage model could not explain this sequence; always reported as uncertain. */
  forced: boolean;
  /** The damaged input this slot was read from (its code-page characters); '' for undamaged slots. */
  source: string;
}

/** One damaged character's candidates with their max-marginal scores relative to the best, chosen first. */
interface WindowDecision {
  index: number;
  ranked: [string, number][];
  /** Whether the best path reads the chosen character inside a dictionary word of two or more characters, one of them undamaged. */
  inWord: boolean;
}

interface LatState {
  ctx: string;
  /** Word class of the last word on the best path here (-1 unknown): part of the state, since transitions depend on it. */
  cls: number;
  /** Best score of a path from the window start to this state. */
  alpha: number;
  /** Best score from this state to the window end. */
  beta: number;
  back: LatEdge | null;
}

interface LatEdge {
  from: LatState;
  to: LatState;
  start: number;
  /** Number of positions (code points) the edge covers. */
  length: number;
  score: number;
  word: string;
}

/** Upper bound on lattice states kept per position; only reached when several many-candidate positions touch. */
const MAX_STATES = 96;
/**
 * States whose prefix score is this many nats below the best state at the same
 * position are dropped. Most candidates of a damaged character are absurd
 * (rare ideographs), yet each would otherwise live on as a context state for
 * two more positions. The beam is far wider than any uncertainty margin, so
 * it only ever removes alternatives nobody would list.
 */
const BEAM = 16;
/**
 * Undamaged context kept on each side of damaged characters is at least this
 * many characters (more when the lexicon has longer words): every word that
 * touches a damaged position, and every segmentation competing with it, must
 * fit inside one lattice window. Damaged characters closer than twice this
 * share a window.
 */
const MIN_CONTEXT = 16;

function toSlots(text: string): Slot[] {
  const slots: Slot[] = [];
  for (const piece of scanMojibake(text)) {
    if (piece.kind === 'kept') for (const ch of piece.text) slots.push({ chars: [ch], damaged: false, forced: false, source: '' });
    else if (piece.kind === 'decoded') slots.push({ chars: [piece.char], damaged: false, forced: false, source: '' });
    else slots.push({ chars: piece.candidates, damaged: true, forced: piece.forced, source: piece.source });
  }
  return slots;
}

class WindowDecoder {
  private readonly singleScores = new Map<string, number>();
  private readonly ctxLen: number;

  constructor(
    private readonly model: RepairModel,
    private readonly weights: RepairWeights,
    private readonly onDecision?: (decision: RepairDecision) => void,
  ) {
    this.ctxLen = model.chars.order - 1;
  }

  private shift(ctx: string, ch: string): string {
    return suffixCodePoints(ctx + ch, this.ctxLen);
  }

  /** Undamaged Han characters 2..window positions away in one direction, stopping at a clause end or line end. */
  private context(slots: Slot[], at: number, step: 1 | -1, window: number): string[] {
    const out: string[] = [];
    for (let d = 1; d <= window; d++) {
      const slot = slots[at + step * d];
      if (!slot) break;
      if (slot.damaged) continue;
      const ch = slot.chars[0]!;
      if (CLAUSE_END.has(ch)) break;
      if (d >= 2 && isHan(ch)) out.push(ch);
    }
    return out;
  }

  /** Word-model score of a one-character word; constant-per-class for characters the dictionary lacks. */
  private singleScore(ch: string): number {
    const cached = this.singleScores.get(ch);
    if (cached !== undefined) return cached;
    const lex = this.model.words;
    let s = 0;
    if (lex) s = lex.wordLogProb(ch) ?? (isHan(ch) ? this.weights.unknownHanLogProb : this.weights.symbolLogProb);
    this.singleScores.set(ch, s);
    return s;
  }

  /**
   * Decode slots[a, b) given the fixed context before `a`. Writes chosen
   * characters into `out` and pushes one decision per damaged position.
   */
  decode(slots: Slot[], a: number, b: number, ctx0: string, atLineEnd: boolean, out: string[], decisions: WindowDecision[]): void {
    const { chars: lm, words: lex } = this.model;
    const wordWeight = lex ? this.weights.wordWeight : 0;
    const charWeight = this.weights.charWeight;
    const maxLen = lex ? lex.maxWordLength : 1;
    const width = b - a;
    const nodes: Map<string, LatState>[] = [];
    const edgesFrom: LatEdge[][] = [];
    for (let i = 0; i <= width; i++) {
      nodes.push(new Map());
      edgesFrom.push([]);
    }
    nodes[0]!.set(ctx0, { ctx: ctx0, cls: -1, alpha: 0, beta: -Infinity, back: null });
    const classes = lex ? this.model.classes : undefined;
    const classWeight = classes ? this.weights.classWeight : 0;

    // Trigger support is a per-position, per-candidate bonus from undamaged characters nearby.
    const unary = new Map<number, Map<string, number>>();
    const triggers = this.model.triggers;
    if (triggers && this.weights.triggerWeight !== 0) {
      for (let p = 0; p < width; p++) {
        const slot = slots[a + p]!;
        if (!slot.damaged) continue;
        const before = this.context(slots, a + p, -1, triggers.window);
        const after = this.context(slots, a + p, 1, triggers.window);
        const m = new Map<string, number>();
        for (const ch of slot.chars) m.set(ch, this.weights.triggerWeight * triggers.score(ch, before, after));
        unary.set(p, m);
      }
    }

    const emit = (from: LatState, start: number, end: number, ctx: string, word: string, wordScore: number, wordCls: number) => {
      const node = nodes[end]!;
      const cls = wordCls === TRANSPARENT ? from.cls : wordCls;
      const key = classes ? `${ctx}\u0000${cls}` : ctx;
      const score = classWeight === 0 ? wordScore : wordScore + classWeight * classes!.score(from.cls, wordCls);
      let to = node.get(key);
      if (!to) {
        to = { ctx, cls, alpha: -Infinity, beta: -Infinity, back: null };
        node.set(key, to);
      }
      const edge: LatEdge = { from, to, start, length: end - start, score, word };
      edgesFrom[start]!.push(edge);
      if (from.alpha + score > to.alpha) {
        to.alpha = from.alpha + score;
        to.back = edge;
      }
    };
    const walk = (from: LatState, start: number, pos: number, word: string, ctx: string, acc: number) => {
      const depth = pos - start + 1;
      const bonus = unary.get(pos);
      for (const ch of slots[a + pos]!.chars) {
        const lp = acc + charWeight * lm.logProb(ctx, ch) + (bonus?.get(ch) ?? 0);
        const next = this.shift(ctx, ch);
        const w = word + ch;
        if (depth === 1) {
          const cls = classes ? (lex!.wordClass(ch) >= 0 ? lex!.wordClass(ch) : classes.charClass(ch)) : -1;
          emit(from, start, pos + 1, next, w, lp + wordWeight * this.singleScore(ch), cls);
        } else {
          const wl = lex!.wordLogProb(w);
          if (wl !== undefined) emit(from, start, pos + 1, next, w, lp + wordWeight * wl, classes ? lex!.wordClass(w) : -1);
        }
        if (lex && depth < maxLen && pos + 1 < width && lex.isPrefix(w)) walk(from, start, pos + 1, w, next, lp);
      }
    };

    for (let j = 0; j < width; j++) {
      const node = nodes[j]!;
      let top = -Infinity;
      for (const st of node.values()) if (st.alpha > top) top = st.alpha;
      let states = [...node.values()].filter((s) => s.alpha > -Infinity && s.alpha >= top - BEAM);
      if (states.length > MAX_STATES) {
        states.sort((x, y) => y.alpha - x.alpha);
        states = states.slice(0, MAX_STATES);
      }
      for (const st of states) walk(st, j, j, '', st.ctx, 0);
    }

    const finals = nodes[width]!;
    let best: LatState | undefined;
    let bestScore = -Infinity;
    for (const st of finals.values()) {
      st.beta = atLineEnd ? charWeight * lm.logProb(st.ctx, '\n') : 0;
      if (st.alpha + st.beta > bestScore) {
        bestScore = st.alpha + st.beta;
        best = st;
      }
    }
    for (let j = width - 1; j >= 0; j--) {
      for (const e of edgesFrom[j]!) {
        const v = e.score + e.to.beta;
        if (v > e.from.beta) e.from.beta = v;
      }
    }

    // damagedBefore[p] = damaged positions in [0, p): lets edges over undamaged text be skipped without splitting words.
    const damagedBefore = new Int32Array(width + 1);
    for (let p = 0; p < width; p++) damagedBefore[p + 1] = damagedBefore[p]! + (slots[a + p]!.damaged ? 1 : 0);

    // Max-marginals per damaged position: best total over edges that put a given character there.
    const marginals = new Map<number, Map<string, number>>();
    for (let j = 0; j < width; j++) {
      for (const e of edgesFrom[j]!) {
        if (damagedBefore[e.start + e.length] === damagedBefore[e.start]) continue;
        const total = e.from.alpha + e.score + e.to.beta;
        if (total === -Infinity) continue;
        const chars = Array.from(e.word);
        for (let k = 0; k < chars.length; k++) {
          const p = e.start + k;
          if (!slots[a + p]!.damaged) continue;
          let m = marginals.get(p);
          if (!m) marginals.set(p, (m = new Map()));
          const ch = chars[k]!;
          if (total > (m.get(ch) ?? -Infinity)) m.set(ch, total);
        }
      }
    }

    const inWord = new Set<number>();
    for (let e = best?.back ?? null; e; e = e.from.back) {
      const chars = Array.from(e.word);
      // A word counts only when one of its characters was read, not guessed (送来 for a damaged 逐步 does not).
      const anchored = damagedBefore[e.start + e.length]! - damagedBefore[e.start]! < e.length;
      for (let k = 0; k < chars.length; k++) {
        out[a + e.start + k] = chars[k]!;
        if (chars.length > 1 && anchored) inWord.add(e.start + k);
      }
    }

    for (let p = 0; p < width; p++) {
      const slot = slots[a + p]!;
      if (!slot.damaged) continue;
      // A path always exists (single-character edges cover everything), but guard anyway: never leave a hole.
      if (out[a + p] === undefined) out[a + p] = slot.chars[0]!;
      const chosen = out[a + p]!;
      const m = marginals.get(p) ?? new Map<string, number>();
      const chosenScore = m.get(chosen) ?? bestScore;
      const others = [...m.entries()].filter(([ch]) => ch !== chosen).sort((x, y) => y[1] - x[1]);
      if (this.onDecision) this.onDecision({ index: a + p, ranked: [[chosen, chosenScore], ...others] });
      decisions.push({ index: a + p, ranked: [[chosen, 0], ...others.map(([ch, s]): [string, number] => [ch, s - chosenScore])], inWord: inWord.has(p) });
    }
  }
}

/**
 * Relative score given to a candidate that one occurrence of a pattern pruned away (the beam is 16
 * nats, so it lost by at least about that much there).
 */
const PRUNED_SCORE = -BEAM;

/**
 * How a damaged character is recognised as "the same broken byte pattern in the same context":
 * its own damaged bytes and those of the two slots on each side (undamaged slots by their
 * character, damaged ones by their bytes), within one line.
 */
function patternKey(slots: Slot[], i: number, lineStart: number, lineEnd: number): string {
  let key = slots[i]!.source;
  for (const j of [i - 2, i - 1, i + 1, i + 2]) {
    const slot = j >= lineStart && j < lineEnd ? slots[j]! : undefined;
    key += '\u0000' + (slot === undefined ? '\n' : slot.damaged ? `\u0001${slot.source}` : slot.chars[0]!);
  }
  return key;
}

/**
 * Document-level consistency: every occurrence of one pattern gets the candidate with the best
 * mean relative score over all its occurrences, and the margin it is judged uncertain by is that
 * mean margin. A name or phrase that recurs is then repaired (and marked) the same way in every
 * field, and one occurrence with poor context is outvoted by the others. The margin that marks is
 * the smaller `uncertainMarginInWord` when most occurrences read the choice inside a word.
 */
function poolDecisions(groups: Map<string, WindowDecision[]>, out: string[], slots: Slot[], weights: RepairWeights, uncertain: UncertainChar[]): void {
  for (const members of groups.values()) {
    const sums = new Map<string, number>();
    for (const d of members) for (const [ch] of d.ranked) sums.set(ch, 0);
    for (const d of members) {
      const own = new Map(d.ranked);
      for (const ch of sums.keys()) sums.set(ch, sums.get(ch)! + (own.get(ch) ?? PRUNED_SCORE));
    }
    const ranked = [...sums].map(([ch, s]): [string, number] => [ch, s / members.length]).sort((x, y) => y[1] - x[1]);
    const [chosen, chosenScore] = ranked[0]!;
    const runnerUp = ranked[1]?.[1] ?? -Infinity;
    const alternatives = ranked
      .slice(1)
      .filter(([, s]) => chosenScore - s < weights.alternativeWindow)
      .slice(0, 5)
      .map(([ch]) => ch);
    const inWordShare = members.filter((d) => d.inWord && d.ranked[0]![0] === chosen).length / members.length;
    const margin = inWordShare >= 0.5 ? weights.uncertainMarginInWord : weights.uncertainMargin;
    for (const d of members) {
      out[d.index] = chosen;
      if (slots[d.index]!.forced || chosenScore - runnerUp < margin) uncertain.push({ index: d.index, chosen, alternatives });
    }
  }
}

/**
 * Repair text unconditionally: read it as code-page bytes, keep complete UTF-8
 * sequences, fill truncated ones with the language model, and keep verbatim
 * anything that is not part of a sequence. Never introduces U+FFFD.
 */
export function repairMojibake(text: string, model: RepairModel, options: RepairOptions = {}): RepairResult {
  const { onDecision, documentConsistency = true, ...overrides } = options;
  const weights: RepairWeights = { ...model.weights, ...overrides };
  const slots = toSlots(text);
  const out: string[] = new Array(slots.length);
  for (let i = 0; i < slots.length; i++) if (!slots[i]!.damaged) out[i] = slots[i]!.chars[0]!;
  const uncertain: UncertainChar[] = [];
  const groups = new Map<string, WindowDecision[]>();
  const decoder = new WindowDecoder(model, weights, onDecision);
  const ctxLen = model.chars.order - 1;
  const margin = Math.max(MIN_CONTEXT, 2 * (model.words?.maxWordLength ?? 0), 2 * ctxLen);
  let damagedChars = 0;

  let lineStart = 0;
  while (lineStart < slots.length) {
    let lineEnd = lineStart;
    while (lineEnd < slots.length && !(slots[lineEnd]!.chars.length === 1 && slots[lineEnd]!.chars[0] === '\n')) lineEnd++;
    const damaged: number[] = [];
    for (let i = lineStart; i < lineEnd; i++) if (slots[i]!.damaged) damaged.push(i);
    damagedChars += damaged.length;
    let k = 0;
    while (k < damaged.length) {
      let last = k;
      while (last + 1 < damaged.length && damaged[last + 1]! - damaged[last]! <= 2 * margin) last++;
      const a = Math.max(lineStart, damaged[k]! - margin);
      const b = Math.min(lineEnd, damaged[last]! + margin + 1);
      let ctx = '';
      for (let i = a - 1; i >= a - ctxLen; i--) ctx = (i >= lineStart ? out[i]! : '\n') + ctx;
      const decisions: WindowDecision[] = [];
      decoder.decode(slots, a, b, ctx, b === lineEnd, out, decisions);
      for (const d of decisions) {
        // Without consistency every occurrence is its own group, which decides it exactly as the window did.
        const key = documentConsistency ? patternKey(slots, d.index, lineStart, lineEnd) : String(d.index);
        const group = groups.get(key);
        if (group) group.push(d);
        else groups.set(key, [d]);
      }
      k = last + 1;
    }
    lineStart = lineEnd + 1;
  }

  poolDecisions(groups, out, slots, weights, uncertain);
  const repairedText = out.join('');
  uncertain.sort((x, y) => x.index - y.index);
  return { text: repairedText, repaired: repairedText !== text, damagedChars, uncertain };
}

/**
 * Repair only when {@link looksLikeMojibake} says so; otherwise return the
 * input unchanged with `repaired: false` and nothing damaged.
 */
export function repairIfMojibake(text: string, model: RepairModel, options: RepairOptions = {}): RepairResult {
  if (!looksLikeMojibake(text)) return { text, repaired: false, damagedChars: 0, uncertain: [] };
  return repairMojibake(text, model, options);
}
