/**
 * Mojibake detection and repair for digests that were UTF-8 read as a Windows
 * code page with some bytes lost. Pure: strings in, data out.
 */
export { looksLikeMojibake, mojibakeEvidence, type MojibakeEvidence } from './detect';
export { repairMojibake, repairIfMojibake, type RepairResult, type UncertainChar, type RepairOptions, type RepairDecision } from './repair';
export {
  trainRepairModel,
  repairModelFromJSON,
  withWeights,
  parseJiebaDictionary,
  reweightDictionary,
  DEFAULT_WEIGHTS,
  type RepairModel,
  type CharLanguageModel,
  type WordLexicon,
  type RepairWeights,
  type SerializedRepairModel,
  type TrainRepairModelInput,
} from './language-model';
export { corruptLikeSeed003, damagedCharIndices, isDamagedByCorruption } from './corrupt';
export { scanMojibake, enumerateFills, DROPPED_BYTES, PRIMARY_CODEPAGE, type MojibakePiece } from './bytes';
export { evaluateRoundTrip, combineEvaluations, type RepairEvaluation } from './evaluate';
