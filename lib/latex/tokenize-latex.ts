/**
 * Splits abstract text that carries LaTeX fragments into text / math / url
 * tokens. Text commands are resolved here (so prose never reaches KaTeX);
 * math is only delimited, not interpreted.
 *
 * Input is untrusted and often malformed (arXiv truncates abstracts, so
 * `\footnote{…` may never close). The tokenizer therefore never throws:
 * unbalanced groups close at end of input, stray `}` are dropped, lone `$`
 * is a literal dollar.
 */
import { MATH_COMMAND_ARITY, MATH_OPTIONAL_ARG, isMathCommand } from './math-symbols.ts';
import {
  MATH_ENVIRONMENTS,
  TEXT_ACCENTS,
  TEXT_ARG_COMMANDS,
  TEXT_CONTROL_SYMBOLS,
  TEXT_DROP_COMMANDS,
  TEXT_SKIP_THEN_KEEP,
  TEXT_SWITCHES,
  TEXT_SYMBOLS,
} from './text-commands.ts';
import {
  controlWordEnd,
  createTexSource,
  findGroupEnd,
  isLetter,
  readBracedArg,
  readOptionalArg,
  skipSpaces,
  texArgEnd,
  type TexSource,
} from './tex-scan.ts';
import type { Emphasis, LatexToken } from './types.ts';
import { cleanUrl, isHttpUrl } from './url.ts';

/**
 * Token under construction. Text is kept as a list of parts and joined once
 * at the end: appending to and then inspecting one growing string would
 * flatten V8's rope on every inspection and make long input quadratic.
 */
type Draft =
  | { kind: 'text'; parts: string[]; emphasis: Emphasis | undefined }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'url'; url: string };

