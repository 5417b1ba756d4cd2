/**
 * The repair on real digests it never trained on: the smaller files of the held-out split of
 * ../shared/real-digests (data/tools/real-digests.ts), corrupted like seed 003, repaired with the
 * shipped model and with the previous release's, in the same run. Skipped when the folder is absent.
 * `npx tsx data/tools/repair-eval.ts` measures the whole split.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { combineEvaluations, evaluateRoundTrip, type RepairEvaluation } from '../../../lib/mojibake';
import { PROJECT_ROOT, readSources } from '../../../data/tools/corpus-sources';
import { realDigests, REAL_DIGESTS_DIR } from '../../../data/tools/real-digests';
import { loadPreviousRepairModel, loadRepairModel, PREVIOUS_RELEASE_OPTIONS, SHIPPED_MODEL_MIN_WORD_FREQ } from '../../../data/tools/repair-model';

/** Small enough that both repairs of all of them take a few seconds. */
const MAX_CHARS = 20_000;
const sample = realDigests('heldout').filter((digest) => digest.text.length < MAX_CHARS);
if (sample.length === 0) console.warn(`real-digests repair: skipped, no held-out files in ${REAL_DIGESTS_DIR} (the shared folder sits beside the repository clone)`);

describe.skipIf(sample.length === 0)('repair of held-out real digests, against the previous release', () => {
  let current: RepairEvaluation;
  let previous: RepairEvaluation;

  beforeAll(() => {
    const sources = readSources(PROJECT_ROOT);
    const shipped = loadRepairModel(PROJECT_ROOT, sources, { minWordFreq: SHIPPED_MODEL_MIN_WORD_FREQ });
    current = combineEvaluations(sample.map((digest) => evaluateRoundTrip(digest.text, shipped)));
    const old = loadPreviousRepairModel(PROJECT_ROOT, sources);
    previous = combineEvaluations(sample.map((digest) => evaluateRoundTrip(digest.text, old, PREVIOUS_RELEASE_OPTIONS)));
  }, 120_000);

  it('has enough damaged text to measure', () => {
    expect(current.damagedChars).toBeGreaterThan(5000);
    expect(current.collateralDamage).toBe(false);
  });

  it('restores at least 97.5% of the damaged characters, with fewer wrong than the previous release', () => {
    expect(current.restoreRate).toBeGreaterThanOrEqual(0.975);
    expect(current.errors).toBeLessThan(previous.errors);
  });

  it('marks at least 95% of the characters it gets wrong', () => {
    expect(current.flaggedErrorRate).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the marks on right characters a small share of the damaged ones', () => {
    expect(current.falseMarks / current.damagedChars).toBeLessThanOrEqual(0.1);
  });
});
