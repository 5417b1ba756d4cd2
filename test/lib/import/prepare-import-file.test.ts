import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus, CorpusPaper } from '../../../lib/corpus';
import { CorpusPaperSchema } from '../../../lib/corpus/corpus-schema';
import { prepareImportFile, type ImportContext, type PreparedFile } from '../../../lib/import/prepare-import-file';
import { ImportRejection, readImportFile } from '../../../lib/import/read-import-file';
import type { RepairModel } from '../../../lib/mojibake';
import { PROJECT_ROOT, readSources } from '../../../data/tools/corpus-sources';
import { loadRepairModel, SHIPPED_MODEL_MIN_WORD_FREQ } from '../../../data/tools/repair-model';
import { projectCorpus } from '../../support/project-corpus';
import { htmlSafetyProblems } from '../latex/html-safety';
import { DAILY, fixtureBytes, MOJIBAKE, PAG_ENTRY as PAG, WEEKLY } from './helpers';


const { corpus } = projectCorpus();
const taxonomyEntries = corpus.taxonomy.entries;
/** A fixture through the first gate, as the importer reads it. */
const fixture = (name: string) => readImportFile(name, fixtureBytes(name));
const linked: ImportContext = { taxonomyEntries, repairModel: null };
const unlinked: ImportContext = { taxonomyEntries: [], repairModel: null };
const paperOf = (prepared: PreparedFile, id: string) => prepared.papers.find((paper) => paper.arxivId === id)!;

/** Runs `prepare` and returns the rejection it throws; fails when it throws anything else or nothing. */
function rejectionOf(prepare: () => unknown): ImportRejection {
  try {
    prepare();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRejection);
    return error as ImportRejection;
  }
  throw new Error('expected an ImportRejection, but the file was prepared');
}

/** The project corpus as corpus JSON, changed by `change`. */
function corpusJson(change: (corpus: Corpus) => void = () => {}): string {
  const copy = structuredClone(corpus);
  change(copy);
  return JSON.stringify(copy);
}

