/**
 * Fuzzing the importer's first two stages (readImportFile, then prepareImportFile) with what a
 * user, a broken download or an attacker might pick: arbitrary strings and bytes, and the clean
 * daily and its mojibake twin mutated. The only error ever thrown must be ImportRejection, every
 * case must finish quickly, and whatever is accepted must be a valid, safe corpus paper.
 *
 * The seed is fixed. For a longer hunt: FUZZ_SEED=7 FUZZ_SCALE=10 npx vitest run test/lib/import/import-fuzz.test.ts
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusTaxonomyEntry } from '../../../lib/corpus';
import { CorpusPaperSchema } from '../../../lib/corpus/corpus-schema';
import { prepareImportFile, type PreparedFile } from '../../../lib/import/prepare-import-file';
import { ImportRejection, readImportFile } from '../../../lib/import/read-import-file';
import { trainRepairModel, type RepairModel } from '../../../lib/mojibake';
import { readSources } from '../../../data/tools/corpus-sources';
import { cleanTrainingTexts } from '../../../data/tools/repair-model';
import { htmlSafetyProblems } from '../latex/html-safety';
import { DAILY, fixtureBytes, fixtureText, MOJIBAKE } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20240520);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** The most one file may take through both stages; a clean daily takes about 20 ms. */
const BUDGET_MS = 2000;

const clean = fixtureText(DAILY);
const encode = (text: string) => new TextEncoder().encode(text);

let taxonomyEntries: CorpusTaxonomyEntry[];
let repairModel: RepairModel;
beforeAll(() => {
  const sources = readSources();
  // The real taxonomy, for title linking, without building the whole corpus.
  taxonomyEntries = buildCorpus(sources.filter((source) => source.file.startsWith('004_')), null).corpus.taxonomy.entries;
  // A small model (no dictionary): enough to exercise the repair path, fast to train.
  repairModel = trainRepairModel({ corpus: cleanTrainingTexts(sources) });
});

/** What one case did, and how long it took. */
type Outcome = { ms: number } & ({ accepted: PreparedFile } | { rejected: ImportRejection });

/**
 * One file through the importer. Throws (failing the property) on anything but an ImportRejection,
 * and checks what is accepted. `gate: false` skips readImportFile, as corpus JSON escapes can.
 */
