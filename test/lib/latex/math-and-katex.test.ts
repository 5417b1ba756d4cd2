import { describe, expect, it } from 'vitest';
import {
  isHttpUrl,
  KATEX_OPTIONS,
  MAX_TEX_LENGTH,
  mathToUnicode,
  renderKatex,
  tokenizeLatex,
} from '../../../lib/latex/index.ts';
import { prepareTexForKatex } from '../../../lib/latex/render-katex.ts';
import { htmlSafetyProblems, RAW_COMMAND, visibleText } from './html-safety.ts';

describe('mathToUnicode', () => {
  it.each([
    ['\\Sigma', 'Σ'],
    ['\\alpha', 'α'],
    ['<', '<'],
    ['\\times', '×'],
    ['\\sim', '∼'],
    ['x^{2}', 'x²'],
    ['x^2_i', 'x²ᵢ'],
    ['x_{t-1}', 'xₜ₋₁'],
    ['10^{-3}', '10⁻³'],
    ['W^\\top', 'Wᵀ'],
    ['90^\\circ', '90°'],
    ['f\'(x)', 'f′(x)'],
    ['x^{a,b}', 'x^(a,b)'],
    ['\\epsilon_\\theta', 'ϵ_θ'],
    ['\\mathcal{O}(n\\log n)', '𝒪(n log n)'],
    ['\\mathcal{L}_{\\text{simple}}', 'ℒₛᵢₘₚₗₑ'],
    ['\\mathbb{R}^{d}', 'ℝᵈ'],
    ['\\mathbb{E}_{x}', '𝔼ₓ'],
    ['\\mathbf{x}', 'x'],
    ['\\frac{1}{2}', '1/2'],
    ['\\frac{a+b}{c}', '(a+b)/c'],
    ['\\tfrac12', '1/2'],
    ['\\sqrt{2}', '√2'],
    ['\\sqrt{x+1}', '√(x+1)'],
    ['\\sqrt[3]{x}', '∛x'],
    ['\\hat{x}', 'x̂'],
    ['\\tilde{y}', 'ỹ'],
    ['\\bar{z}', 'z̄'],
    ['\\not=', '≠'],
    ['\\not\\in', '∉'],
    ['a \\leq b \\neq c', 'a ≤ b ≠ c'],
    ['\\sin\\theta', 'sin θ'],
    ['\\operatorname*{argmax}_{\\theta} p', 'argmax_θ p'],
    ['\\left( \\frac{a}{b} \\right.', '( a/b'],
    ['\\text{FID}\\approx 2.3', 'FID≈ 2.3'],
    ['\\mathrm{d}x\\,\\mathrm{d}t', 'dx dt'],
    ['\\binom{n}{k}', 'C(n, k)'],
    ['a \\to b \\Rightarrow c', 'a → b ⇒ c'],
    ['\\{1, \\dots, n\\}', '{1, …, n}'],
    ['\\|x\\|_2', '‖x‖₂'],
    ['100\\%', '100%'],
    ['A \\backslash B', 'A ∖ B'],
    ['\\textbackslash alpha', '⧵ alpha'],
    ['\\def\\a{\\a\\a}\\a', 'a'],
    ['\\href{javascript:alert(1)}{x}', 'x'],
    ['\\includegraphics[width=1cm]{x.png}', ''],
    ['\\color{red} x', 'x'],
    ['\\kern-3mu x', 'x'],
    ['\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', 'a b c d'],
    ['\\unknownmacro x', 'unknownmacro x'],
    ['{', ''],
    ['\\', ''],
  ])('%j → %j', (tex, plain) => {
    const out = mathToUnicode(tex);
    expect(out).toBe(plain);
    expect(out).not.toContain('\\');
  });
});

describe('KATEX_OPTIONS', () => {
  it('is the documented, frozen configuration', () => {
    expect(KATEX_OPTIONS).toEqual({
      output: 'htmlAndMathml',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: 200,
      maxSize: 5,
      globalGroup: false,
    });
    expect(Object.isFrozen(KATEX_OPTIONS)).toBe(true);
    // A shared macros object would let \gdef leak between abstracts.
    expect('macros' in KATEX_OPTIONS).toBe(false);
  });
});