interface Frame {
  kind: 'root' | 'group' | 'footnote' | 'href';
  emphasis: Emphasis | undefined;
  href?: string;
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

// `$\textit{Align Your Steps}$`: a math span that only wraps prose in a text
// command. Content may hold escaped specials but no further commands, groups
// or scripts, otherwise it is real math and stays with KaTeX.
const TEXT_ONLY_MATH =
  /^\s*\\(text|textit|textbf|textrm|textsf|textnormal|textup|textsl|textmd|emph|texttt|mbox)\s*\{((?:[^{}\\$^_]|\\[%&_#$ ])*)\}\s*$/;

const PLAIN_RUN = /[\\${}~`']/g;
const DEF_COMMANDS = new Set(['def', 'gdef', 'edef', 'xdef']);
const NEWCOMMANDS = new Set(['newcommand', 'renewcommand', 'providecommand', 'DeclareMathOperator']);

/**
 * Tokenizes one piece of abstract text. The result has collapsed ASCII
 * whitespace (non-breaking spaces from `~` survive), no leading/trailing
 * whitespace, and adjacent text tokens with the same emphasis merged.
 */
export function tokenizeLatex(input: string): LatexToken[] {
  return new Tokenizer(input).run();
}

class Tokenizer {
  private readonly s: string;
  private readonly src: TexSource;
  private i = 0;
  private readonly out: Draft[] = [];
  private readonly frames: Frame[] = [{ kind: 'root', emphasis: undefined }];
  private openSingleQuotes = 0;
  /** End index of the last bare (undelimited) math span, to merge `\alpha\beta`. */
  private lastBareMathEnd = -1;
  /**
   * Closers (`\)`, `\end{equation}` …) known to be absent from some index
   * on. Remembering a failed search keeps repeated unclosed openers linear.
   */
  private readonly missingFrom = new Map<string, number>();

  constructor(input: string) {
    this.s = input;
    this.src = createTexSource(input);
  }

  private findCloser(closer: string, from: number): number {
    const missing = this.missingFrom.get(closer);
    if (missing !== undefined && from >= missing) return -1;
    const at = this.s.indexOf(closer, from);
    if (at < 0) this.missingFrom.set(closer, Math.min(from, missing ?? from));
    return at;
  }

  run(): LatexToken[] {
    const s = this.s;
    while (this.i < s.length) {
      const ch = s[this.i]!;
      switch (ch) {
        case '\\':
          this.i = this.backslash(this.i);
          break;
        case '$':
          this.i = this.dollar(this.i);
          break;
        case '{':
          this.pushFrame('group', this.top().emphasis);
          this.i++;
          break;
        case '}':
          // A stray closer (more `}` than `{`) is dropped rather than shown.
          this.closeFrame();
          this.i++;
          break;
        case '~':
          this.emitText('\u00a0');
          this.i++;
          break;
        case '`':
          if (s[this.i + 1] === '`') {
            this.emitText('“');
            this.i += 2;
          } else {
            this.emitText('‘');
            this.openSingleQuotes++;
            this.i++;
          }
          break;
        case "'":
          if (s[this.i + 1] === "'") {
            this.emitText('”');
            this.i += 2;
          } else if (this.openSingleQuotes > 0 && !isLetter(s[this.i + 1])) {
            // Only a quote opened with ` is closed typographically; other ' are apostrophes.
            this.emitText('’');
            this.openSingleQuotes--;
            this.i++;
          } else {
            this.emitText("'");
            this.i++;
          }
          break;
        default: {
          PLAIN_RUN.lastIndex = this.i;
          const m = PLAIN_RUN.exec(s);
          const end = m ? m.index : s.length;
          this.emitText(s.slice(this.i, end));
          this.i = end;
        }
      }
    }
    while (this.frames.length > 1) this.closeFrame();
    return normalizeTokens(
      this.out.map((d): LatexToken => {
        if (d.kind !== 'text') return d;
        const text = d.parts.join('');
        return d.emphasis === undefined ? { kind: 'text', text } : { kind: 'text', text, emphasis: d.emphasis };
      }),
    );
  }

  // ---- output helpers -------------------------------------------------

  private top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private pushFrame(kind: Frame['kind'], emphasis: Emphasis | undefined, href?: string): void {
    this.frames.push(href === undefined ? { kind, emphasis } : { kind, emphasis, href });
  }

  private closeFrame(): void {
    if (this.frames.length <= 1) return;
    const f = this.frames.pop()!;
    if (f.kind === 'footnote') {
      this.trimTrailingSpace();
      this.emitText(')');
    } else if (f.kind === 'href' && f.href !== undefined && isHttpUrl(f.href)) {
      // The link text was emitted already; show where it points so the URL is not lost.
      this.emitText(' (');
      this.emitUrl(f.href);
      this.emitText(')');
    }
  }

  private emitText(text: string, emphasis: Emphasis | undefined = this.top().emphasis): void {
    if (text === '') return;
    const last = this.out[this.out.length - 1];
    if (last?.kind === 'text' && last.emphasis === emphasis) last.parts.push(text);
    else this.out.push({ kind: 'text', parts: [text], emphasis });
  }

  private emitUrl(raw: string): void {
    const url = cleanUrl(raw);
    if (url !== '') this.out.push({ kind: 'url', url });
  }

  private emitMath(tex: string, display: boolean, bareStart = -1): void {
    if (tex.trim() === '') return;
    const textOnly = TEXT_ONLY_MATH.exec(tex);
    if (textOnly) {
      const em = TEXT_ARG_COMMANDS[textOnly[1]!];
      this.emitText(textOnly[2]!.replace(/\\(.)/g, '$1'), em ?? this.top().emphasis);
      return;
    }
    const last = this.out[this.out.length - 1];
    if (bareStart >= 0 && bareStart === this.lastBareMathEnd && last?.kind === 'math' && !last.display) {
      last.tex += tex;
      return;
    }
    this.out.push({ kind: 'math', tex, display });
  }

  private trimTrailingSpace(): void {
    const last = this.out[this.out.length - 1];
    if (last?.kind !== 'text') return;
    while (last.parts.length > 0) {
      const part = last.parts[last.parts.length - 1]!;
      let end = part.length;
      while (end > 0 && /[ \t\r\n]/.test(part[end - 1]!)) end--;
      if (end > 0) {
        last.parts[last.parts.length - 1] = part.slice(0, end);
        return;
      }
      last.parts.pop();
    }
    this.out.pop();
  }

  private lastCharIsSpaceOrStart(): boolean {
    const last = this.out[this.out.length - 1];
    if (last === undefined) return true;
    if (last.kind !== 'text') return false;
    const part = last.parts[last.parts.length - 1] ?? '';
    return /\s/.test(part[part.length - 1] ?? '');
  }

  // ---- `$` and math delimiters -----------------------------------------

  private dollar(i: number): number {
    const s = this.s;
    if (s[i + 1] === '$') {
      const close = findUnescaped(s, '$$', i + 2);
      if (close >= 0) {
        // A blank `$$ $$` is not math; keep it verbatim rather than re-pairing its dollars.
        if (s.slice(i + 2, close).trim() === '') this.emitText(s.slice(i, close + 2));
        else this.emitMath(s.slice(i + 2, close), true);
        return close + 2;
      }
      // `$$` that never closes: keep one literal `$` and let the next one be parsed on its own.
      this.emitText('$');
      return i + 1;
    }
    const close = findUnescaped(s, '$', i + 1);
    if (close < 0) {
      this.emitText('$');
      return i + 1;
    }
    if (s.slice(i + 1, close).trim() === '') this.emitText(s.slice(i, close + 1));
    else this.emitMath(s.slice(i + 1, close), false);
    return close + 1;
  }

  private delimitedMath(i: number, closer: string, display: boolean, literal: string): number {
    const close = this.findCloser(closer, i + 2);
    if (close < 0) {
      this.emitText(literal);
      return i + 2;
    }
    this.emitMath(this.s.slice(i + 2, close), display);
    return close + closer.length;
  }

  // ---- backslash dispatch ---------------------------------------------

  private backslash(i: number): number {
    const s = this.s;
    const next = s[i + 1];
    if (next === undefined) return i + 1;
    if (isLetter(next)) {
      const end = controlWordEnd(s, i + 1);
      return this.command(s.slice(i + 1, end), i, end);
    }
    if (next === '(') return this.delimitedMath(i, '\\)', false, '(');
    if (next === '[') return this.delimitedMath(i, '\\]', true, '[');
    // `\'e`, `\"{o}` …; without a letter argument (`\~{}`) they stand for the character itself.
    if (has(TEXT_ACCENTS, next)) return this.accent(next, i + 2, false);
    if (has(TEXT_CONTROL_SYMBOLS, next)) {
      this.emitText(TEXT_CONTROL_SYMBOLS[next]!);
      return i + 2;
    }
    // Any other escaped character stands for itself (`\)` `\]` `\*` …).
    this.emitText(next);
    return i + 2;
  }

  private command(name: string, start: number, end: number): number {
    const s = this.s;
    const top = this.top();

    if (name === 'begin' || name === 'end') return this.environment(name, end);

    if (name === 'url' || name === 'nolinkurl') {
      const arg = readBracedArg(this.src, end);
      if (arg) {
        this.emitUrl(arg.content);
        return arg.end;
      }
      const j = skipSpaces(s, end);
      if (s[j] === '{') {
        // Truncated `\url{…` with no closing brace: the URL runs to the next whitespace.
        let k = j + 1;
        while (k < s.length && s[k] !== '}' && !/\s/.test(s[k]!)) k++;
        this.emitUrl(s.slice(j + 1, k));
        return k;
      }
      return end;
    }

    if (name === 'href') {
      const url = readBracedArg(this.src, end);
      if (!url) return end;
      const k = skipSpaces(s, url.end);
      if (s[k] === '{') {
        this.pushFrame('href', top.emphasis, cleanUrl(url.content));
        return k + 1;
      }
      this.emitUrl(url.content);
      return url.end;
    }

    if (name === 'footnote' || name === 'thanks') {
      const opt = readOptionalArg(this.src, end);
      const k = skipSpaces(s, opt ? opt.end : end);
      if (s[k] !== '{') return end;
      this.emitText(this.lastCharIsSpaceOrStart() ? '(' : ' (', undefined);
      this.pushFrame('footnote', undefined);
      return k + 1;
    }

    if (has(TEXT_ARG_COMMANDS, name)) {
      const k = skipSpaces(s, end);
      if (s[k] !== '{') return end;
      // `null` styles (\textsc, \text …) keep whatever emphasis surrounds them.
      this.pushFrame('group', TEXT_ARG_COMMANDS[name] ?? top.emphasis);
      return k + 1;
    }

    if (has(TEXT_SWITCHES, name)) {
      top.emphasis = TEXT_SWITCHES[name] ?? undefined;
      // A declaration is never followed by a meaningful space (`{\bf X}`).
      return skipSpaces(s, end);
    }

    if (has(TEXT_SKIP_THEN_KEEP, name)) {
      let p = end;
      for (let opt = readOptionalArg(this.src, p); opt; opt = readOptionalArg(this.src, p)) p = opt.end;
      for (let n = TEXT_SKIP_THEN_KEEP[name]!; n > 0; n--) {
        const arg = readBracedArg(this.src, p);
        if (!arg) break;
        p = arg.end;
      }
      const k = skipSpaces(s, p);
      if (s[k] === '{') {
        this.pushFrame('group', top.emphasis);
        return k + 1;
      }
      return p;
    }

    if (DEF_COMMANDS.has(name) || NEWCOMMANDS.has(name) || name === 'let') return skipDefinition(this.src, name, end);

    if (has(TEXT_DROP_COMMANDS, name)) {
      const spec = TEXT_DROP_COMMANDS[name]!;
      let p = end;
      if (spec.opt) for (let opt = readOptionalArg(this.src, p); opt; opt = readOptionalArg(this.src, p)) p = opt.end;
      for (let n = spec.args; n > 0; n--) {
        const arg = readBracedArg(this.src, p);
        if (!arg) break;
        p = arg.end;
      }
      this.emitText(spec.emit);
      return p;
    }

    if (has(TEXT_SYMBOLS, name)) {
      this.emitText(TEXT_SYMBOLS[name]!);
      return end;
    }

    if (name.length === 1 && has(TEXT_ACCENTS, name)) return this.accent(name, end, true);

    if (isMathCommand(name)) return this.bareMath(name, start, end);

    // Unknown command. With an argument it is treated as a wrapper whose
    // content stays visible; alone it is most likely a word-like macro
    // (`\ours`, `\eg`), so its name is the best reader-facing guess.
    if (s[end] === '{') {
      this.pushFrame('group', top.emphasis);
      return end + 1;
    }
    this.emitText(name);
    return end;
  }

  /** A math command outside `$…$` (`PixArt-\Sigma`) becomes an inline math span with its arguments and scripts. */
  private bareMath(name: string, start: number, end: number): number {
    const s = this.s;
    let p = end;
    if (MATH_OPTIONAL_ARG.has(name) && s[p] === '[') {
      const opt = readOptionalArg(this.src, p);
      if (opt) p = opt.end;
    }
    for (let n = MATH_COMMAND_ARITY[name] ?? 0; n > 0; n--) {
      const e = texArgEnd(this.src, p);
      if (e < 0) break;
      p = e;
    }
    while (s[p] === '^' || s[p] === '_') {
      const e = texArgEnd(this.src, p + 1);
      if (e < 0) break;
      p = e;
    }
    this.emitMath(s.slice(start, p), false, start);
    this.lastBareMathEnd = p;
    return p;
  }

  private environment(name: 'begin' | 'end', end: number): number {
    const s = this.s;
    const arg = readBracedArg(this.src, end);
    if (!arg) return end;
    const env = arg.content.trim();
    if (name === 'begin' && has(MATH_ENVIRONMENTS, env)) {
      const closer = `\\end{${env}}`;
      const close = this.findCloser(closer, arg.end);
      if (close >= 0) {
        const body = s.slice(arg.end, close);
        const wrap = MATH_ENVIRONMENTS[env];
        this.emitMath(wrap ? `\\begin{${wrap}}${body}\\end{${wrap}}` : body, true);
        return close + closer.length;
      }
    }
    // Prose environments (abstract, itemize, …) only separate content.
    this.emitText(' ');
    return arg.end;
  }

  private accent(key: string, argStart: number, letterNamed: boolean): number {
    const s = this.s;
    const mark = TEXT_ACCENTS[key]!;
    let j = letterNamed ? skipSpaces(s, argStart) : argStart;
    let base = '';
    if (s[j] === '{') {
      const close = findGroupEnd(this.src, j);
      if (close < 0) return argStart; // let the `{` open an ordinary group
      base = s
        .slice(j + 1, close)
        .replace(/\\([ij])(?![A-Za-z])/g, '$1')
        .replace(/[{}\\]/g, '');
      j = close + 1;
    } else if (s[j] === '\\' && (s[j + 1] === 'i' || s[j + 1] === 'j') && !isLetter(s[j + 2])) {
      base = s[j + 1]!;
      j += 2;
    } else if (s[j] !== undefined && /[A-Za-z]/.test(s[j]!)) {
      base = s[j]!;
      j += 1;
    }
    if (base === '') {
      // `\~{}` / `\^{}` mean the bare character; letter-named accents have none.
      if (!letterNamed) this.emitText(key);
      return j;
    }
    const chars = [...base];
    this.emitText((chars[0]! + mark + chars.slice(1).join('')).normalize('NFC'));
    return j;
  }
}

/** Index of the next `needle` not preceded by a backslash escape, or -1. */
function findUnescaped(s: string, needle: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s.startsWith(needle, j)) return j;
  }
  return -1;
}