function importOnce(name: string, bytes: Uint8Array, model: RepairModel | null, gate = true): Outcome {
  const started = performance.now();
  let text: string | undefined;
  try {
    text = gate ? readImportFile(name, bytes) : new TextDecoder().decode(bytes);
    const accepted = prepareImportFile(name, text, { taxonomyEntries, repairModel: model });
    const ms = performance.now() - started;
    for (const paper of accepted.papers) {
      const checked = v.safeParse(CorpusPaperSchema, paper);
      if (!checked.success) throw new Error(`${paper.arxivId} fails the corpus schema: ${checked.issues.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`).join('; ')}`);
      const unsafe = htmlSafetyProblems(paper.abstractHtml);
      if (unsafe.length > 0) throw new Error(`${paper.arxivId}: unsafe abstractHtml (${unsafe.join(', ')}): ${paper.abstractHtml.slice(0, 300)}`);
    }
    return { ms, accepted };
  } catch (error) {
    const ms = performance.now() - started;
    // prepareImportFile turns only the parsers' format errors into rejections: a bug surfaces here.
    if (!(error instanceof ImportRejection)) throw error;
    return { ms, rejected: error };
  }
}

/** Runs a property over `arbitrary`, keeping each case's time; the slowest must stay in budget. */
function fuzz<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Outcome, numRuns: number): { accepted: number; rejected: number } {
  const times: number[] = [];
  const tally = { accepted: 0, rejected: 0 };
  fc.assert(
    fc.property(arbitrary, (value) => {
      const outcome = run(value);
      times.push(outcome.ms);
      tally['accepted' in outcome ? 'accepted' : 'rejected']++;
    }),
    { seed: SEED, numRuns: numRuns * SCALE },
  );
  expect(Math.max(...times)).toBeLessThan(BUDGET_MS);
  return tally;
}

// ---- Arbitraries -------------------------------------------------------------------------------

const latexCommand = fc.oneof(
  fc.constantFrom(
    '\\frac{a}{b}', '\\sqrt', '\\mathcal{O}', '\\left(', '\\right)', '\\begin{matrix}', '\\end{matrix}', '\\begin{array}{c}', '\\\\', '&',
    '^', '_', '{', '}', '~', '#', '%', '\\def\\a{\\a\\a}\\a', '\\def\\x{\\y\\y\\y\\y}\\def\\y{aaaaaaaaaa}\\x', '\\newcommand{\\b}{\\b\\b}\\b',
    '\\gdef', '\\edef', '\\let\\c\\c', '\\expandafter', '\\href{javascript:alert(1)}{x}', '\\url{javascript:alert(1)}', '\\htmlClass{x}{y}',
    '\\includegraphics{x}', '\\color{red}', '\\textcolor{#f00}{x}', '\\rule{100000em}{1em}', '\\hspace{1000em}', '\\text{<img src=x>}', '\\operatorname{x}',
    '\\times', '\\alpha', '\\in', '\\mathbb{R}', '\\boldsymbol{x}', '\\overbrace{x}^{y}', '\\\\[-1000em]', '\\verb|x|', '\\char"41', '\\relax', '\\iffalse',
  ),
  fc.stringMatching(/^\\[a-zA-Z]{1,10}$/),
  fc.string({ maxLength: 4 }),
);
const math = fc
  .tuple(fc.constantFrom(['$', '$'], ['$$', '$$'], ['\\(', '\\)'], ['\\[', '\\]'], ['$', ''], ['', '$']), fc.array(latexCommand, { maxLength: 12 }))
  .map(([[open, close], parts]) => `${open}${parts.join('')}${close}`);
const htmlish = fc.oneof(
  fc.constantFrom(
    '<p>', '</p>', '<li>', '</li>', '<ol>', '</ol>', '<details>', '</details>', '<summary>', '</summary>', '<br>', '<br/>', '<!--', '-->', '<div',
    '<img src="https://picx.zhimg.com/v2-x.jpg" align="middle">', '<a href="https://example.org">', '</a>', '&amp;', '&lt;', '&#x3c;script&#x3e;', '&#0;',
    '<svg>', '<style>', '</style>', '<textarea>', '<![CDATA[', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">',
    '<iframe src=x>', '<!DOCTYPE html>', '<math><mi>x</mi></math>', '<svg onload=alert(1)>',
  ),
  fc.stringMatching(/^<\/?[a-z]{1,8}( [a-z]{1,6}="[^"<>]{0,8}")?>$/),
);
// Lines and labels of the digest formats, so that mutations reach deep into the parsers.
const structural = fc.constantFrom(
  '\n## ', '\n# 2024-05-20 更新\n', '\n# 2024-05-18--2024-05-21 生成式论文概览\n', '**Authors:', '**', '\n**Summary**\n', '\n**Key Takeaways**\n', '\n- ',
  '[PDF](http://arxiv.org/abs/2405.12007v1)', '[PDF](http://arxiv.org/abs/2405.12001v9)', '[PDF](', ' * link:[http://arxiv.org/abs/2405.12008v1](http://arxiv.org/abs/2405.12008v1)',
  '\n---\n', 'date: 2024-05-20 21:03:17', '<p>Title: ', '<p>Urls: https://arxiv.org/abs/2405.12001 , Github: None</p>', '<p>(1):', 'Some Error for method(x)',
  '**[ChatPaperFree](https://huggingface.co/spaces/Kedreamix/ChatPaperFree)**', '\n\u00a0\n', '\n\n\n', '\t', '\r\n',
);
const unicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\uFFFD', '\u200B', '\u202E', '\uFEFF', '\uD800', '\uDC00', '😀', 'e\u0301', 'Ã©', 'â€™', 'ä¸­æ–‡', 'æ‰©æ•£', '\u00a0', '\u2028', '中文', '□'),
);
const fragment = fc.oneof(math, htmlish, structural, unicode);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate-line'; line: number; times: number }
  | { kind: 'swap-lines'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }), text: fragment }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat(), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);

/** Applies mutations in order; positions wrap around the text's current length. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = 'at' in m ? m.at % (out.length + 1) : 0;
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'replace') out = out.slice(0, at) + m.text + out.slice(at + m.length);
    else {
      const lines = out.split('\n');
      if (m.kind === 'duplicate-line') {
        const i = m.line % lines.length;
        lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]!));
      } else {
        const [a, b] = [m.a % lines.length, m.b % lines.length];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      out = lines.join('\n');
    }
  }
  return out;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });

// ---- Properties --------------------------------------------------------------------------------

describe('the importer, fuzzed', () => {
  it('only ever rejects arbitrary strings with an ImportRejection, in time', () => {
    fuzz(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => importOnce('fuzz.txt', encode(text), null), 300);
  });

  it('only ever rejects arbitrary strings behind a digest heading with an ImportRejection, in time', () => {
    const heading = fc.constantFrom('# 2024-05-20 更新\n\n## ', '# 2024-05-18--2024-05-21 生成式论文概览\n## ', '---\ndate: 2024-05-20 21:03:17\n---\n# 2024-05-20 更新\n\n## ', '{"schemaVersion": 1, ');
    const text = fc.tuple(heading, fc.array(fc.oneof(fragment, fc.string({ maxLength: 30 })), { maxLength: 40 })).map(([head, parts]) => head + parts.join(''));
    fuzz(text, (t) => importOnce('fuzz.txt', encode(t), repairModel), 200);
  });

  it('only ever rejects arbitrary bytes with an ImportRejection, in time', () => {
    fuzz(fc.uint8Array({ maxLength: 4096 }), (bytes) => importOnce('fuzz.bin', bytes, null), 300);
  });

  it('survives the clean daily with bytes flipped', () => {
    const bytes = fixtureBytes(DAILY);
    const flips = fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });
    const tally = fuzz(
      flips,
      (changes) => {
        const copy = bytes.slice();
        for (const { at, byte } of changes) copy[at] = byte;
        return importOnce(DAILY, copy, repairModel);
      },
      200,
    );
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.rejected).toBeGreaterThan(0);
  });

  it('survives the clean daily mutated: slices inserted, deleted and replaced, lines duplicated, math and markup inserted', () => {
    const tally = fuzz(mutations, (ms) => importOnce(DAILY, encode(mutate(clean, ms)), repairModel), 200);
    // Most mutations leave a daily the importer reads: the parsers, KaTeX and linking were reached.
    expect(tally.accepted).toBeGreaterThan(tally.rejected);
  });

  it('sanitises what reaches the parsers without the first gate (markup the gate would refuse included)', () => {
    const tally = fuzz(mutations, (ms) => importOnce(DAILY, encode(mutate(clean, ms)), null, false), 150);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('survives the mojibake twin mutated, repaired by a model', () => {
    // Its first entry only, and fewer runs: repairing the whole twin takes 0.1 s or more a case.
    const twin = fixtureText(MOJIBAKE);
    const firstEntry = twin.slice(0, twin.indexOf('\n## ', twin.indexOf('\n## ') + 1));
    expect(importOnce(MOJIBAKE, encode(firstEntry), repairModel)).toMatchObject({ accepted: { notes: [expect.stringMatching(/^repaired as mojibake/)] } });
    fuzz(mutations, (ms) => importOnce(MOJIBAKE, encode(mutate(firstEntry, ms)), repairModel), 80);
  });

  it('survives corpus JSON with its strings and its text mutated', () => {
    const papers = prepareImportFile(DAILY, clean, { taxonomyEntries: [], repairModel: null }).papers;
    const json = JSON.stringify({ schemaVersion: 1, hash: 'a'.repeat(64), sources: [], papers, taxonomy: { nodes: [], entries: [] } }, null, 1);
    const leaves = json.split('\n').flatMap((line, i) => (/^\s*"[^"]+": ".*",?$/.test(line) ? [i] : []));
    const leafChange = fc.record({ leaf: fc.nat(), text: fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 20 })) });
    const change = fc.tuple(fc.array(leafChange, { maxLength: 6 }), fc.array(mutation, { maxLength: 3 }));
    const tally = fuzz(
      change,
      ([leafChanges, textMutations]) => {
        const lines = json.split('\n');
        for (const { leaf, text } of leafChanges) {
          const i = leaves[leaf % leaves.length]!;
          lines[i] = lines[i]!.replace(/: ".*"(,?)$/, (_, comma: string) => `: ${JSON.stringify(text)}${comma}`);
        }
        return importOnce('corpus.json', encode(mutate(lines.join('\n'), textMutations)), null, false);
      },
      200,
    );
    expect(tally.accepted).toBeGreaterThan(0);
  });
});
