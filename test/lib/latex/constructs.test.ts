import { describe, expect, it } from 'vitest';
import {
  containsRawLatexCommand,
  latexToPlainText,
  renderLatexText,
  type RichSegment,
} from '../../../lib/latex/index.ts';
import { htmlSafetyProblems, visibleText } from './html-safety.ts';

const NBSP = '\u00a0';

/**
 * Every LaTeX construct found in the abstracts of data/sources/000–003
 * (snippets copied from the real text), then common neighbours that arXiv
 * abstracts use but these four files happen not to.
 */
const FOUND_IN_DATA: Array<[string, string, string]> = [
  // [where found, input, expected plain]
  ['000 L4 math relation', 'tiny parameter space ($<$200 parameters), fast', 'tiny parameter space (<200 parameters), fast'],
  ['000 L16 \\textit', 'of text-to-image \\textit{T2I} diffusion models', 'of text-to-image T2I diffusion models'],
  ['001 L38 \\textbf', 'we present \\textbf{ID-Aligner}, a general feedback', 'we present ID-Aligner, a general feedback'],
  [
    '001 L38 \\url inside \\textbf',
    'our approach. \\textbf{Project Page: \\url{https://idaligner.github.io/}} ',
    'our approach. Project Page: https://idaligner.github.io/',
  ],
  ['001 L289 text command inside $…$', 'outputs, called $\\textit{Align Your Steps}$. We leverage', 'outputs, called Align Your Steps. We leverage'],
  [
    '001 L652 \\footnote never closed (arXiv truncation)',
    'on several datasets.\\footnote{Code and data will be made available upon acceptance. ',
    'on several datasets. (Code and data will be made available upon acceptance.)',
  ],
  ['002 L8 bare \\Sigma', 'we introduce PixArt-\\Sigma, a Diffusion', 'we introduce PixArt-Σ, a Diffusion'],
  ['002 L8 bare \\alpha', 'over its predecessor, PixArt-\\alpha, offering', 'over its predecessor, PixArt-α, offering'],
  ["002 L8 bare \\Sigma + 's", "Moreover, PixArt-\\Sigma's capability", "Moreover, PixArt-Σ's capability"],
  ['002 L8 ~ tie', 'a Diffusion Transformer model~(DiT) capable', `a Diffusion Transformer model${NBSP}(DiT) capable`],
  ["002 L8 `…' quotes", "from the `weaker' baseline to a `stronger' model", 'from the ‘weaker’ baseline to a ‘stronger’ model'],
  [
    '002 L28 bare \\url',
    'repository at \\url{https://github.com/PRIV-Creation/Awesome-Controllable-T2I-Diffusion-Models}. ',
    'repository at https://github.com/PRIV-Creation/Awesome-Controllable-T2I-Diffusion-Models.',
  ],
  ['003 L704 ~ tie', 'Score distillation sampling~(SDS) has been', `Score distillation sampling${NBSP}(SDS) has been`],
  ['003 L704 \\textbf', 'from a \\textbf{single} image.', 'from a single image.'],
];

