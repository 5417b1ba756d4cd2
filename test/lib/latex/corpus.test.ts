import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containsRawLatexCommand, latexToPlainText, renderLatexText } from '../../../lib/latex/index.ts';
import { htmlSafetyProblems, RAW_COMMAND, visibleText } from './html-safety.ts';

const SOURCES = fileURLToPath(new URL('../../../data/sources', import.meta.url));

/**
 * Crude abstract finder: long lines that are mostly ASCII. Chinese summaries
 * (and 003's mojibake of them, which is Latin-1 noise) are far above 5 %
 * non-ASCII, English abstracts are at 0 %.
 */
function findAbstracts(): Array<{ where: string; text: string }> {
  const files = readdirSync(SOURCES).filter((f) => /^00[0-3]_.*\.txt$/.test(f)).sort();
  const out: Array<{ where: string; text: string }> = [];
  for (const file of files) {
    readFileSync(join(SOURCES, file), 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (line.length < 200) return;
        let nonAscii = 0;
        for (const ch of line) if (ch.charCodeAt(0) > 127) nonAscii++;
        if (nonAscii / line.length > 0.05) return;
        out.push({ where: `${file.slice(0, 3)}:${i + 1}`, text: line });
      });
  }
  return out;
}

const abstracts = findAbstracts();
const rendered = abstracts.map((a) => ({ ...a, result: renderLatexText(a.text) }));

describe('every abstract paragraph in data/sources/000–003', () => {
  it('finds the abstracts in all four files', () => {
    expect(abstracts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(abstracts.map((a) => a.where.slice(0, 3)))).toEqual(new Set(['000', '001', '002', '003']));
  });

  it.each(rendered.map((r) => [r.where, r] as const))('%s renders with no raw LaTeX and safe HTML', (_where, r) => {
    const { result, text } = r;
    expect(containsRawLatexCommand(result.plain)).toBe(false);
    expect(result.plain).not.toMatch(RAW_COMMAND);
    const visible = visibleText(result.html);
    expect(containsRawLatexCommand(visible)).toBe(false);
    expect(visible).not.toMatch(RAW_COMMAND);
    expect(result.html).not.toMatch(/<annotation/);
    expect(result.html).not.toContain('katex-error');
    expect(htmlSafetyProblems(result.html)).toEqual([]);
    // Real abstracts have balanced delimiters: none may survive as literal text.
    expect(result.plain).not.toMatch(/[{}$~]/);
    expect(latexToPlainText(text)).toBe(result.plain);
  });

  it('renders every real math span with KaTeX (no fallbacks) and finds the expected ones', () => {
    const math = rendered.flatMap((r) => r.result.segments.filter((s) => s.kind === 'math'));
    expect(math.filter((m) => m.kind === 'math' && m.fallback)).toEqual([]);
    // 000: $<$ ; 002: PixArt-\Sigma ×7 and PixArt-\alpha ×2.
    expect(math.map((m) => (m.kind === 'math' ? m.tex : '')).sort()).toEqual(
      ['<', ...Array<string>(2).fill('\\alpha'), ...Array<string>(7).fill('\\Sigma')].sort(),
    );
  });

  it('turns the two \\url occurrences into links', () => {
    const urls = rendered.flatMap((r) => r.result.segments.filter((s) => s.kind === 'url'));
    expect(urls).toEqual([
      { kind: 'url', url: 'https://idaligner.github.io/' },
      { kind: 'url', url: 'https://github.com/PRIV-Creation/Awesome-Controllable-T2I-Diffusion-Models' },
    ]);
  });
});
