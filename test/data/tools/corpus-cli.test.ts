import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCorpus } from '../../../lib/corpus';
import { corruptLikeSeed003 } from '../../../lib/mojibake';

const ROOT = join(import.meta.dirname, '../../..');

function corpus(args: string[], input?: string) {
  const run = spawnSync('npx', ['tsx', 'data/tools/corpus-cli.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.replace(/^npm warn.*\n/gm, '') };
}

describe('corpus CLI', () => {
  it('stats prints one JSON object with the figures', () => {
    const run = corpus(['stats']);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({ digests: 44, unplacedBlocks: 0, replacementChars: 0 });
    for (const key of ['taxonomyEntries', 'taxonomyNodes', 'linkedDigests', 'damagedChars', 'uncertainChars']) {
      expect(typeof stats[key], key).toBe('number');
    }
  });

  it('build --out writes a valid corpus, and lookup finds by URL and by title', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'adc-cli-')), 'corpus.json');
    const build = corpus(['build', '--out', out]);
    expect(build.code).toBe(0);
    expect(JSON.parse(build.stdout)).toMatchObject({ out, papers: 44 });
    const checked = validateCorpus(JSON.parse(readFileSync(out, 'utf8')));
    expect(checked.ok).toBe(true);

    const byUrl = corpus(['lookup', 'https://arxiv.org/pdf/2404.15449v1.pdf']);
    expect(byUrl.code).toBe(0);
    const found = JSON.parse(byUrl.stdout);
    expect(found.arxivId).toBe('2404.15449');
    expect(found.digest.title).toMatch(/^ID-Aligner/);
    expect(found.placements[0].path).toEqual(['Text-to-Image', 'X-to-Image (more fine-grained than text-to-image)', 'Image', 'ID-Aligner (image + text)']);

    const byTitle = JSON.parse(corpus(['lookup', '--title', 'Matryoshka Diffusion Models']).stdout);
    expect(byTitle).toMatchObject({ arxivId: null, digest: null });
    expect(byTitle.placements.map((p: { path: string[] }) => p.path)).toEqual([['Awesome Architecture', 'MDM']]);
  }, 120_000);

  it('repair --json restores mojibake from stdin and reports code-point indexes', () => {
    const clean = '扩散模型带来的文本图像生成在身份保持人像和商用图片上广泛应用。';
    const damaged = corruptLikeSeed003(clean);
    expect(damaged).not.toBe(clean);
    const run = corpus(['repair', '--json'], damaged);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.text).toBe(clean);
    for (const u of result.uncertain) expect([...result.text][u.index]).toBe(u.chosen);
    expect(corpus(['repair'], damaged).stdout).toBe(clean);
  });

  it.each([
    [['lookup', 'not-an-id'], 1, /not an arXiv id or paper URL/],
    [['lookup'], 2, /needs an id/],
    [['frobnicate'], 2, /unknown command/],
    [[], 2, /no command/],
    [['stats', '--bogus'], 2, /bogus/],
  ])('%j exits %i with a message on stderr', (args, code, message) => {
    const run = corpus(args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