describe('prepareImportFile on digests', () => {
  it('reads the clean daily as 3 papers, with nothing skipped and nothing to note', () => {
    const prepared = prepareImportFile(DAILY, fixture(DAILY), linked);
    expect(prepared).toMatchObject({ file: DAILY, kind: 'daily', skipped: [], notes: [] });
    expect(prepared.papers.map((paper) => paper.arxivId)).toEqual(['2405.12001', '2405.12002', '2405.12003']);
    expect(paperOf(prepared, '2405.12001').provenance).toEqual([expect.objectContaining({ sourceFile: DAILY, kind: 'daily', digestDate: '2024-05-20', version: 1 })]);
  });

  it('pre-renders the math of 2405.12002 with KaTeX and leaves plain text in the abstract', () => {
    const wavemix = paperOf(prepareImportFile(DAILY, fixture(DAILY), linked), '2405.12002');
    expect(wavemix.abstractHtml).toContain('<span class="katex">');
    expect(wavemix.abstractHtml).toContain('mathvariant="script"');
    expect(wavemix.abstractHtml).not.toContain('\\mathcal');
    expect(wavemix.abstract).not.toMatch(/\$|\\mathcal|\\times/);
    expect(htmlSafetyProblems(wavemix.abstractHtml)).toEqual([]);
  });

  it('links 2405.12001 by its title to the PAG entry of the bundled taxonomy, and nothing else to anything', () => {
    const prepared = prepareImportFile(DAILY, fixture(DAILY), linked);
    expect(prepared.papers.map((paper) => [paper.arxivId, paper.taxonomyEntryIds])).toEqual([
      ['2405.12001', [PAG]],
      ['2405.12002', []],
      ['2405.12003', []],
    ]);
  });

  it('leaves the taxonomy entries it links to unchanged', () => {
    const before = structuredClone(taxonomyEntries.find((entry) => entry.id === PAG)!);
    prepareImportFile(DAILY, fixture(DAILY), linked);
    expect(taxonomyEntries.find((entry) => entry.id === PAG)).toEqual(before);
  });

  it('links nothing when given no taxonomy entries', () => {
    const prepared = prepareImportFile(DAILY, fixture(DAILY), unlinked);
    expect(prepared.papers.map((paper) => paper.taxonomyEntryIds)).toEqual([[], [], []]);
  });

  it('reads the weekly as 2 papers of kind weekly, linked to nothing', () => {
    const prepared = prepareImportFile(WEEKLY, fixture(WEEKLY), linked);
    expect(prepared).toMatchObject({ kind: 'weekly', skipped: [], notes: [] });
    expect(prepared.papers.map((paper) => [paper.arxivId, paper.taxonomyEntryIds])).toEqual([
      ['2405.12004', []],
      ['2405.12005', []],
    ]);
  });

  it('reports entries the parser skipped with their line, and imports the rest', () => {
    // A second entry cut off before its link: the parser skips it, the first still goes in.
    const text = `${fixture(WEEKLY)}## A Weekly Entry Cut Short \n  * 2024-05-20  \n`;
    const prepared = prepareImportFile(WEEKLY, text, unlinked);
    expect(prepared.papers).toHaveLength(2);
    expect(prepared.skipped).toEqual([{ line: expect.any(Number), reason: expect.stringContaining('A Weekly Entry Cut Short') }]);
  });

  it('reports what looked wrong in an imported entry as a warning, not as a skipped entry', () => {
    // The daily's first entry loses its takeaways: it still goes in, with a warning.
    const text = fixture(DAILY).replace(/\*\*Key Takeaways\*\*/, '**Something Else**');
    const prepared = prepareImportFile(DAILY, text, unlinked);
    expect(prepared.papers).toHaveLength(3);
    expect(prepared.skipped).toEqual([]);
    expect(prepared.warnings.length).toBeGreaterThan(0);
  });

  it('words a refusal without repeating the file name', () => {
    const error = rejectionOf(() => prepareImportFile('broken-daily.md', '---\ntitle: x\n---\nno entries here\n', unlinked));
    expect(error.reason).not.toContain('broken-daily.md');
  });
});

