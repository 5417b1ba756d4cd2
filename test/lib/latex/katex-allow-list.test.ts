import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderKatex, renderLatexText, sanitizeRenderedHtml } from '../../../lib/latex';
import { ALLOWED_CLASSES, filterKatexStyle, isBoundedMathLength, KATEX_CSS_CLASSES, MAX_LENGTH_EM } from '../../../lib/latex/katex-allow-list';
import { boxProblems } from './box-problems';
import { KATEX_FORMULAS } from './katex-formulas.ts';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** Class names a stylesheet's selectors use; comments, strings and `url(…)` are not selectors. */
function stylesheetClasses(css: string): Set<string> {
  const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/url\([^)]*\)/g, '').replace(/"[^"]*"|'[^']*'/g, '').replace(/\{[^{}]*\}/g, '{}');
  return new Set([...selectors.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
}

const rendered = KATEX_FORMULAS.map(([tex, display]) => {
  const result = renderKatex(tex, display);
  if (!result.ok) throw new Error(`${tex} no longer renders: ${result.reason}`);
  return [tex, result.html] as const;
});

/** KaTeX's markup as sanitize-html writes it back: `prop:value` without trailing `;`, `<path></path>`. */
function normalise(html: string): string {
  return html
    .replace(/ class ="/g, ' class="')
    .replace(/ style="([^"]*)"/g, (_, style: string) => {
      const kept = style.split(';').map((d) => d.split(':').map((part) => part.trim()).join(':')).filter(Boolean).join(';');
      return kept ? ` style="${kept}"` : '';
    })
    .replace(/<(\w+)([^<>]*?)\/>/g, '<$1$2></$1>');
}

describe('the KaTeX class allow-list', () => {
  it('is exactly the classes katex.css styles', () => {
    expect(new Set(KATEX_CSS_CLASSES)).toEqual(stylesheetClasses(read('../../../node_modules/katex/dist/katex.css')));
  });

  it('shares no name with the card or digest stylesheets', () => {
    const own = new Set([...stylesheetClasses(read('../../../components/card/card.css')), ...stylesheetClasses(read('../../../components/digest/digest.css'))]);
    expect(own).toContain('floating');
    expect(ALLOWED_CLASSES.filter((name) => own.has(name))).toEqual([]);
  });

  it('holds every class KaTeX uses on the formula corpus', () => {
    const used = new Set(rendered.flatMap(([, html]) => [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/))));
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((name) => !ALLOWED_CLASSES.includes(name))).toEqual([]);
  });
});

describe('sanitizeRenderedHtml on real KaTeX output', () => {
  it.each(rendered)('keeps %s exactly as KaTeX rendered it', (_tex, html) => {
    expect(sanitizeRenderedHtml(html)).toBe(normalise(html));
  });

  it('keeps a real abstract with math exactly (classes, styles, MathML)', () => {
    const { html } = renderLatexText('We show $x_{t-1} = \\sqrt{\\bar\\alpha_t}\\,x_0$ and $$\\sum_{i=1}^N \\frac{1}{i} \\xrightarrow{n\\to\\infty} \\infty$$ in PixArt-\\Sigma.');
    expect(html).toContain('class="katex-display"');
    expect(sanitizeRenderedHtml(html)).toBe(normalise(html));
  });
});

