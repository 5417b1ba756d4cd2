import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareImportFile } from '../../../lib/import/prepare-import-file';
import { readImportFile } from '../../../lib/import/read-import-file';
import { boxProblems } from '../../lib/latex/box-problems';
import { projectCorpus } from '../../support/project-corpus';

const ROOT = join(import.meta.dirname, '../../..');

function corpus(args: string[]) {
  const run = spawnSync('npx', ['tsx', 'data/tools/corpus-cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.replace(/^npm warn.*\n/gm, '') };
}

// A made-up daily digest in the later, free-form Markdown style, with LaTeX in a takeaway.
const DIGEST = [
  '---',
  'title: Test',
  'date: 2024-09-01 00:00:00',
  '---',
  '## FooNet: Fast Things',
  '**Authors:Ann Lee, Bo Chen**',
  'We present \\ours{}, fast at $360^{\\circ}$.',
  '[PDF](http://arxiv.org/abs/2409.00001v1)',
  '**Summary**',
  '一句话。',
  '**Key Takeaways**',
  '- \\ours 很快，见 \\href{https://foo.test}{主页}。',
  '**[ChatPaperFree](https://huggingface.co/spaces/Kedreamix/ChatPaperFree)**',
  '',
  '好的，我会按照您的要求回答。',
  '',
  '1. **标题**：FooNet：快速的东西',
  '2. **作者**：Ann Lee, Bo Chen',
  '3. **隶属关系**：某大学',
  '4. **关键词**：快, 东西',
  '5. **链接**：https://arxiv.org/abs/2409.00001, Github: None',
  '6. **摘要**：',
  '    - (1) 背景。',
  '    - (2) 过去。',
  '7. **方法**：',
  '    - (1) 方法一。',
  '8. **结论**：',
  '    - (1) 意义。',
  '<details><img src="https://x.test/a.jpg"></details>',
].join('\n');

describe('corpus CLI import-check', () => {
  it('prints one JSON line per file, in order, with the card fields; a refused file is a line too, not an exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adc-import-check-'));
    const digest = join(dir, 'digest.md');
    const binary = join(dir, 'binary.md');
    writeFileSync(digest, DIGEST);
    writeFileSync(binary, new Uint8Array([0xff, 0xfe, 0x00, 0x01]));
    const run = corpus(['import-check', digest, binary, join(dir, 'missing.md'), join(ROOT, 'data/sources/001_d39873fc5115af1d.txt')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.file, l.accepted])).toEqual([
      [digest, true],
      [binary, false],
      [join(dir, 'missing.md'), false],
      [join(ROOT, 'data/sources/001_d39873fc5115af1d.txt'), true],
    ]);
    const [made, refused] = lines;
    expect(refused.reason).toMatch(/not UTF-8 text|binary/);
    expect(made.papers).toHaveLength(1);
    expect(made.papers[0]).toMatchObject({
      arxivId: '2409.00001',
      version: 1,
      title: 'FooNet: Fast Things',
      fields: {
        summaryZh: '一句话。',
        titleZh: 'FooNet：快速的东西',
        affiliation: '某大学',
        keywords: ['快', '东西'],
        summary: ['背景。', '过去。'],
        method: ['方法一。'],
        conclusion: { significance: '意义。' },
      },
      placements: [],
    });
    // No backslash command reaches a reader, and the model's chatter is no field.
    expect(JSON.stringify(made.papers[0].fields)).not.toMatch(/\\\\[A-Za-z]|好的/);
    expect(made.warnings).toEqual([]);
    // The seed is linked to the bundled taxonomy.
    expect(lines[3].papers.find((p: { arxivId: string }) => p.arxivId === '2404.15449').placements[0].method).toBe('ID-Aligner');
  });

  it('exits 2 with the usage when no file is given', () => {
    const run = corpus(['import-check']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/import-check FILE/);
  });
});

// Issue 13: what an import would show of hostile files, as the command line reports it, stays in its box.
describe('corpus CLI import-check on hostile files', () => {
  const PHISHING = '<a class="card floating" href="https://evil.example/login" style="top:0;left:0;width:100vw;height:100vh;background-color:white">Your arXiv session expired…</a>';
  const HOSTILE_MATH = ['$x\\kern{-100em}y$', '$\\hspace{-1000em}$', '$\\mkern-9999mu x$', '$\\raisebox{-200em}{x}$', '$\\rule[-500em]{5em}{5em}$', '$\\sqrt{x^2}$'];

  it('prints the same contained abstract markup as the importer for corpus JSON and a daily digest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adc-import-check-hostile-'));
    const { corpus: bundled } = projectCorpus();
    const copy = structuredClone(bundled);
    copy.papers[0]!.abstractHtml = PHISHING;
    const json = join(dir, 'phishing.json');
    // Escaped as the report had it, so that the first check sees no markup in the raw text.
    writeFileSync(json, JSON.stringify(copy).replace(/</g, '\\u003c'));
    const daily = join(dir, 'hostile-math.md');
    writeFileSync(daily, DIGEST.replace('We present \\ours{}, fast at $360^{\\circ}$.', `Sizes ${HOSTILE_MATH.join(' and ')}.`));

    const lines = corpus(['import-check', json, daily]).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.file, l.accepted])).toEqual([[json, true], [daily, true]]);
    const shown = lines.flatMap((l) => l.papers.map((p: { arxivId: string; fields: { abstractHtml: string } }) => [l.file, p.arxivId, p.fields.abstractHtml] as const));
    expect(shown.length).toBe(copy.papers.length + 1);
    for (const [file, arxivId, html] of shown) expect(boxProblems(html), `${file} ${arxivId}`).toEqual([]);

    // The command line shows what the importer itself prepares, not a reading of its own.
    const importer = (file: string) => prepareImportFile(basename(file), readImportFile(file, new Uint8Array(readFileSync(file))), { taxonomyEntries: bundled.taxonomy.entries, repairModel: null });
    expect(shown.filter(([file]) => file === json).map(([, , html]) => html)).toEqual(importer(json).papers.map((p) => p.abstractHtml));
    expect(shown.find(([file]) => file === daily)?.[2]).toBe(importer(daily).papers[0]!.abstractHtml);
    const phishing = shown.find(([file, id]) => file === json && id === copy.papers[0]!.arxivId)?.[2];
    expect(phishing).toBe('<a href="https://evil.example/login" style="background-color:white" rel="noopener noreferrer">Your arXiv session expired…</a>');
    // The one formula within bounds is still typeset; the ones past them are shown as text.
    expect(shown.find(([file]) => file === daily)?.[2]).toMatch(/class="katex"/);
  });
});