describe('prepareImportFile on the mojibake twin', () => {
  let model: RepairModel;
  let clean: PreparedFile;
  let repaired: PreparedFile;
  beforeAll(() => {
    model = loadRepairModel(PROJECT_ROOT, readSources(), { minWordFreq: SHIPPED_MODEL_MIN_WORD_FREQ });
    clean = prepareImportFile(DAILY, fixture(DAILY), linked);
    repaired = prepareImportFile(MOJIBAKE, fixture(MOJIBAKE), { taxonomyEntries, repairModel: model });
  }, 120_000);

  it('repairs it with the shipped model into the same papers, with the same titles and links', () => {
    expect(repaired.kind).toBe('daily');
    expect(repaired.papers.map((paper) => [paper.arxivId, paper.title, paper.taxonomyEntryIds])).toEqual(clean.papers.map((paper) => [paper.arxivId, paper.title, paper.taxonomyEntryIds]));
  });

  it('notes the repair, with the damaged and uncertain counts', () => {
    expect(repaired.notes).toEqual([expect.stringMatching(/^repaired as mojibake: [1-9]\d* damaged characters restored, \d+ of them marked uncertain$/)]);
    expect(repaired.papers.some((paper) => paper.uncertain.length > 0)).toBe(true);
  });

  it('restores at least 90% of the Chinese summaries character for character', () => {
    const expected = [...clean.papers.map((paper) => paper.summaryZh ?? '').join('\n')];
    const actual = [...repaired.papers.map((paper) => paper.summaryZh ?? '').join('\n')];
    const same = expected.filter((char, i) => actual[i] === char).length;
    expect(expected.length).toBeGreaterThan(100);
    expect(same / Math.max(expected.length, actual.length)).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves no mojibake in any paper', () => {
    expect(JSON.stringify(repaired.papers)).not.toMatch(/[ÃÂâåæçäèéï][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/);
  });

  it('refuses it when no repair model is given, rather than import garbled text', () => {
    expect(rejectionOf(() => prepareImportFile(MOJIBAKE, fixture(MOJIBAKE), linked)).reason).toMatch(/looks like mojibake, and no repair model was given/);
  });
});

describe('prepareImportFile refuses', () => {
  it('the macro bomb, naming KaTeX’s limits and the line', () => {
    const rejection = rejectionOf(() => prepareImportFile('macro-bomb.txt', fixture('macro-bomb.txt'), linked));
    expect(rejection.file).toBe('macro-bomb.txt');
    expect(rejection.reason).toMatch(/^line \d+: math in the abstract of 2405\.12009 hit KaTeX's limits \(.*Too many expansions.*\)\. Files with math built to exhaust the renderer are not imported$/);
  });

  it('the taxonomy seed, saying taxonomies are not imported', () => {
    const taxonomy = readSources().find((source) => source.file.startsWith('004_'))!;
    expect(rejectionOf(() => prepareImportFile(taxonomy.file, taxonomy.text, linked)).reason).toMatch(/this is a taxonomy export; only digests can be imported/);
  });

  it.each([
    ['prose', 'hello world\n', /expected a weekly overview, a daily digest/],
    ['a daily heading with no entry', '# 2024-05-20 更新\n\nnothing here\n', /expected a weekly overview, a daily digest/],
    ['a weekly whose only entry has no link', '# 2024-05-18--2024-05-21 生成式论文概览\n## A title\n', /^no digest entry could be read \(line 2: entry "A title" skipped: expected a ' \* link:/],
    ['a JSON array', '[1, 2]', /expected a weekly overview, a daily digest/],
  ])('a text with no digest (%s), saying why', (_, text, reason) => {
    expect(rejectionOf(() => prepareImportFile('nothing.txt', text, linked)).reason).toMatch(reason);
  });
});

describe('prepareImportFile on corpus JSON', () => {
  it('imports the 44 papers of the project corpus and notes that its taxonomy was left aside', () => {
    const prepared = prepareImportFile('corpus.json', corpusJson(), linked);
    expect(prepared).toMatchObject({ file: 'corpus.json', kind: 'corpus', skipped: [] });
    expect(prepared.papers).toHaveLength(44);
    expect(prepared.notes).toEqual([`its taxonomy (${corpus.taxonomy.entries.length} entries) was left aside: imports add digests, and the bundled taxonomy stays`]);
  });

  it('links its papers afresh to the given entries, as the build linked them', () => {
    const prepared = prepareImportFile('corpus.json', corpusJson(), linked);
    expect(prepared.papers.map((paper) => paper.taxonomyEntryIds)).toEqual(corpus.papers.map((paper) => paper.taxonomyEntryIds));
    expect(prepared.papers.filter((paper) => paper.taxonomyEntryIds.length > 0).length).toBeGreaterThanOrEqual(12);
  });

  it('drops the links of its own taxonomy when given no entries', () => {
    const prepared = prepareImportFile('corpus.json', corpusJson(), unlinked);
    expect(prepared.papers.every((paper) => paper.taxonomyEntryIds.length === 0)).toBe(true);
  });

  it('notes nothing when it holds no taxonomy', () => {
    const json = corpusJson((c) => {
      c.taxonomy = { nodes: [], entries: [] };
      for (const paper of c.papers) paper.taxonomyEntryIds = [];
    });
    expect(prepareImportFile('corpus.json', json, linked).notes).toEqual([]);
  });

  const hostile = '<img src=x onerror=alert(1)><script>alert(document.cookie)</script><a href="javascript:alert(2)">PDF</a> text <iframe src="https://evil.example"></iframe><b onmouseover=alert(3)>bold</b>';

  it('sanitises a hostile abstractHtml: no script, no handler, no script URL', () => {
    const json = corpusJson((c) => {
      c.papers[0]!.abstractHtml = hostile;
    });
    // The first gate already refuses this text; the sanitiser must not depend on it.
    expect(() => readImportFile('hostile.json', new TextEncoder().encode(json))).toThrow(ImportRejection);
    const html = prepareImportFile('hostile.json', json, linked).papers[0]!.abstractHtml;
    expect(html).not.toMatch(/onerror|onmouseover|<script|javascript:|<iframe|<img/i);
    expect(html).toBe('<a rel="noopener noreferrer">PDF</a> text bold');
  });

  it('sanitises a hostile abstractHtml written with JSON escapes, which the first gate now decodes and refuses too', () => {
    const json = corpusJson((c) => {
      c.papers[0]!.abstractHtml = hostile;
    }).replace(/</g, '\\u003c');
    expect(() => readImportFile('escaped.json', new TextEncoder().encode(json))).toThrow(/once its JSON escapes are decoded/);
    // The sanitiser must not depend on the gate.
    const prepared = prepareImportFile('escaped.json', json, linked);
    expect(prepared.papers[0]!.abstractHtml).toBe('<a rel="noopener noreferrer">PDF</a> text bold');
    for (const paper of prepared.papers.slice(1)) expect(htmlSafetyProblems(paper.abstractHtml)).toEqual([]);
  });

  it('takes the card classes and the full-page box off issue 13\'s phishing abstract, escaped as the report had it', () => {
    const phishing = '<a class="card floating" href="https://evil.example/login" style="top:0;left:0;width:100vw;height:100vh;background-color:white">Your arXiv session expired…</a>';
    const json = corpusJson((c) => {
      c.papers[0]!.abstractHtml = phishing;
    }).replace(/</g, '\\u003c');
    const text = readImportFile('phishing.json', new TextEncoder().encode(json));
    expect(prepareImportFile('phishing.json', text, linked).papers[0]!.abstractHtml).toBe(
      '<a href="https://evil.example/login" style="background-color:white" rel="noopener noreferrer">Your arXiv session expired…</a>',
    );
  });

  it('keeps KaTeX output through the second sanitising', () => {
    const prepared = prepareImportFile('corpus.json', corpusJson(), linked);
    expect(prepared.papers.map((paper) => paper.abstractHtml)).toEqual(corpus.papers.map((paper) => paper.abstractHtml));
  });

  it.each([
    ['cut off', '{"schemaVersion": 1,', /^not valid JSON \(/],
    ['with a trailing comma', '{"schemaVersion": 1, }', /^not valid JSON \(/],
    ['a lone brace', '{', /^not valid JSON \(/],
  ])('refuses malformed JSON (%s), saying it is not valid JSON', (_, text, reason) => {
    expect(rejectionOf(() => prepareImportFile('bad.json', text, linked)).reason).toMatch(reason);
  });

  it.each<[string, string, RegExp]>([
    ['an object of something else', '{"papers": 3}', /^not a corpus file of this version: .*schemaVersion/],
    ['another schema version', corpusJson((c) => Object.assign(c, { schemaVersion: 2 })), /not a corpus file of this version: schemaVersion/],
    ['a paper with a bad arXiv id', corpusJson((c) => (c.papers[0]!.arxivId = 'not-an-id')), /papers\.0\.arxivId: expected an arXiv id/],
    ['a paper with a number for a title', corpusJson((c) => Object.assign(c.papers[1]!, { title: 42 })), /papers\.1\.title/],
    ['two papers with one id', corpusJson((c) => (c.papers[1]!.arxivId = c.papers[0]!.arxivId)), /two papers share an arXiv id/],
    ['a link to a missing taxonomy entry', corpusJson((c) => (c.papers[0]!.taxonomyEntryIds = ['nowhere#1'])), /a paper links to a taxonomy entry that does not exist/],
  ])('refuses schema-invalid corpus JSON (%s), naming the problem', (_, text, reason) => {
    expect(rejectionOf(() => prepareImportFile('bad.json', text, linked)).reason).toMatch(reason);
  });

  it('refuses a valid corpus that holds no digests', () => {
    const json = corpusJson((c) => {
      c.papers = [];
    });
    expect(rejectionOf(() => prepareImportFile('empty.json', json, linked)).reason).toBe('the corpus holds no digests');
  });
});

// Found by test/lib/import/import-fuzz.test.ts. Each is a lib bug; these tests fail until it is fixed.
describe('prepareImportFile on digests with odd links and entities (fuzz regressions)', () => {
  const schemaIssues = (paper: CorpusPaper) => {
    const checked = v.safeParse(CorpusPaperSchema, paper);
    return checked.success ? [] : checked.issues.map((issue) => `${paper.arxivId} ${v.getDotPath(issue)}: ${issue.message}`);
  };

  it.each([
    ['a protocol-relative screenshot URL', 'src="https://pic1.zhimg.com/v2-5712', 'src="//pic1.zhimg.com/v2-5712'],
    ['a relative screenshot URL', 'src="https://pica.zhimg.com/v2-70b8', 'src="v2-70b8'],
    ['a screenshot src whose opening quote was lost (U+FFFD)', 'src="https://picx.zhimg.com/v2-237b', 'src=\uFFFDhttps://picx.zhimg.com/v2-237b'],
    ['&#0; in a ChatPaper title', '<p>Title: 自我校正', '<p>Title: 自我&#0;校正'],
    ['&#xD800; (a lone surrogate) in a ChatPaper title', '<p>Title: 自我校正', '<p>Title: 自我&#xD800;校正'],
    ['&#65533; written out in a ChatPaper title', '<p>Title: 自我校正', '<p>Title: 自我&#65533;校正'],
  ])('refuses, or returns papers valid against the corpus schema, for %s', (_, from, to) => {
    const text = fixture(DAILY).replace(from, to);
    expect(text).not.toBe(fixture(DAILY));
    let prepared: PreparedFile;
    try {
      prepared = prepareImportFile(DAILY, text, linked);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportRejection);
      return;
    }
    expect(prepared.papers.flatMap(schemaIssues)).toEqual([]);
  });

  it.each([
    { kind: 'daily', file: DAILY, from: 'http://arxiv.org/abs/2405.12002v1', to: 'http://arxiv.org/abs/2405.12002v1%', ids: ['2405.12001', '2405.12003'] },
    { kind: 'daily', file: DAILY, from: 'http://arxiv.org/abs/2405.12002v1', to: 'http://arxiv.org/abs/%E0%A4%A', ids: ['2405.12001', '2405.12003'] },
    // The fuzz's shrunk counterexample: the "h" of the first PDF link replaced by `$\a%$`.
    { kind: 'daily', file: DAILY, from: '[PDF](http://arxiv.org/abs/2405.12001v1)', to: '[PDF]($\\a%$ttp://arxiv.org/abs/2405.12001v1)', ids: ['2405.12002', '2405.12003'] },
    { kind: 'weekly', file: WEEKLY, from: 'http://arxiv.org/abs/2405.12004v1', to: 'http://arxiv.org/abs/2405.12004v1%zz', ids: ['2405.12005'] },
  ])('skips the $kind entry linked to $to (a malformed percent-escape), and imports the others', ({ file, from, to, ids }) => {
    const text = fixture(file).replaceAll(from, to);
    expect(text).not.toBe(fixture(file));
    const prepared = prepareImportFile(file, text, linked);
    expect(prepared.papers.map((paper) => paper.arxivId)).toEqual(ids);
    expect(prepared.skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(/skipped/) })]);
  });
});