const NEIGHBOURS: Array<[string, string, string]> = [
  ['\\%', 'improves FID by 20\\% on', 'improves FID by 20% on'],
  ['bare % (arXiv prose)', 'improves FID by 20% on', 'improves FID by 20% on'],
  ['\\& \\_ \\# \\$', 'R\\&D, snake\\_case, \\#1, \\$5', 'R&D, snake_case, #1, $5'],
  ['$\\times$', 'a 10$\\times$ speed-up', 'a 10× speed-up'],
  ['$\\sim$', 'only $\\sim$5 steps', 'only ∼5 steps'],
  ['$^{…}$ superscript', 'ImageNet$^{2}$ and x$^{-1}$', 'ImageNet² and x⁻¹'],
  ['$_{…}$ subscript', 'x$_{t-1}$', 'xₜ₋₁'],
  ['$_{…}$ subscript without Unicode forms', 'SD$_{1.5}$', 'SD_(1.5)'],
  ['\\emph', 'an \\emph{open} question', 'an open question'],
  ['\\texttt', 'the \\texttt{diffusers} library', 'the diffusers library'],
  ['$\\mathcal{…}$', 'a $\\mathcal{O}(n)$ method', 'a 𝒪(n) method'],
  ['$\\mathbb{…}$', 'in $\\mathbb{R}^d$', 'in ℝᵈ'],
  ['$\\frac{…}{…}$', 'a $\\frac{1}{2}$ ratio', 'a 1/2 ratio'],
  ['$\\leq$ / $\\geq$', '$\\leq$ 4 and $\\geq$ 2', '≤ 4 and ≥ 2'],
  ['$\\approx$', 'FID $\\approx 2.3$', 'FID ≈ 2.3'],
  ['$\\epsilon$-prediction', '$\\epsilon$-prediction and $\\varepsilon$', 'ϵ-prediction and ε'],
  ['$\\ell_2$', 'the $\\ell_2$ loss', 'the ℓ₂ loss'],
  ['$\\text{…}$ mixed', '$\\text{FID}_{10k}$', 'FID₁₀ₖ'],
  ['$$…$$ display', 'before $$\\sum_{i=1}^{n} x_i$$ after', 'before ∑ᵢ₌₁ⁿ xᵢ after'],
  ['\\(…\\)', 'inline \\(\\beta\\) math', 'inline β math'],
  ['\\[…\\]', 'display \\[\\gamma\\] math', 'display γ math'],
  ['bare \\mathcal with arg', 'cost \\mathcal{O}(n) here', 'cost 𝒪(n) here'],
  ['adjacent bare commands merge', 'ratio \\alpha\\beta here', 'ratio αβ here'],
  ['bare command with script', 'step \\sigma_t here', 'step σₜ here'],
  ['{\\bf …} switch', 'a {\\bf bold} word', 'a bold word'],
  ['{\\em …} switch', 'an {\\em emphasised} word', 'an emphasised word'],
  ['``…\'\' quotes', "so-called ``weak-to-strong'' training", 'so-called “weak-to-strong” training'],
  ['accents', 'Schr\\"odinger, Erd\\H{o}s, na\\"{\\i}ve, caf\\\'e', 'Schrödinger, Erdős, naïve, café'],
  ['\\ldots', 'A, B, \\ldots, Z', 'A, B, …, Z'],
  ['\\cite dropped', 'as in prior work~\\cite{ho2020}.', `as in prior work${NBSP}.`],
  ['\\href http', 'see \\href{https://x.org/}{our site}.', 'see our site (https://x.org/).'],
  ['\\href non-http', 'see \\href{mailto:a@b.c}{mail}.', 'see mail.'],
  ['\\footnote closed', 'code\\footnote{At github.} is out', 'code (At github.) is out'],
  ['\\\\ line break', 'one\\\\two', 'one two'],
  ['\\, thin space', '10\\,000 images', '10\u2009000 images'],
  ['unknown macro', 'our \\ours model', 'our ours model'],
  ['unknown wrapper', '\\mycolor{red text}', 'red text'],
  ['\\LaTeX', 'written in \\LaTeX.', 'written in LaTeX.'],
  ['lone $', 'costs $5 only', 'costs $5 only'],
  ['equation env', 'a \\begin{equation} x^2 \\end{equation} b', 'a x² b'],
];

function expectClean(input: string, plain: string): void {
  const r = renderLatexText(input);
  expect(r.plain).toBe(plain);
  expect(latexToPlainText(input)).toBe(plain);
  expect(containsRawLatexCommand(r.plain)).toBe(false);
  expect(containsRawLatexCommand(visibleText(r.html))).toBe(false);
  expect(r.html).not.toMatch(/<annotation/);
  expect(r.html).not.toContain('katex-error');
  expect(htmlSafetyProblems(r.html)).toEqual([]);
  for (const s of r.segments) if (s.kind === 'math') expect(s.fallback).toBeUndefined();
}