describe('issue 13, finding 1: a corpus abstract that draws a phishing overlay', () => {
  const PHISHING = '<a class="card floating" href="https://evil.example/login" style="top:0;left:0;width:100vw;height:100vh;background-color:white">Your arXiv session expired…</a>';

  it('loses the card classes and every placing declaration', () => {
    expect(sanitizeRenderedHtml(PHISHING)).toBe('<a href="https://evil.example/login" style="background-color:white" rel="noopener noreferrer">Your arXiv session expired…</a>');
  });

  it.each([
    ['a card class among KaTeX ones', '<span class="mord card floating body">x</span>', '<span class="mord">x</span>'],
    ['viewport units', '<span style="width:100vw;height:100vh;top:-50vh;min-width:1dvw">x</span>', '<span>x</span>'],
    ['a length past the bound', `<span style="height:${MAX_LENGTH_EM + 0.5}em;top:-100em;margin-left:-9999em">x</span>`, '<span>x</span>'],
    ['position:absolute and fixed', '<span style="position:absolute;left:0em">x</span><span style="position:fixed">y</span>', '<span style="left:0em">x</span><span>y</span>'],
    ['position:relative, which KaTeX writes', '<span style="position:relative;top:-1.5em">x</span>', '<span style="position:relative;top:-1.5em">x</span>'],
    ['a property KaTeX never writes', '<span style="z-index:9;transform:scale(50);inset:0em;right:0em;display:block">x</span>', '<span>x</span>'],
    ['!important, comments and escapes', '<span style="top:1em !important;le/**/ft:1em;\\74op:1em;height:1em">x</span>', '<span style="height:1em">x</span>'],
    ['a length not in makeEm\'s form', '<span style="height:1e3em;width:+1em;top:calc(1em);left:0;margin-top:1px">x</span>', '<span>x</span>'],
    ['a text shadow that paints far away', '<span style="text-shadow:100em 100em red">x</span>', '<span>x</span>'],
    ['a MathML length past the bound', '<math><mspace width="-100em"></mspace><mpadded voffset="-1000pt" lspace="2width"></mpadded></math>', '<math><mspace></mspace><mpadded></mpadded></math>'],
    ['an SVG sized in viewport units or past 400em', '<svg width="100vw" height="401em"><path d="M0 0"></path></svg>', '<svg><path d="M0 0"></path></svg>'],
    ['SVG shapes KaTeX never draws', '<svg><rect width="1em" height="1em"></rect><g><path d="M0 0"></path></g></svg>', '<svg><path d="M0 0"></path></svg>'],
  ])('drops %s', (_, dirty, clean) => {
    expect(sanitizeRenderedHtml(dirty)).toBe(clean);
  });
});

describe('issue 13, finding 2: negative sizes past maxSize', () => {
  it.each([
    ['x\\kern{-100em}y', 'margin-right:-100em'],
    ['\\hspace{-1000em}x', 'margin-right:-1000em'],
    ['x\\mkern-9999mu y', 'margin-right:-555.5em'],
    ['\\raisebox{-200em}{x}', 'vertical-align'],
    ['\\rule[-500em]{5em}{5em}', 'bottom:-500em'],
    ['a\\\\[-100em]b', 'margin-top:-100em'],
  ])('%s falls back to plain text instead of %s', (tex) => {
    const result = renderKatex(tex, false);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^size-out-of-bounds/) });
    expect(renderLatexText(`$${tex}$`).html).toMatch(/^<span class="latex-math-fallback">/);
  });

  it.each(['x\\kern-5em y', '\\raisebox{-5em}{x}', '\\rule[-5em]{5em}{5em}', '\\Huge\\kern-5em x'])('%s, within maxSize, still renders', (tex) => {
    expect(renderKatex(tex, false).ok).toBe(true);
  });

  it.each([
    ['margin-right:-100em', ''],
    ['vertical-align:-200em', ''],
    ['bottom:-500em', ''],
    ['margin-right:-555.5em', ''],
    ['margin-right:-0.1667em', 'margin-right:-0.1667em'],
    [`top:-${MAX_LENGTH_EM}em`, `top:-${MAX_LENGTH_EM}em`],
  ])('the sanitiser holds %s to the bound too', (style, kept) => {
    expect(filterKatexStyle(style)).toBe(kept);
  });

  it.each([
    ['-100em', false], ['-555.5em', false], ['5em', true], ['-0.2em', true], ['3pt', true], ['-1width', true], ['100%', true], ['1000pt', false], ['1vw', false],
  ])('MathML length %s is bounded: %s', (value, ok) => {
    expect(isBoundedMathLength(value)).toBe(ok);
  });
});

