/**
 * The parsers and the importer against the real daily digests kept beside the repository
 * (`<repo root>/../shared/real-digests/`, listed in its MANIFEST.tsv). They are not ours to ship,
 * so they are read in place and never copied; without the folder this suite is skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDailyDigest } from '../../../lib/digest';
import { prepareImportFile } from '../../../lib/import/prepare-import-file';
import { containsRawLatexCommand } from '../../../lib/latex';
import { isReaderText, stringLeaves } from '../../../lib/corpus/string-leaves';
import { COVERED_FIELDS, crossFieldText, fieldsInSource, hasField, rawEntries, type CoveredField } from './real-digests-coverage';

const DIR = process.env.REAL_DIGESTS_DIR ?? fileURLToPath(new URL('../../../../shared/real-digests/', import.meta.url));
const MANIFEST = `${DIR.replace(/\/?$/, '/')}MANIFEST.tsv`;
const present = existsSync(MANIFEST);
if (!present) console.warn(`real-digests: skipped, no ${MANIFEST} (the shared folder sits beside the repository clone)`);

const files = present
  ? readFileSync(MANIFEST, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0] ?? '')
      .filter((name) => name !== '')
  : [];
const read = (name: string) => readFileSync(`${DIR.replace(/\/?$/, '/')}${name}`, 'utf8');

describe.skipIf(!present)(`real daily digests in ${DIR}`, () => {
  it('the manifest lists files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: imported whole, one entry per heading, every paper kept', (name) => {
    const text = read(name);
    const headings = rawEntries(text).length;
    const parsed = parseDailyDigest(text, name);
    expect(parsed.entries).toHaveLength(headings);
    const prepared = prepareImportFile(name, text, { taxonomyEntries: [], repairModel: null });
    expect(prepared.papers.length).toBe(new Set(parsed.entries.map((e) => e.arxivId)).size);
    // A paper the schema refused would be listed here with "left out".
    expect(prepared.skipped.filter((s) => s.reason.includes('left out'))).toEqual([]);
  });

  it('≥ 99 % of entries have every field their source block holds, and each field ≥ 99 %', () => {
    const present = new Map<CoveredField, number>();
    const parsed = new Map<CoveredField, number>();
    const missing: string[] = [];
    let complete = 0;
    let total = 0;
    for (const name of files) {
      const text = read(name);
      const raws = new Map(rawEntries(text).map((raw) => [raw.line, raw]));
      for (const entry of parseDailyDigest(text, name).entries) {
        const raw = raws.get(entry.provenance[0]?.line ?? 0);
        if (raw === undefined) throw new Error(`${name}: no raw entry for ${entry.arxivId}`);
        let whole = true;
        for (const field of fieldsInSource(raw)) {
          present.set(field, (present.get(field) ?? 0) + 1);
          if (hasField(entry, field)) parsed.set(field, (parsed.get(field) ?? 0) + 1);
          else {
            whole = false;
            missing.push(`${name}:${raw.line} ${field}`);
          }
        }
        total++;
        if (whole) complete++;
      }
    }
    expect(total).toBeGreaterThan(0);
    const shortFields = COVERED_FIELDS.filter((f) => (parsed.get(f) ?? 0) < 0.99 * (present.get(f) ?? 0));
    expect({ shortFields, missing: missing.slice(0, 20) }).toEqual({ shortFields: [], missing: expect.any(Array) });
    expect(complete / total, `entries missing a field:\n${missing.join('\n')}`).toBeGreaterThanOrEqual(0.99);
  });

  it('no notes field holds another field\'s text', () => {
    const problems = files.flatMap((name) => {
      const text = read(name);
      const raws = new Map(rawEntries(text).map((raw) => [raw.line, raw]));
      return parseDailyDigest(text, name).entries.flatMap((entry) =>
        crossFieldText(entry, raws.get(entry.provenance[0]?.line ?? 0)?.notes ?? '').map((p) => `${name} ${entry.arxivId} ${p}`),
      );
    });
    expect(problems).toEqual([]);
  });

  it('no raw LaTeX command in any field a reader sees', () => {
    const leaks = files.flatMap((name) =>
      prepareImportFile(name, read(name), { taxonomyEntries: [], repairModel: null }).papers.flatMap((paper) =>
        [...stringLeaves(paper)]
          .filter(([path, text]) => isReaderText(path) && path !== 'abstractHtml' && containsRawLatexCommand(text))
          .map(([path, text]) => `${name} ${paper.arxivId} ${path}: ${text.slice(0, 60)}`),
      ),
    );
    expect(leaks).toEqual([]);
  });

  it('the model\'s chatter is never a field: no notes field opens with it', () => {
    const chatter = /^(?:好的[，,]|以下是(?:对|这篇|该)|希望(?:以上|这些)|如果(?:您|你)有任何)/;
    const found = files.flatMap((name) =>
      parseDailyDigest(read(name), name).entries.flatMap((entry) => {
        const cp = entry.chatPaper;
        if (!cp) return [];
        const texts = [cp.titleZh ?? '', cp.affiliation ?? '', ...cp.authors, ...cp.keywords, ...cp.summary, ...cp.method, ...(cp.conclusion?.parts ?? [])];
        return texts.filter((t) => t.split('\n').some((l) => chatter.test(l.trim()))).map((t) => `${name} ${entry.arxivId}: ${t.slice(0, 40)}`);
      }),
    );
    expect(found).toEqual([]);
  });

  it('warnings are only ones a user can act on: no zero-width-space noise, no developer wording', () => {
    const warnings = files.flatMap((name) => parseDailyDigest(read(name), name).warnings);
    expect(warnings.filter((w) => /\u200b|mergeDigestEntries|chatpaper-numbering/.test(`${w.message} ${w.code}`))).toEqual([]);
  });
});
