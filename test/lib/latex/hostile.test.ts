import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsRawLatexCommand,
  latexToPlainText,
  renderLatexText,
  type RenderedLatex,
} from '../../../lib/latex/index.ts';
import { htmlSafetyProblems, RAW_COMMAND, visibleText } from './html-safety.ts';

/** Renders, timing the call, and applies the invariants every input must satisfy. */
function renderChecked(input: string, budgetMs = 500): RenderedLatex {
  const t0 = performance.now();
  const r = renderLatexText(input);
  const elapsed = performance.now() - t0;
  expect(elapsed).toBeLessThan(budgetMs);
  expect(htmlSafetyProblems(r.html)).toEqual([]);
  expect(containsRawLatexCommand(r.plain)).toBe(false);
  expect(r.plain).not.toMatch(RAW_COMMAND);
  expect(containsRawLatexCommand(visibleText(r.html))).toBe(false);
  expect(r.html).not.toMatch(/<annotation/);
  expect(r.html).not.toContain('katex-error');
  return r;
}

const fallbacks = (r: RenderedLatex) => r.segments.filter((s) => s.kind === 'math' && s.fallback);

describe('hostile input', () => {
  it.each([
    ['script tag in prose', '<script>alert(1)</script> text', '<script>alert(1)</script> text'],
    ['img onerror in prose', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['script tag inside math', '$<script>alert(1)</script>$', '<script>alert(1)</script>'],
    ['\\text with markup in math', '$\\text{<img src=x onerror=alert(1)>}$', '<img src=x onerror=alert(1)>'],
    ['\\href javascript: in prose', '\\href{javascript:alert(1)}{click}', 'click'],
    ['\\href data: in prose', '\\href{data:text/html,<script>alert(1)</script>}{x}', 'x'],
    ['\\href javascript: in math', '$\\href{javascript:alert(1)}{click}$', 'click'],
    ['\\url javascript: in prose', '\\url{javascript:alert(1)}', 'javascript:alert(1)'],
    ['\\url javascript: in math', '$\\url{javascript:alert(1)}$', 'javascript:alert(1)'],
    ['\\url with attribute breakout', '\\url{https://x.org/"onmouseover="alert(1)}', 'https://x.org/"onmouseover="alert(1)'],
    ['\\includegraphics in prose', 'see \\includegraphics[width=2cm]{https://evil/x.png} here', 'see here'],
    ['\\includegraphics in math', '$\\includegraphics{https://evil/x.png}$', ''],
    ['\\htmlClass in math', '$\\htmlClass{evil}{x}$', 'x'],
    ['\\htmlData in math', '$\\htmlData{onclick=alert(1)}{x}$', 'x'],
    ['\\htmlStyle in math', '$\\htmlStyle{background:url(javascript:alert(1))}{x}$', 'x'],
    // User macros are never expanded for plain text, so the call reads as its pieces (inert text, no link).
    ['macro hiding \\href', '$\\def\\h{\\href}\\h{javascript:alert(1)}{x}$', 'h javascript:alert(1)x'],
    ['huge \\rule', '$\\rule{1000em}{1000em}$', ''],
  ])('%s', (_name, input, plain) => {
    const r = renderChecked(input);
    expect(r.plain).toBe(plain);
    expect(r.html).not.toMatch(/<a\s/);
    expect(r.html).not.toMatch(/href=/i);
    expect(r.html).not.toMatch(/<img/i);
    expect(r.html).not.toMatch(/<script/i);
  });

  it('caps user sizes at maxSize (5em)', () => {
    const r = renderChecked('$\\rule{1000em}{1000em}$');
    expect(r.html).not.toMatch(/1000em/);
    expect(r.html).toMatch(/5em/);
  });

  it.each([
    ['self-recursive \\def', '$\\def\\a{\\a\\a}\\a$'],
    ['recursive \\newcommand', '$\\newcommand{\\a}{\\a\\a}\\a$'],
    ['tail-recursive \\def', '$\\def\\a{x\\a}\\a$'],
    ['argument doubling', `$\\def\\a#1{#1#1}${'\\a{'.repeat(30)}x${'}'.repeat(30)}$`],
    [
      'exponential chain',
      `$${Array.from({ length: 12 }, (_, i) => `\\def\\m${String.fromCharCode(97 + i)}{\\m${String.fromCharCode(98 + i)}\\m${String.fromCharCode(98 + i)}}`).join('')}\\ma$`,
    ],
    ['\\edef blow-up', '$\\def\\a{aaaaaaaa}\\edef\\b{\\a\\a\\a\\a\\a\\a\\a\\a}\\edef\\c{\\b\\b\\b\\b\\b\\b\\b\\b}\\edef\\d{\\c\\c\\c\\c\\c\\c\\c\\c}\\d$'],
  ])('macro bomb (%s) stops quickly with the plain-text fallback', (_name, input) => {
    const r = renderChecked(input, 250);
    expect(fallbacks(r)).toHaveLength(1);
    const seg = r.segments[0];
    expect(seg?.kind === 'math' && seg.html).toMatch(/^<span class="latex-math-fallback">/);
  });

  it('macro bombs in prose are skipped, never expanded', () => {
    const r = renderChecked('a \\def\\x{\\x\\x}\\x b \\newcommand{\\y}{\\y\\y}\\y c');
    expect(r.plain).toBe('a x b y c');
    expect(r.hasMath).toBe(false);
  });

  it('a \\gdef in one span does not leak into the next', () => {
    const r = renderChecked('$\\gdef\\leak{LEAK}x$ and $\\leak$');
    expect(r.plain).not.toContain('LEAK');
    expect(renderChecked('$\\leak$').plain).toBe('leak');
  });

  it.each([
    ['unclosed group', 'unbalanced {\\textbf{bold', 'unbalanced bold'],
    ['extra closing braces', 'a}} b }', 'a b'],
    ['lone dollar', 'costs $5', 'costs $5'],
    ['odd dollars', '$x$ and $', 'x and $'],
    ['unclosed $$', '$$x', '$$x'],
    ['empty math', '$$ $$ and $ $', '$$ $$ and $ $'],
    ['unclosed \\(', '\\(x', '(x'],
    ['unclosed \\[', '\\[x', '[x'],
    ['unclosed \\url', '\\url{https://a.org/x and more', 'https://a.org/x and more'],
    ['unclosed \\href text', '\\href{https://a.org}{text', 'text (https://a.org)'],
    ['trailing backslash', 'end \\', 'end'],
    ['unclosed accent', "caf\\'{e", 'cafe'],
    ['unclosed equation env', '\\begin{equation} x', 'x'],
    ['bad math', '$\\frac{1}{$ after', '1/ after'],
    ['undefined command in math', '$\\nosuchcommand x$', 'nosuchcommand x'],
  ])('malformed: %s', (_name, input, plain) => {
    expect(renderChecked(input).plain).toBe(plain);
  });

  it.each([
    ['deep braces in prose', `${'{'.repeat(100_000)}x`],
    ['deep braces in math', `$${'{'.repeat(490)}x${'}'.repeat(490)}$`],
    ['nested \\sqrt', `$${'\\sqrt{'.repeat(150)}x${'}'.repeat(150)}$`],
    ['nested superscripts', `$${'x^{'.repeat(300)}x${'}'.repeat(300)}$`],
    ['\\frac chain', `$${'\\frac'.repeat(300)}$`],
    ['unclosed \\href repeated', '\\href{'.repeat(10_000)],
    ['unclosed \\url repeated', '\\url{'.repeat(10_000)],
    ['unclosed \\( repeated', '\\('.repeat(10_000)],
    ['unclosed \\begin{equation} repeated', '\\begin{equation}'.repeat(5_000)],
    ['footnotes with text', 'ab \\footnote{x} '.repeat(20_000)],
    ['\\sqrt[ repeated', '\\sqrt['.repeat(10_000)],
    ['nested \\textbf', '\\textbf{'.repeat(20_000)],
    ['long prose', 'word '.repeat(50_000)],
  ])('pathological size: %s finishes fast and safely', (_name, input) => {
    renderChecked(input, 2000);
  });
});

// Fragments that exercise every tokenizer branch and every known attack.
const FRAGMENTS = [
  '\\', '$', '$$', '{', '}', '~', '`', "'", '^', '_', '%', '&', '#', '[', ']', '(', ')', ' ', '\n', '<', '>', '"',
  '=', ':', '\\\\', "\\'", '\\"', '\\c', '\\v', '\\%', '\\&', '\\_', '\\#', '\\$', '\\{', '\\}', '\\(', '\\)',
  '\\[', '\\]', '\\textbf{', '\\textit{', '\\emph{', '\\texttt{', '\\text{', '\\url{', '\\href{', '\\footnote{',
  '\\Sigma', '\\alpha', '\\frac', '\\sqrt', '\\mathcal{', '\\mathbb', '\\left(', '\\right)', '\\begin{equation}',
  '\\end{equation}', '\\begin{align}', '\\bf ', '\\def\\a{\\a\\a}\\a', '\\newcommand{\\b}{\\b\\b}\\b', '\\foo',
  '\\href{javascript:alert(1)}{', 'javascript:alert(1)', '<script>', '</script>', '<img src=x onerror=alert(1)>',
  ' onload=alert(1) ', '\\htmlClass{x}{', '\\htmlData{onclick=alert(1)}{', '\\htmlStyle{background:url(x)}{',
  '\\includegraphics{x.png}', 'https://ex.com/a', 'PixArt-', '\\times', '\\sim', '<', 'x', '2',
];
const latexish = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'binary' }) },
);

describe('properties (fast-check)', () => {
  it('never throws; html is safe; no raw command in plain or visible html; plain paths agree', () => {
    fc.assert(
      fc.property(latexish, (input) => {
        const r = renderLatexText(input);
        expect(/<script/i.test(r.html)).toBe(false);
        expect(htmlSafetyProblems(r.html)).toEqual([]);
        expect(containsRawLatexCommand(r.plain)).toBe(false);
        expect(containsRawLatexCommand(visibleText(r.html))).toBe(false);
        expect(r.html).not.toMatch(/<annotation/);
        expect(r.html).not.toContain('katex-error');
        expect(latexToPlainText(input)).toBe(r.plain);
        expect(r.plain).toBe(
          r.segments.map((s) => (s.kind === 'text' ? s.text : s.kind === 'url' ? s.url : s.plain)).join(''),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('latexToPlainText never throws and never leaves a raw command, on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme-ascii' }), (input) => {
        expect(containsRawLatexCommand(latexToPlainText(input))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
