import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, tokenizeHtml } from '../../../lib/digest/html-tokens';

describe('decodeHtmlEntities', () => {
  it.each([
    ['&lt;Summary&gt;', '<Summary>'],
    ['a &amp; b', 'a & b'],
    ['&#39;&#x4E2D;&#X6587;', "'中文"],
    ['&quot;x&quot; &nbsp;', '"x" \u00a0'],
    ['&unknown; stays', '&unknown; stays'],
    // Lost characters are shown as a box, never as U+FFFD or a control character.
    ['&#0; &#x110000; &#xD800; &#65533; &#x1B;', '□ □ □ □ □'],
    ['no entities', 'no entities'],
    ['&amp;lt;', '&lt;'],
  ])('%j', (input, output) => {
    expect(decodeHtmlEntities(input)).toBe(output);
  });
});

describe('tokenizeHtml', () => {
  it('yields open/close/text tokens with 1-based source lines', () => {
    const tokens = tokenizeHtml('<ol>\n<li>\n<p>标题：<strong>X</strong></p>\n</li>', 10);
    expect(tokens.map((t) => [t.type, t.type === 'text' ? t.text : t.name, t.line])).toEqual([
      ['open', 'ol', 10],
      ['text', '\n', 10],
      ['open', 'li', 11],
      ['text', '\n', 11],
      ['open', 'p', 12],
      ['text', '标题：', 12],
      ['open', 'strong', 12],
      ['text', 'X', 12],
      ['close', 'strong', 12],
      ['close', 'p', 12],
      ['text', '\n', 12],
      ['close', 'li', 13],
    ]);
  });

  it('parses attributes with any quoting and decodes their entities', () => {
    const [img] = tokenizeHtml('<img src="https://a.example/x.jpg?a=1&amp;b=2" align=middle data-x=\'y\' hidden/>');
    expect(img).toMatchObject({
      type: 'open',
      name: 'img',
      attrs: { src: 'https://a.example/x.jpg?a=1&b=2', align: 'middle', 'data-x': 'y', hidden: '' },
      selfClosing: true,
    });
  });

  it('keeps a stray "<" as text and drops comments', () => {
    const tokens = tokenizeHtml('bitrate (<0.05 bpp) <!-- note\n--> a<b\n<p>');
    expect(tokens.filter((t) => t.type === 'text').map((t) => (t.type === 'text' ? t.text : ''))).toEqual([
      'bitrate (<0.05 bpp) ',
      ' a<b\n',
    ]);
    expect(tokens.at(-1)).toMatchObject({ type: 'open', name: 'p', line: 3 });
  });

  it('does not treat "<Word：" prose as a tag', () => {
    const tokens = tokenizeHtml('见 <Summary：> 部分');
    expect(tokens).toEqual([{ type: 'text', text: '见 <Summary：> 部分', line: 1 }]);
  });

  it('handles unterminated markup without throwing', () => {
    expect(tokenizeHtml('<p>text <strong')).toEqual([
      { type: 'open', name: 'p', attrs: {}, selfClosing: false, line: 1 },
      { type: 'text', text: 'text <strong', line: 1 },
    ]);
    expect(tokenizeHtml('<!-- never closed')).toEqual([]);
  });
});
