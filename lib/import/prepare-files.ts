import type { CorpusTaxonomyEntry } from '../corpus';
import type { RejectedFile } from './plan-import';
import { prepareImportFile, type ImportContext, type PreparedFile } from './prepare-import-file';
import { ImportRejection } from './read-import-file';

/** A file read and decoded, with what the mojibake check said of it. */
export interface DecodedFile {
  file: string;
  text: string;
  looksLikeMojibake: boolean;
}

/** What a helper is asked: one clean file; the taxonomy comes with the first file it is given. */
export interface PrepareRequest {
  id: number;
  file: string;
  text: string;
  taxonomyEntries?: readonly CorpusTaxonomyEntry[];
}

/** What a helper says: that it has started, then for each file, the file prepared or why it was refused. */
export type PrepareReply = { ready: true } | { id: number; result: PreparedFile | RejectedFile };

/** A dedicated worker that prepares files (see prepare-worker-server.ts); `Worker` fits. */
export interface PrepareHelper {
  postMessage(request: PrepareRequest): void;
  addEventListener(type: 'message', listener: (event: { data: PrepareReply }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/** A helper, watched from its start (a worker's message with no listener yet is lost). */
export interface StartedHelper {
  helper: PrepareHelper;
  /** Settles when the helper says it has started, or has failed to. */
  started: Promise<void>;
}

/**
 * Watches helpers just made, in the task that made them (a worker's messages wait for the next).
 * Best made before the files are read: a worker's start needs its parent's thread now and then,
 * which is mostly waiting while files are read.
 */
export function watchHelpers(helpers: readonly PrepareHelper[]): StartedHelper[] {
  return helpers.map((helper) => {
    const started = new Promise<void>((resolve) => {
      helper.addEventListener('message', ({ data }) => 'ready' in data && resolve());
      helper.addEventListener('error', () => resolve());
    });
    return { helper, started };
  });
}

/** Options of {@link prepareFiles}. */
export interface PrepareFilesOptions {
  /** Workers to share the clean files with; this thread prepares its share too. */
  helpers?: readonly StartedHelper[];
  /** Called each time a file is done, with the count done so far. */
  onPrepared?: (done: number) => void;
  /** Stops handing out files; the result then lacks the files not begun. */
  signal?: AbortSignal;
}

/**
 * Runs each file through {@link prepareImportFile}, on this thread and on the helpers at once: each
 * takes the largest file left as soon as it is free. A damaged file is prepared here, where the
 * repair model is. A helper that dies gives its file back, and nothing is lost.
 * @returns each file's result, in the order of `files` (sparse where cancelled)
 * @example
 * const helpers = watchHelpers([new Worker(url)]);
 * const prepared = await prepareFiles(decoded, { taxonomyEntries, repairModel: null }, { helpers });
 */
export async function prepareFiles(files: readonly DecodedFile[], context: ImportContext, { helpers = [], onPrepared, signal }: PrepareFilesOptions = {}): Promise<(PreparedFile | RejectedFile)[]> {
  const results: (PreparedFile | RejectedFile)[] = new Array(files.length);
  // Largest first, so that no thread is left alone with a large file at the end.
  const queue = files.map((_, i) => i).sort((a, b) => files[b]!.text.length - files[a]!.text.length);
  const take = (clean: boolean): number | undefined => {
    if (signal?.aborted) return undefined;
    const at = clean ? queue.findIndex((i) => !files[i]!.looksLikeMojibake) : 0;
    return at === -1 || at >= queue.length ? undefined : queue.splice(at, 1)[0];
  };
  let done = 0;
  const finish = (i: number, result: PreparedFile | RejectedFile) => {
    results[i] = result;
    onPrepared?.(++done);
  };

  const helpersDone = helpers.map(
    ({ helper }) =>
      new Promise<void>((resolve) => {
        let current: number | undefined;
        let given = false;
        const next = () => {
          current = take(true);
          if (current === undefined) return resolve();
          const { file, text } = files[current]!;
          helper.postMessage({ id: current, file, text, ...(!given && { taxonomyEntries: context.taxonomyEntries }) });
          given = true;
        };
        helper.addEventListener('message', ({ data }) => {
          if ('ready' in data || data.id !== current) return;
          finish(data.id, data.result);
          next();
        });
        helper.addEventListener('error', () => {
          if (current !== undefined) queue.unshift(current);
          current = undefined;
          resolve();
        });
        next();
      }),
  );

  const prepareHere = async () => {
    for (let i = take(false); i !== undefined; i = take(false)) {
      finish(i, prepareOrReject(files[i]!, context));
      // Lets the helpers' answers in, so that each is given its next file while this thread works.
      if (helpers.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  // Were this thread to begin a file of its own before its helpers have started, they would start
  // only after several of its files; it waits for them a moment.
  if (helpers.length > 0) await Promise.race([Promise.all(helpers.map(({ started }) => started)), new Promise((resolve) => setTimeout(resolve, HELPER_START_WAIT_MS))]);
  await prepareHere();
  await Promise.all(helpersDone);
  // Files a helper gave back when it died after this thread had run out of work.
  await prepareHere();
  return results;
}

/** How long this thread waits for its helpers to start before it begins its share; they join it when they have. */
const HELPER_START_WAIT_MS = 1000;

/** One file through the pipeline: a file the pipeline refuses, or makes throw, is reported, never thrown. */
export function prepareOrReject({ file, text, looksLikeMojibake }: DecodedFile, context: ImportContext): PreparedFile | RejectedFile {
  try {
    return prepareImportFile(file, text, { ...context, looksLikeMojibake });
  } catch (error) {
    return rejectionOf(file, error);
  }
}

/**
 * Anything a file makes the pipeline throw is that file's problem, told to the user; it never
 * stops the other files.
 */
export function rejectionOf(file: string, error: unknown): RejectedFile {
  if (error instanceof ImportRejection) return { file, error: error.reason };
  return { file, error: `the file could not be read (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`.slice(0, 500) };
}
