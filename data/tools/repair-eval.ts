/**
 * Evaluation of the mojibake repair (run: npx tsx data/tools/repair-eval.ts).
 *
 * Prints JSON. The headline numbers come from test/fixtures/mojibake/heldout-zh.txt,
 * text written for this purpose that no model ever trains on: it is corrupted
 * exactly like seed 003, repaired, and compared character by character.
 * dev-zh.txt is reported separately because the decoder settings were tuned on
 * it (and on cross-validation folds of the seeds), never on the held-out text.
 * A seeds-only character-bigram model is measured in the same run as baseline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRoundTrip, looksLikeMojibake, repairIfMojibake, trainRepairModel, type RepairEvaluation, type RepairModel } from '../../lib/mojibake';
import { PROJECT_ROOT as root, readSources } from './corpus-sources';
import { cleanTrainingTexts, loadRepairModel, SHIPPED_MODEL_MIN_WORD_FREQ } from './repair-model';

const sources = readSources(root);
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'mojibake', name), 'utf8');

function hanCount(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}

function summary(e: RepairEvaluation) {
  return {
    damagedChars: e.damagedChars,
    restored: e.restored,
    errors: e.errors,
    exactRestoreRate: round(e.restoreRate),
    errorsFlaggedUncertain: e.flaggedErrors,
    shareOfErrorsFlagged: round(e.flaggedErrorRate),
    damagedCharsFlagged: e.flagged,
    shareOfDamagedFlagged: round(e.flaggedRate),
    collateralDamage: e.collateralDamage,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, Math.round(performance.now() - t)];
}

const heldout = fixture('heldout-zh.txt');
const dev = fixture('dev-zh.txt');
const [model, trainMs] = timed(() => loadRepairModel(root, sources));
const [baseline, baselineTrainMs] = timed(
  (): RepairModel => trainRepairModel({ corpus: cleanTrainingTexts(sources), order: 2, triggerWindow: 0, weights: { triggerWeight: 0 } }),
);
const [compact, compactTrainMs] = timed(() => loadRepairModel(root, sources, { minWordFreq: SHIPPED_MODEL_MIN_WORD_FREQ }));

const seed003 = sources.find((source) => looksLikeMojibake(source.text))!.text;
const [repaired003, repair003Ms] = timed(() => repairIfMojibake(seed003, model));
const [heldoutEval, heldoutMs] = timed(() => evaluateRoundTrip(heldout, model));

const serialized = JSON.stringify(model.toJSON());
const compactSerialized = JSON.stringify(compact.toJSON());

console.log(
  JSON.stringify(
    {
      heldout: {
        file: 'test/fixtures/mojibake/heldout-zh.txt',
        hanChars: hanCount(heldout),
        model: summary(heldoutEval),
        baselineSeedsOnlyBigram: summary(evaluateRoundTrip(heldout, baseline)),
        compactModel: summary(evaluateRoundTrip(heldout, compact)),
      },
      devUsedForTuning: {
        file: 'test/fixtures/mojibake/dev-zh.txt',
        hanChars: hanCount(dev),
        model: summary(evaluateRoundTrip(dev, model)),
        baselineSeedsOnlyBigram: summary(evaluateRoundTrip(dev, baseline)),
      },
      seed003: {
        detectedAsMojibake: repaired003.repaired,
        damagedChars: repaired003.damagedChars,
        uncertainChars: repaired003.uncertain.length,
        shareUncertain: round(repaired003.uncertain.length / Math.max(1, repaired003.damagedChars)),
        containsReplacementChar: repaired003.text.includes('\uFFFD'),
      },
      timingMs: {
        trainFullModel: trainMs,
        repairSeed003: repair003Ms,
        trainPlusRepairSeed003: trainMs + repair003Ms,
        corruptAndRepairHeldout: heldoutMs,
        trainBaseline: baselineTrainMs,
        trainCompact: compactTrainMs,
      },
      serializedModelBytes: {
        full: Buffer.byteLength(serialized),
        compactMinWordFreq5: Buffer.byteLength(compactSerialized),
      },
      weights: model.weights,
    },
    null,
    2,
  ),
);