describe('constructs found in data/sources abstracts', () => {
  it.each(FOUND_IN_DATA)('%s', (_where, input, plain) => expectClean(input, plain));
});

describe('common neighbouring constructs', () => {
  it.each(NEIGHBOURS)('%s', (_what, input, plain) => expectClean(input, plain));
});

describe('segment structure', () => {
  const kinds = (segs: RichSegment[]) => segs.map((s) => (s.kind === 'text' ? `${s.kind}:${s.emphasis ?? ''}` : s.kind));

  it('keeps emphasis as a mark and renders it as <strong>/<em>/<code>', () => {
    const r = renderLatexText('\\textbf{A} \\textit{B} \\texttt{C} \\emph{D}');
    expect(kinds(r.segments)).toEqual(['text:bold', 'text:', 'text:italic', 'text:', 'text:code', 'text:', 'text:italic']);
    expect(r.html).toBe('<strong>A</strong> <em>B</em> <code>C</code> <em>D</em>');
  });

  it('innermost emphasis wins for nested commands', () => {
    const r = renderLatexText('\\textbf{a \\textit{b} c}');
    expect(r.segments).toEqual([
      { kind: 'text', text: 'a ', emphasis: 'bold' },
      { kind: 'text', text: 'b', emphasis: 'italic' },
      { kind: 'text', text: ' c', emphasis: 'bold' },
    ]);
  });

  it('turns \\url into a url segment and an http(s) link', () => {
    const r = renderLatexText('\\textbf{Project Page: \\url{https://idaligner.github.io/}}');
    expect(r.segments).toEqual([
      { kind: 'text', text: 'Project Page: ', emphasis: 'bold' },
      { kind: 'url', url: 'https://idaligner.github.io/' },
    ]);
    expect(r.html).toBe(
      '<strong>Project Page: </strong><a href="https://idaligner.github.io/" rel="noopener noreferrer">https://idaligner.github.io/</a>',
    );
  });

  it('renders bare math commands as KaTeX inline math with Unicode plain text', () => {
    const r = renderLatexText('PixArt-\\Sigma');
    expect(r.hasMath).toBe(true);
    const math = r.segments[1];
    expect(math).toMatchObject({ kind: 'math', tex: '\\Sigma', display: false, plain: 'Σ' });
    expect(math?.kind === 'math' && math.html).toMatch(/^<span class="katex">/);
    expect(r.html).toContain('<math');
    expect(r.html).not.toMatch(/<annotation/);
  });

  it('marks $$…$$ as display math', () => {
    const r = renderLatexText('$$x^2$$');
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({ kind: 'math', display: true, plain: 'x²' });
    expect(r.html).toContain('katex-display');
  });

  it('reports hasMath=false for prose-only input and escapes it', () => {
    const r = renderLatexText('Plain <b>prose</b> & "quotes"');
    expect(r.hasMath).toBe(false);
    expect(r.html).toBe('Plain &lt;b&gt;prose&lt;/b&gt; &amp; &quot;quotes&quot;');
  });

  it('collapses whitespace and trims, but keeps ~ as a non-breaking space', () => {
    expect(latexToPlainText('  a \n\n  b~c  ')).toBe(`a b${NBSP}c`);
  });

  it('returns empty output for empty input', () => {
    expect(renderLatexText('')).toEqual({ plain: '', html: '', segments: [], hasMath: false });
  });
});

describe('containsRawLatexCommand', () => {
  it.each([
    ['\\alpha', true],
    ['PixArt-\\Sigma', true],
    ['50\\%', true],
    ["caf\\'e", true],
    ['\\{x', true],
    ['PixArt-Σ', false],
    ['a \\ b', false],
    ['C:/Users', false],
    ['50%', false],
  ])('%j → %s', (text, expected) => expect(containsRawLatexCommand(text)).toBe(expected));
});
