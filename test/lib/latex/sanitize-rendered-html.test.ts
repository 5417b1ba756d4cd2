import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderKatex, renderLatexText, sanitizeRenderedHtml } from '../../../lib/latex';
import { splitKatexCss } from '../../../lib/latex/katex-css';
import { textAsSanitizedHtml } from '../../../lib/latex/html';
import { sanitizeWithLibrary } from '../../../lib/latex/sanitize-rendered-html';
import { KATEX_FORMULAS } from './katex-formulas.ts';

describe('sanitizeRenderedHtml', () => {
  it('keeps KaTeX output as it renders (HTML, MathML and SVG)', () => {
    const html = renderLatexText('$\\alpha^2 + \\sqrt{x}$ and $\\overrightarrow{AB}$ \\url{https://idaligner.github.io/}').html;
    const clean = sanitizeRenderedHtml(html);
    const normalise = (h: string) => h.replace(/;"/g, '"').replace(/"\/>/g, '"></path>');
    expect(clean).toBe(normalise(html));
    expect(clean).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(clean).toContain('<a href="https://idaligner.github.io/" rel="noopener noreferrer">');
  });

  it.each([
    ['a script', '<span>a</span><script>alert(1)</script>', '<span>a</span>'],
    ['an event handler', '<span onclick="alert(1)" class="mord">a</span>', '<span class="mord">a</span>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['an image', '<img src="x" onerror="alert(1)">', ''],
    ['a style with url()', '<span style="background-color:url(https://evil.example/x.png);height:1em">a</span>', '<span style="height:1em">a</span>'],
    ['a style the page would feel', '<span style="position:fixed;top:0em;z-index:99999">a</span>', '<span style="top:0em">a</span>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', ''],
    ['an svg with onload', '<svg onload="alert(1)"><path d="M0 0"/></svg>', '<svg><path d="M0 0"></path></svg>'],
    ['a size on a path (KaTeX sizes only the svg)', '<svg width="400em" height="0.548em"><path d="M0 0" height="-100em" width="1em"/></svg>', '<svg width="400em" height="0.548em"><path d="M0 0"></path></svg>'],
    ['a negative or oversized svg size', '<svg width="-5em" height="100em"><line x1="0" x2="100%" stroke-width="0.04em" height="1em"></line></svg>', '<svg><line x1="0" x2="100%" stroke-width="0.04em"></line></svg>'],
  ])('removes %s', (_, dirty, clean) => {
    expect(sanitizeRenderedHtml(dirty)).toBe(clean);
  });
});

describe('splitKatexCss', () => {
  it('moves font faces out, keeping woff2 sources only', () => {
    const css =
      '.katex{font:normal 1.21em KaTeX_Main}@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}.mord{x:y}';
    expect(splitKatexCss(css)).toEqual({
      fontFaces: '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")}',
      rules: '.katex{font:normal 1.21em KaTeX_Main}.mord{x:y}',
    });
  });
});

const katexHtml = KATEX_FORMULAS.map(([tex, display]) => renderKatex(tex, display)).flatMap((result) => (result.ok ? [result.html] : []));

describe('sanitizeRenderedHtml gives sanitize-html\'s own answer', () => {
  it.each(KATEX_FORMULAS.map(([tex, display], i) => [tex, display, i] as const))('on KaTeX output of %s (display %s)', (tex, display) => {
    const html = renderLatexText(display ? `$$${tex}$$` : `$${tex}$`).html;
    expect(sanitizeRenderedHtml(html)).toBe(sanitizeWithLibrary(html));
  });

  it.each([
    ['plain text', 'Diffusion & flow <matching> "quoted" it\'s'],
    ['escaped text', escapeHtml('a < b & c > "d" \'e\'')],
    ['text with a stray ampersand', 'R&D &copy; &amp &#x3c;script&#x3e;'],
    ['a raw >', 'a > b'],
    ['a CR and a NUL', 'a\r\nb\u0000c'],
    ['a comment', 'a <!-- <script>x</script> --> b'],
    ['an unclosed element', '<span class="mord">a'],
    ['a stray end tag', 'a</span> b'],
    ['crossed elements', '<strong><em>a</strong></em>'],
    ['a self-closing span', '<span class="mord"/>a'],
    ['a self-closing path outside svg', '<path d="M0 0"/>a'],
    ['an upper-case tag', '<SPAN class="mord">a</SPAN>'],
    ['a dropped element inside a kept one', '<span class="mord"><img src=x onerror=alert(1)>a</span>'],
    ['a script inside math', '<math><mi>x</mi><script>alert(1)</script></math>'],
    ['a title inside svg', '<svg><title>&lt;img src=x onerror=alert(1)&gt;</title></svg>'],
    ['a textarea', '<textarea>&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>'],
    ['an unquoted attribute', '<span class=mord>a</span>'],
    ['an attribute value with an entity', '<a href="https://a.example/?a=1&amp;b=2">x</a>'],
    ['a single-quoted attribute with a quote', `<span class='mord" onclick="alert(1)'>a</span>`],
    ['a foreign class and a placing style', '<span class="card mord" style="position:fixed;height:1em;">a</span>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['a boolean attribute', '<span hidden class="mord">a</span>'],
    ['a tab between attributes', '<span\tclass="mord">a</span>'],
  ])('on %s', (_, html) => {
    expect(sanitizeRenderedHtml(html)).toBe(sanitizeWithLibrary(html));
  });

  const piece = fc.oneof(
    fc.constantFrom(...katexHtml),
    fc.constantFrom('<span class="mord">', '</span>', '<strong>', '</strong>', '<em>', '</em>', '<code>', '</code>', '<svg width="1em" height="1em">', '</svg>', '<path d="M0 0"/>', '<line x1="0" x2="100%"/>', '<math>', '</math>', '<mi>', '</mi>'),
    fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', '<div class="card floating">', '</div>', '<style>', '<title>', '<textarea>', '<!--', '-->', '<![CDATA[', ']]>', '<a href="javascript:alert(1)">', '<a href="https://e.example/">', '</a>', '/>', '<', '>'),
    fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&#x27;', '&', '&copy;', '&#60;', '"', "'", '\r', '\u0000', ' ', '='),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );

  it('on any mix of KaTeX output, markup it keeps, markup it drops, entities and text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const html = pieces.join('');
        expect(sanitizeRenderedHtml(html)).toBe(sanitizeWithLibrary(html));
      }),
      { numRuns: 500 },
    );
  });
});

describe('textAsSanitizedHtml', () => {
  it.each([['plain'], ['a < b & c > d'], ['"quotes" and \'apostrophes\''], ['&amp; already escaped'], ['中文 and émigré'], ['']])('writes %j as sanitize-html writes its escaped text', (text) => {
    expect(textAsSanitizedHtml(text)).toBe(sanitizeWithLibrary(escapeHtml(text)));
  });

  it('writes any text as sanitize-html writes its escaped text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(textAsSanitizedHtml(text)).toBe(sanitizeWithLibrary(escapeHtml(text)));
      }),
      { numRuns: 500 },
    );
  });
});