const HOSTILE_CLASSES = ['card', 'floating', 'body', 'toggle', 'save', 'abstract', 'notice', 'link', 'Katex', 'katex\u00a0x'];
const HOSTILE_DECLARATIONS = [
  'position:fixed', 'position:absolute', 'position:sticky', 'POSITION:fixed', 'z-index:2147483647', 'inset:0',
  'top:0', 'left:-100vw', 'width:100vw', 'height:100vh', 'height:100dvh', 'min-width:100vmax', 'top:-1000em',
  'margin-left:-9999em', 'margin-right:-555.5em', 'vertical-align:-200em', 'bottom:-500em', 'margin-top:-100em',
  'transform:scale(100)', 'top:calc(100vh)', 'top:1e5em', 'width:30em', 'top:1em !important', 'to\\70:0',
  'top/**/:0', 'margin:-100em', 'margin:0 -100em', 'border:100em solid red', 'text-shadow:0 0 0 red', 'display:block',
  'background:url(https://evil.example/x)', 'height:1em;position:fixed', 'height:25.0001em',
];
const HOSTILE_ATTRIBUTES = ['width="100vw"', 'height="-100em"', 'voffset="-1000em"', 'lspace="99width"', 'width="401em"', 'mathsize="100em"', 'class="card floating"', 'style="position:fixed"'];

/** One mutation of a KaTeX tag: a hostile class, declaration or attribute spliced into it. */
const mutation = fc.oneof(
  fc.constantFrom(...HOSTILE_CLASSES).map((name) => (attrs: string) => (/\sclass="/.test(attrs) ? attrs.replace(/\sclass="/, ` class="${name} `) : `${attrs} class="${name}"`)),
  fc.constantFrom(...HOSTILE_DECLARATIONS).map((decl) => (attrs: string) => (/\sstyle="/.test(attrs) ? attrs.replace(/\sstyle="/, ` style="${decl};`) : `${attrs} style="${decl}"`)),
  fc.constantFrom(...HOSTILE_ATTRIBUTES).map((attr) => (attrs: string) => `${attrs} ${attr}`),
);

// Each sample is real KaTeX output (its grammar: its tags, classes and styles as they come) with a
// few opening tags mutated; also a bare phishing link and wrappers from outside KaTeX's grammar.
const sample = fc
  .tuple(fc.constantFrom(...rendered.map(([, html]) => html)), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '<a href="https://evil.example/">', '<div class="card floating">', '<span style="position:fixed;inset:0">'))
  .map(([html, mutations, wrapper]) => {
    const openings = [...html.matchAll(/<([a-z]+)((?:\s[^>]*?)?)(\/?)>/g)];
    const chosen = new Map(mutations.map(([at, mutate]) => [at % openings.length, mutate]));
    let out = '';
    let last = 0;
    openings.forEach((m, i) => {
      const mutate = chosen.get(i);
      if (!mutate) return;
      out += html.slice(last, m.index) + `<${m[1]}${mutate(m[2] ?? '')}${m[3]}>`;
      last = m.index + m[0].length;
    });
    return wrapper + out + html.slice(last) + (wrapper ? `</${/^<(\w+)/.exec(wrapper)![1]}>` : '');
  });

describe('property: sanitised KaTeX-like markup stays in its box', () => {
  it('leaves no foreign class, placing declaration, viewport unit or oversized length, and is stable', () => {
    fc.assert(
      fc.property(sample, (dirty) => {
        const clean = sanitizeRenderedHtml(dirty);
        expect(boxProblems(clean)).toEqual([]);
        expect(sanitizeRenderedHtml(clean)).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });

  it('the checker itself sees the issue\'s overlay (so the property can fail)', () => {
    expect(boxProblems('<a class="card floating" style="top:0;left:0;width:100vw;height:100vh">x</a>')).toEqual(['class card', 'class floating', 'viewport unit in style="top:0;left:0;width:100vw;height:100vh"']);
    expect(boxProblems('<span style="position:absolute;margin-right:-100em">x</span>')).toEqual(['placing style position:absolute;margin-right:-100em', 'length -100em in style']);
  });
});
