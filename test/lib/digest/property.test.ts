import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DigestFormatError,
  detectDigestKind,
  mergeDigestEntries,
  parseChatPaperBlock,
  parseDailyDigest,
  parseDigestDocument,
  parseWeeklyOverview,
  type DigestParseResult,
} from '../../../lib/digest';
import { tokenizeHtml } from '../../../lib/digest/html-tokens';
import { readSource } from './helpers';

/** Runs `fn`; any exception other than DigestFormatError fails the property. */
function onlyFormatErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof DigestFormatError)) throw err;
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.expected.length).toBeGreaterThan(0);
  }
}

// Lines that exercise every branch of the parsers, shuffled with noise.
const structural = fc.constantFrom(
  '---',
  'date: 2024-04-25 20:59:05',
  'date: not-a-date',
  'title: Diffusion Models',
  '# 2024-03-02--2024-03-05 生成式论文概览',
  '# 2024-04-25 更新',
  '## ID-Aligner:   Title',
  '##',
  '**Authors:A, B**',
  '**Authors:A',
  'Abstract with $x^2$.',
  '[PDF](http://arxiv.org/abs/2404.15449v1) Published at CVPR 2024',
  '[PDF](http://arxiv.org/abs/hep-th/9901001v2)',
  '[PDF](https://example.org/x)',
  '[PDF](',
  '**Summary**',
  '**Key Takeaways**',
  '**摘要**',
  '**Unknown**',
  '- item',
  '* item',
  '**[ChatPaperFree](https://huggingface.co/spaces/Kedreamix/ChatPaperFree)**',
  '<ol>',
  '</ol>',
  '<li>',
  '</li>',
  '<p>Title: X</p>',
  '<p>标题：X</p>',
  '<li>作者：A、B</li>',
  '<p>Urls: https://arxiv.org/abs/2404.15449 , Github:None</p>',
  '<p>摘要：</p>',
  '<p>方法：(1) a；(2) b</p>',
  '<p>结论：</p>',
  '8. 总结：',
  '<p>（1）：x</p>',
  '(2): 创新点：a；性能：b；工作量：c',
  '(1)',
  'Some Error for method',
  '<pre><code>',
  '</code></pre>',
  '<details>',
  '</details>',
  '<img src="https://example.org/a.jpg">',
  '<img src=',
  '  * 2024-03-02  ',
  '  * abstract',
  ' * link:[http://arxiv.org/abs/2403.01329v1](http://arxiv.org/abs/2403.01329v1) ',
  ' * link:',
  '&#x110000; &amp; &lt;',
  '',
);
const noise = fc.string({ maxLength: 40, unit: 'binary' });
const digestLike = fc
  .array(fc.oneof({ weight: 4, arbitrary: structural }, { weight: 1, arbitrary: noise }), { maxLength: 60 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

describe('property: only DigestFormatError escapes', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        onlyFormatErrors(() => parseDigestDocument(text, 'fuzz.txt'));
        onlyFormatErrors(() => parseWeeklyOverview(text, 'fuzz.txt'));
        onlyFormatErrors(() => parseDailyDigest(text, 'fuzz.txt'));
        onlyFormatErrors(() => parseChatPaperBlock(text, 'fuzz.txt'));
        expect(() => tokenizeHtml(text)).not.toThrow();
        detectDigestKind(text);
      }),
      { numRuns: 300 },
    );
  });

  it('digest-shaped text', () => {
    fc.assert(
      fc.property(digestLike, (text) => {
        for (const parse of [parseDigestDocument, parseWeeklyOverview, parseDailyDigest]) {
          onlyFormatErrors(() => {
            const r = parse(text, 'fuzz.txt');
            mergeDigestEntries(r.entries);
            for (const w of r.warnings) {
              expect(w.file).toBe('fuzz.txt');
              expect(w.line).toBeGreaterThanOrEqual(1);
            }
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Every `## ` heading yields an entry on its line, or a warning inside its section (a bad link is
 * reported on the link's own line): nothing vanishes silently.
 */
function accountsForEveryHeading(text: string, r: DigestParseResult): void {
  const lines = text.split(/\r\n|\r|\n/);
  const headings = lines.flatMap((line, i) => (/^##\s/.test(line) ? [i + 1] : []));
  const entryLines = new Set(r.entries.map((e) => e.provenance[0]?.line));
  headings.forEach((line, k) => {
    const sectionEnd = headings[k + 1] ?? lines.length + 1;
    const warned = r.warnings.some((w) => w.line >= line && w.line < sectionEnd);
    expect(entryLines.has(line) || warned, `heading at line ${line} unaccounted`).toBe(true);
  });
}

describe('property: damaged real files never lose entries silently', () => {
  const sources = ['000', '001', '002', '003'].map((p) => {
    const { name, text } = readSource(p);
    return { name, text, ids: new Set(parseDigestDocument(text, name).entries.map((e) => e.arxivId)) };
  });

  it('truncation at any point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.double({ min: 0, max: 1, noNaN: true }), ({ name, text, ids }, frac) => {
        const cut = text.slice(0, Math.floor(text.length * frac));
        onlyFormatErrors(() => {
          const r = parseDigestDocument(cut, name);
          for (const e of r.entries) expect(ids.has(e.arxivId)).toBe(true);
          accountsForEveryHeading(cut, r);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('random line deletions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(fc.nat(), { maxLength: 8 }), ({ name, text }, drops) => {
        const lines = text.split('\n');
        const gone = new Set(drops.map((d) => d % lines.length));
        const damaged = lines.filter((_, i) => !gone.has(i)).join('\n');
        onlyFormatErrors(() => accountsForEveryHeading(damaged, parseDigestDocument(damaged, name)));
      }),
      { numRuns: 100 },
    );
  });
});
