/**
 * Node-only loader for the mojibake repair model: trains it in memory on the clean sources and
 * jieba's word-frequency dictionary. Damaged sources are never training data, and they are told
 * apart by their text (`looksLikeMojibake`), not by their file names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { looksLikeMojibake, reweightDictionary, trainRepairModel, type RepairModel, type RepairOptions, type TrainRepairModelInput } from '../../lib/mojibake';
import type { SourceDocument } from '../../lib/corpus';

/** The texts of the sources that are not mojibake: the character n-grams are learnt from them. */
export function cleanTrainingTexts(sources: readonly SourceDocument[]): string[] {
  return sources.filter((source) => !looksLikeMojibake(source.text)).map((source) => source.text);
}

/**
 * TypeScript's Chinese (zh-cn) compiler messages: about 2,100 sentences, 35,000 Han characters of
 * plain technical prose ("在…中", "与…不兼容", "不能…"), from a package the project pins anyway.
 * The seeds are small, and one of them (004) is notes in a different register; these sentences
 * add ordinary written grammar around the function words the repair confuses most.
 */
export function readTypescriptChineseMessages(projectRoot: string): string {
  const require = createRequire(join(projectRoot, 'package.json'));
  const file = join(require.resolve('typescript/package.json'), '..', 'lib', 'zh-cn', 'diagnosticMessages.generated.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return Object.values(messages)
    .filter((message) => /\p{Script=Han}/u.test(message))
    .join('\n');
}

/** jieba's word-frequency dictionary (`word freq pos` per line), shipped inside `@node-rs/jieba`. */
export function readJiebaDictionary(projectRoot: string): string {
  const require = createRequire(join(projectRoot, 'package.json'));
  return readFileSync(join(require.resolve('@node-rs/jieba/package.json'), '..', 'dict.txt'), 'utf8');
}

/**
 * Word counts of written Chinese from the BLCU Chinese Corpus (BCC: books and other written text,
 * about ten billion characters), its 76,000 commonest words as `chinese-lexicon` ships them.
 * Only the counts are read (not the package's dictionary), at build time.
 */
export function readBookWordCounts(projectRoot: string): Map<string, number> {
  const require = createRequire(join(projectRoot, 'package.json'));
  // The module is one template literal of `word<TAB>count` lines; read as text, not run (running it also indexes every character).
  const source = readFileSync(require.resolve('chinese-lexicon/statistics/bookWordFrequency.js'), 'utf8');
  const counts = new Map<string, number>();
  for (const line of source.slice(source.indexOf('`') + 1, source.lastIndexOf('`')).split('\n')) {
    const tab = line.indexOf('\t');
    const count = Number(line.slice(tab + 1));
    if (tab > 0 && Number.isInteger(count) && count > 0) counts.set(line.slice(0, tab), count);
  }
  return counts;
}

/**
 * The dictionary the repair learns from: jieba's words and part-of-speech tags, with the counts of
 * its words of two or more characters taken from BCC's written text ({@link reweightDictionary}).
 * jieba's own counts come from older and narrower text: it counts 进来 above 进步, and the repair
 * read 科技的进步 as 科技的进来. On the tuning split this cuts wrong characters by 8% (1,000 to 920)
 * and marks on right characters by 3%.
 */
export function readRepairDictionary(projectRoot: string): string {
  return reweightDictionary(readJiebaDictionary(projectRoot), readBookWordCounts(projectRoot));
}

/**
 * Trains the repair model from the given sources and the dictionary.
 * @param overrides Replace parts of the training input (tests train on less).
 */
export function loadRepairModel(projectRoot: string, sources: readonly SourceDocument[], overrides: Partial<TrainRepairModelInput> = {}): RepairModel {
  return trainRepairModel({
    corpus: [...cleanTrainingTexts(sources), readTypescriptChineseMessages(projectRoot)],
    dictionary: readRepairDictionary(projectRoot),
    ...overrides,
  });
}

/**
 * Dictionary words rarer than this are left out of the model the extension ships for importing
 * digests, unless they hold a character the damage can hit (those are all kept: see
 * `keepDamageableWords`). The model is then 4.6 MB instead of about 6 MB with the whole dictionary, and
 * gets fewer characters wrong than both on the tuning split (1,000 against 1,003, and 1,084 with
 * only the words counted 20 times or more, a 2.2 MB model).
 */
export const SHIPPED_MODEL_MIN_WORD_FREQ = 20;

/** The compact repair model the extension ships, serialised; the importer loads it only for a damaged file. */
export function shippedRepairModelJson(projectRoot: string, sources: readonly SourceDocument[]): string {
  return JSON.stringify(loadRepairModel(projectRoot, sources, { minWordFreq: SHIPPED_MODEL_MIN_WORD_FREQ }).toJSON());
}

/**
 * The shipped model as the previous release trained it: seeds only, no word classes, word weight
 * 0.6 (run it with {@link PREVIOUS_RELEASE_OPTIONS}: each damaged character decided on its own).
 * Kept only so that the evaluation and its test measure the current repair against it in the same
 * run, on the same machine.
 */
export function loadPreviousRepairModel(projectRoot: string, sources: readonly SourceDocument[]): RepairModel {
  return trainRepairModel({
    corpus: cleanTrainingTexts(sources),
    dictionary: readJiebaDictionary(projectRoot),
    minWordFreq: SHIPPED_MODEL_MIN_WORD_FREQ,
    keepDamageableWords: false,
    wordClasses: false,
    weights: PREVIOUS_RELEASE_WEIGHTS,
  });
}

/** The previous release's decoder settings. */
const PREVIOUS_RELEASE_WEIGHTS = { wordWeight: 0.6, uncertainMargin: 4.5, uncertainMarginInWord: 4.5 };

/** Options that make {@link repairMojibake} decide as the previous release did. */
export const PREVIOUS_RELEASE_OPTIONS: RepairOptions = { documentConsistency: false };