describe('renderKatex', () => {
  it('renders, strips the TeX annotation and keeps the MathML', () => {
    const r = renderKatex('\\Sigma^{2}', false);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.html).not.toMatch(/<annotation/);
    expect(r.html).toContain('<math');
    expect(r.html).toContain('<semantics>');
    expect(r.html).toContain('katex-html');
    expect(visibleText(r.html)).not.toMatch(RAW_COMMAND);
    expect(htmlSafetyProblems(r.html)).toEqual([]);
  });

  it('renders display math in display mode', () => {
    const r = renderKatex('x', true);
    expect(r.ok && r.html).toMatch(/katex-display/);
  });

  it.each([
    ['parse error', '\\frac{1}{', /./],
    ['undefined command', '\\nosuch', /Undefined control sequence/],
    ['macro bomb', '\\def\\a{\\a\\a}\\a', /Too many expansions/],
    ['untrusted \\href', '\\href{https://a.org}{x}', /untrusted-command/],
    ['untrusted \\includegraphics', '\\includegraphics{x.png}', /untrusted-command/],
    ['macro-hidden \\href', '\\def\\h{\\href}\\h{https://a.org}{x}', /untrusted-command/],
    // The safety net: KaTeX output whose visible text would show a command.
    ['\\verb showing a command', '\\verb|\\alpha|', /raw-command-visible/],
    ['too long', 'x+'.repeat(MAX_TEX_LENGTH), /too-long/],
  ])('falls back on %s', (_name, tex, reason) => {
    const r = renderKatex(tex, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('never throws on deep nesting', () => {
    expect(() => renderKatex(`${'{'.repeat(5000)}x${'}'.repeat(5000)}`, false)).not.toThrow();
  });

  it('treats a bare % as percent, not a comment', () => {
    expect(prepareTexForKatex('10% + 5\\%')).toBe('10\\% + 5\\%');
    expect(prepareTexForKatex('a\\\\%')).toBe('a\\\\\\%');
    const r = renderKatex('10%', false);
    expect(r.ok && visibleText(r.html)).toContain('%');
  });

  it('drops equation labels', () => {
    expect(prepareTexForKatex('x \\label{eq:1} \\nonumber')).toBe('x  ');
  });
});

describe('tokenizeLatex', () => {
  it('separates text, math and url tokens', () => {
    expect(tokenizeLatex('a $x$ \\url{https://a.org} \\textbf{b}')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'math', tex: 'x', display: false },
      { kind: 'text', text: ' ' },
      { kind: 'url', url: 'https://a.org' },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'b', emphasis: 'bold' },
    ]);
  });

  it('merges adjacent bare math commands, not ones separated by text', () => {
    expect(tokenizeLatex('\\alpha\\beta \\gamma')).toEqual([
      { kind: 'math', tex: '\\alpha\\beta', display: false },
      { kind: 'text', text: ' ' },
      { kind: 'math', tex: '\\gamma', display: false },
    ]);
  });

  it('wraps multi-line math environments for KaTeX', () => {
    expect(tokenizeLatex('\\begin{align} a &= b \\end{align}')).toEqual([
      { kind: 'math', tex: '\\begin{aligned} a &= b \\end{aligned}', display: true },
    ]);
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://idaligner.github.io/', true],
    ['http://arxiv.org/abs/2403.01329v1', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,x', false],
    ['//evil.example', false],
    ['https://x.org/"onmouseover="a', false],
    ['https://x.org/?u=javascript:alert(1)', false],
    ['https://x.org/a b', false],
  ])('%s → %s', (url, ok) => expect(isHttpUrl(url)).toBe(ok));
});

describe('module boundaries', () => {
  it('the plain-text path (plain.ts and its imports) never imports KaTeX', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const dir = fileURLToPath(new URL('../../../lib/latex/', import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(dir + file, 'utf8');
      expect(src, file).not.toMatch(/from\s+['"]katex/);
      for (const m of src.matchAll(/from\s+'\.\/([\w-]+\.ts)'/g)) visit(m[1]!);
    };
    visit('plain.ts');
    expect(seen.has('render-katex.ts')).toBe(false);
    expect(seen.size).toBeGreaterThan(3);
  });
});
