import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, validateCorpus, type Corpus, type CorpusBuildResult, type SourceDocument } from '../../lib/corpus';
import { loadRepairModel } from './repair-model';

/** The project's root folder: this file sits in data/tools/. */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** Reads every `*.txt` source in `data/sources/`, in name order. */
export function readSources(root = PROJECT_ROOT): SourceDocument[] {
  const folder = join(root, 'data', 'sources');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') }));
}

/**
 * Builds the corpus from `data/sources/`, stamps its hash and validates it against the schema.
 * @throws Error listing every schema problem when the result is not a valid corpus.
 */
export function buildProjectCorpus(root = PROJECT_ROOT): { build: CorpusBuildResult; corpus: Corpus } {
  const sources = readSources(root);
  const build = buildCorpus(sources, loadRepairModel(root, sources));
  const hash = createHash('sha256').update(JSON.stringify(build.corpus)).digest('hex');
  const checked = validateCorpus({ ...build.corpus, hash });
  if (!checked.ok) throw new Error(`the built corpus fails its schema:\n  ${checked.issues.slice(0, 20).join('\n  ')}`);
  return { build, corpus: checked.corpus };
}
