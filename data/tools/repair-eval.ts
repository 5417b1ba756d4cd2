/**
 * Evaluation of the mojibake repair (run: npx tsx data/tools/repair-eval.ts [--tuning]).
 *
 * Prints JSON. The headline numbers come from the real daily digests beside the repository
 * (../shared/real-digests, see real-digests.ts): clean text from the same generator as seed 003,
 * never trained on. Each file is corrupted exactly like 003 (every UTF-8 byte spelled as one
 * Windows code-page character, the bytes 0x81 0x8D 0x8E 0x8F 0x90 0x9D 0x9E 0xAD lost), repaired
 * with the shipped model, and compared character by character. The held-out split is reported;
 * `--tuning` adds the split the decoder settings were chosen on. Every figure is measured for the
 * previous release's recipe in the same run (same machine, same load), so the ratios hold even
 * when the timings are noisy.
 *
 * Also reported: test/fixtures/mojibake/heldout-zh.txt (text written for the purpose), and for
 * seed 003, whose undamaged original is not in the project, what can be measured without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  combineEvaluations,
  evaluateRoundTrip,
  looksLikeMojibake,
  repairMojibake,
  type RepairEvaluation,
  type RepairModel,
  type RepairOptions,
} from '../../lib/mojibake';
import { PROJECT_ROOT as root, readSources } from './corpus-sources';
import { realDigests, REAL_DIGESTS_DIR, type RealDigest } from './real-digests';
import { loadPreviousRepairModel, loadRepairModel, PREVIOUS_RELEASE_OPTIONS, SHIPPED_MODEL_MIN_WORD_FREQ } from './repair-model';

const sources = readSources(root);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

interface Contender {
  name: string;
  model: RepairModel;
  options: RepairOptions;
  json: string;
}

const [previousModel, previousTrainMs] = timed(() => loadPreviousRepairModel(root, sources));
const [currentModel, currentTrainMs] = timed(() => loadRepairModel(root, sources, { minWordFreq: SHIPPED_MODEL_MIN_WORD_FREQ }));
const contenders: Contender[] = [
  { name: 'previous', model: previousModel, options: PREVIOUS_RELEASE_OPTIONS, json: JSON.stringify(previousModel.toJSON()) },
  { name: 'current', model: currentModel, options: {}, json: JSON.stringify(currentModel.toJSON()) },
];

function summary(e: RepairEvaluation, ms: number, megabytes: number, previous?: RepairEvaluation) {
  return {
    damagedChars: e.damagedChars,
    restoredShare: round(e.restoreRate),
    wrong: e.errors,
    wrongMarkedShare: round(e.flaggedErrorRate),
    falseMarks: e.falseMarks,
    falseMarksShareOfDamaged: round(e.falseMarks / Math.max(1, e.damagedChars)),
    ...(previous ? { falseMarksVsPrevious: round(e.falseMarks / Math.max(1, previous.falseMarks), 3), wrongVsPrevious: round(e.errors / Math.max(1, previous.errors), 3) } : {}),
    collateralDamage: e.collateralDamage,
    corruptAndRepairSecondsPerMB: round(ms / 1000 / megabytes, 2),
  };
}

function compare(texts: readonly string[]) {
  const megabytes = texts.reduce((acc, t) => acc + Buffer.byteLength(t), 0) / 1e6;
  const results = contenders.map((c) => timed(() => combineEvaluations(texts.map((t) => evaluateRoundTrip(t, c.model, c.options, 0)))));
  const out: Record<string, unknown> = { megabytes: round(megabytes, 2) };
  contenders.forEach((c, i) => (out[c.name] = summary(results[i]![0], results[i]![1], megabytes, i > 0 ? results[0]![0] : undefined)));
  return out;
}

function splitReport(digests: RealDigest[]) {
  if (digests.length === 0) return { skipped: `no real digests in ${REAL_DIGESTS_DIR}` };
  return { files: digests.length, hanChars: digests.reduce((acc, d) => acc + (d.text.match(/\p{Script=Han}/gu) ?? []).length, 0), ...compare(digests.map((d) => d.text)) };
}

/** Seed 003 has no ground truth here: marks, the characters the two repairs disagree on, and time. */
function seed003Report() {
  const damaged = sources.find((source) => looksLikeMojibake(source.text))!.text;
  const runs = contenders.map((c) => timed(() => repairMojibake(damaged, c.model, c.options)));
  const [previous, current] = runs.map(([r]) => r);
  const a = Array.from(previous!.text);
  const b = Array.from(current!.text);
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
  const megabytes = Buffer.byteLength(damaged) / 1e6;
  const out: Record<string, unknown> = { damagedChars: current!.damagedChars, charsTheRepairsDisagreeOn: changed };
  contenders.forEach((c, i) => {
    const [r, ms] = runs[i]!;
    out[c.name] = { marked: r.uncertain.length, markedShare: round(r.uncertain.length / Math.max(1, r.damagedChars)), repairSecondsPerMB: round(ms / 1000 / megabytes, 2) };
  });
  return out;
}

const tuning = process.argv.includes('--tuning');
console.log(
  JSON.stringify(
    {
      realDigestsHeldOut: splitReport(realDigests('heldout')),
      ...(tuning ? { realDigestsTuning: splitReport(realDigests('tuning')) } : {}),
      fixtureHeldout: compare([readFileSync(join(root, 'test', 'fixtures', 'mojibake', 'heldout-zh.txt'), 'utf8')]),
      seed003: seed003Report(),
      shippedModel: Object.fromEntries(contenders.map((c) => [c.name, { bytes: Buffer.byteLength(c.json) }])),
      trainingMs: { previous: Math.round(previousTrainMs), current: Math.round(currentTrainMs) },
      weights: currentModel.weights,
    },
    null,
    2,
  ),
);
