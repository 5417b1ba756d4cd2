import { buildProjectCorpus } from '../../data/tools/corpus-sources';

let built: ReturnType<typeof buildProjectCorpus> | undefined;

/** The corpus built from data/sources/, once per test file: training the repair model takes seconds. */
export function projectCorpus(): ReturnType<typeof buildProjectCorpus> {
  built ??= buildProjectCorpus();
  return built;
}