/**
 * Skips a macro definition (`\def\a{…}`, `\newcommand{\a}[1]{…}`,
 * `\let\a=\b`) in prose: abstracts have no business defining macros, and
 * executing them would be a denial-of-service vector.
 */
function skipDefinition(src: TexSource, name: string, end: number): number {
  const s = src.s;
  let p = skipSpaces(s, end);
  if (name === 'let') {
    p = texArgEnd(src, p);
    if (p < 0) return end;
    p = skipSpaces(s, p);
    if (s[p] === '=') p++;
    const e = texArgEnd(src, p);
    return e < 0 ? p : e;
  }
  if (DEF_COMMANDS.has(name)) {
    if (s[p] === '\\') p = texArgEnd(src, p);
    if (p < 0) return end;
    const open = s.indexOf('{', p);
    if (open < 0) return s.length;
    const close = findGroupEnd(src, open);
    return close < 0 ? s.length : close + 1;
  }
  const first = texArgEnd(src, p);
  if (first < 0) return end;
  p = first;
  for (let opt = readOptionalArg(src, p); opt; opt = readOptionalArg(src, p)) p = opt.end;
  const body = readBracedArg(src, p);
  return body ? body.end : p;
}

/**
 * Collapses ASCII whitespace (within and across tokens), trims the ends and
 * merges neighbouring text tokens with equal emphasis. Non-breaking spaces
 * from `~` are deliberate and kept.
 */
export function normalizeTokens(tokens: readonly LatexToken[]): LatexToken[] {
  const out: LatexToken[] = [];
  let prevEndsWithSpace = true;
  for (const t of tokens) {
    if (t.kind !== 'text') {
      out.push(t);
      prevEndsWithSpace = false;
      continue;
    }
    let text = t.text.replace(/[ \t\r\n\f\v]+/g, ' ');
    if (prevEndsWithSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && last.emphasis === t.emphasis) last.text += text;
    else out.push(t.emphasis === undefined ? { kind: 'text', text } : { kind: 'text', text, emphasis: t.emphasis });
    prevEndsWithSpace = text.endsWith(' ');
  }
  for (let last = out[out.length - 1]; last?.kind === 'text'; last = out[out.length - 1]) {
    // A loop, not `/ +$/`: that regex restarts at every space of a long abstract.
    let end = last.text.length;
    while (end > 0 && last.text.charCodeAt(end - 1) === 0x20) end--;
    last.text = last.text.slice(0, end);
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}
