import { describe, expect, it } from 'vitest';
import { renderLatexText, sanitizeRenderedHtml } from '../../../lib/latex';
import { splitKatexCss } from '../../../lib/latex/katex-css';

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
