/**
 * Round-trip measurement: corrupt clean text the way seed 003 was damaged,
 * repair it, and compare the damaged positions with the original.
 */
import { corruptLikeSeed003, damagedCharIndices } from './corrupt';
import type { RepairModel } from './language-model';
import { repairMojibake, type RepairOptions } from './repair';

/** Accuracy and calibration of a repair on one clean text. */
export interface RepairEvaluation {
  /** Characters of the clean text that the corruption damages. */
  damagedChars: number;
  /** Damaged characters restored exactly. */
  restored: number;
  restoreRate: number;
  /** Damaged characters restored wrongly. */
  errors: number;
  /** Wrong characters that the repair marked uncertain. */
  flaggedErrors: number;
  /** flaggedErrors / errors (1 when there are no errors). */
  flaggedErrorRate: number;
  /** Damaged characters marked uncertain, right or wrong. */
  flagged: number;
  /** flagged / damagedChars. */
  flaggedRate: number;
  /** Right characters marked uncertain anyway (flagged − flaggedErrors): the marks that cry wolf. */
  falseMarks: number;
  /** Whether the repaired text differs from the clean text anywhere other than at damaged positions (should be false). */
  collateralDamage: boolean;
  /** Up to `maxExamples` wrong repairs as [expected, got, flagged]. */
  examples: [string, string, boolean][];
}

/** Corrupt `clean` like seed 003, repair it with `model`, and score the damaged positions. */
export function evaluateRoundTrip(clean: string, model: RepairModel, options: RepairOptions = {}, maxExamples = 20): RepairEvaluation {
  const result = repairMojibake(corruptLikeSeed003(clean), model, options);
  const want = Array.from(clean);
  const got = Array.from(result.text);
  const damaged = damagedCharIndices(clean);
  const damagedSet = new Set(damaged);
  const flaggedSet = new Set(result.uncertain.map((u) => u.index));
  let restored = 0;
  let flaggedErrors = 0;
  let flagged = 0;
  const examples: [string, string, boolean][] = [];
  for (const i of damaged) {
    const isFlagged = flaggedSet.has(i);
    if (isFlagged) flagged++;
    if (got[i] === want[i]) restored++;
    else {
      if (isFlagged) flaggedErrors++;
      if (examples.length < maxExamples) {
        const ctx = (from: string[]) => from.slice(Math.max(0, i - 4), i + 5).join('');
        examples.push([ctx(want), ctx(got), isFlagged]);
      }
    }
  }
  let collateralDamage = got.length !== want.length;
  if (!collateralDamage) for (let i = 0; i < want.length; i++) if (!damagedSet.has(i) && got[i] !== want[i]) collateralDamage = true;
  const errors = damaged.length - restored;
  return {
    damagedChars: damaged.length,
    restored,
    restoreRate: damaged.length ? restored / damaged.length : 1,
    errors,
    flaggedErrors,
    flaggedErrorRate: errors ? flaggedErrors / errors : 1,
    flagged,
    flaggedRate: damaged.length ? flagged / damaged.length : 0,
    falseMarks: flagged - flaggedErrors,
    collateralDamage,
    examples,
  };
}

/** Sum of several evaluations, as if their texts were one (examples are concatenated). */
export function combineEvaluations(parts: readonly RepairEvaluation[]): RepairEvaluation {
  const sum = (f: (e: RepairEvaluation) => number) => parts.reduce((acc, e) => acc + f(e), 0);
  const damagedChars = sum((e) => e.damagedChars);
  const restored = sum((e) => e.restored);
  const errors = sum((e) => e.errors);
  const flaggedErrors = sum((e) => e.flaggedErrors);
  const flagged = sum((e) => e.flagged);
  return {
    damagedChars,
    restored,
    restoreRate: damagedChars ? restored / damagedChars : 1,
    errors,
    flaggedErrors,
    flaggedErrorRate: errors ? flaggedErrors / errors : 1,
    flagged,
    flaggedRate: damagedChars ? flagged / damagedChars : 0,
    falseMarks: flagged - flaggedErrors,
    collateralDamage: parts.some((e) => e.collateralDamage),
    examples: parts.flatMap((e) => e.examples),
  };
}
