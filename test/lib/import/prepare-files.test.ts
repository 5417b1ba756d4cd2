import { describe, expect, it } from 'vitest';
import { looksLikeMojibake } from '../../../lib/mojibake';
import { prepareFiles, watchHelpers, type DecodedFile, type PrepareHelper, type PrepareReply, type PrepareRequest } from '../../../lib/import/prepare-files';
import { servePrepareRequests } from '../../../lib/import/prepare-worker-server';
import { projectCorpus } from '../../support/project-corpus';
import { DAILY, fixtureText, generatedWeekly, MOJIBAKE, WEEKLY } from './helpers';

const context = { taxonomyEntries: projectCorpus().corpus.taxonomy.entries, repairModel: null };
const decoded = (file: string, text: string): DecodedFile => ({ file, text, looksLikeMojibake: looksLikeMojibake(text) });
const FILES: DecodedFile[] = [
  decoded(DAILY, fixtureText(DAILY)),
  decoded('weekly-300.txt', generatedWeekly(300)),
  decoded(WEEKLY, fixtureText(WEEKLY)),
  decoded('prose.txt', 'hello world\n'),
  decoded('weekly-120.txt', generatedWeekly(120)),
];

/**
 * A helper that runs the real helper code in this process, with what crosses a worker's boundary
 * cloned and delivered later, as a worker's messages are. `dies` makes it fail on its nth file.
 */
function inProcessHelper({ dies }: { dies?: number } = {}) {
  const given: string[] = [];
  const listeners = { message: [] as ((event: { data: PrepareReply }) => void)[], error: [] as (() => void)[] };
  let serve: ((event: { data: PrepareRequest }) => void) | undefined;
  servePrepareRequests({
    postMessage: (reply) => setTimeout(() => listeners.message.forEach((listener) => listener({ data: structuredClone(reply) }))),
    addEventListener: (_type, listener) => void (serve = listener),
  });
  const helper: PrepareHelper & { given: string[]; taxonomyGiven: number } = {
    given,
    taxonomyGiven: 0,
    postMessage(request) {
      given.push(request.file);
      if (request.taxonomyEntries) helper.taxonomyGiven++;
      setTimeout(() => (given.length === dies ? listeners.error.forEach((listener) => listener()) : serve!({ data: structuredClone(request) })));
    },
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
    terminate: () => undefined,
  };
  return helper;
}

describe('prepareFiles', () => {
  const alone = () => prepareFiles(FILES, context);

  it('gives with helpers what this thread gives alone, in the order of the files, each helper having worked', async () => {
    const helpers = [inProcessHelper(), inProcessHelper()];
    const shared = await prepareFiles(FILES, context, { helpers: watchHelpers(helpers) });
    expect(shared).toEqual(await alone());
    expect(shared.map((result) => result.file)).toEqual(FILES.map((file) => file.file));
    expect(helpers.every((helper) => helper.given.length > 0)).toBe(true);
    // The taxonomy crosses once per helper, with its first file.
    expect(helpers.map((helper) => helper.taxonomyGiven)).toEqual([1, 1]);
  });

  it('reports a refused file as refused, whoever prepared it', async () => {
    const shared = await prepareFiles(FILES, context, { helpers: watchHelpers([inProcessHelper()]) });
    expect(shared[3]).toEqual({ file: 'prose.txt', error: expect.stringMatching(/expected a weekly overview, a daily digest/) });
  });

  it.each([1, 2])('loses no file when a helper dies on its file number %i', async (dies) => {
    const dying = inProcessHelper({ dies });
    const shared = await prepareFiles(FILES, context, { helpers: watchHelpers([dying, inProcessHelper()]) });
    expect(dying.given).toHaveLength(dies);
    expect(shared).toEqual(await alone());
  });

  it('keeps a damaged file on this thread, where the repair model is', async () => {
    const helper = inProcessHelper();
    const damaged = decoded(MOJIBAKE, fixtureText(MOJIBAKE));
    expect(damaged.looksLikeMojibake).toBe(true);
    const shared = await prepareFiles([damaged, ...FILES], context, { helpers: watchHelpers([helper]) });
    expect(helper.given).not.toContain(MOJIBAKE);
    expect(shared[0]).toEqual({ file: MOJIBAKE, error: expect.stringMatching(/looks like mojibake, and no repair model was given/) });
  });

  it('counts each file done, once', async () => {
    const counts: number[] = [];
    await prepareFiles(FILES, context, { helpers: watchHelpers([inProcessHelper()]), onPrepared: (done) => counts.push(done) });
    expect(counts).toEqual([1, 2, 3, 4, 5]);
  });

  it('hands out no file once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const helper = inProcessHelper();
    const shared = await prepareFiles(FILES, context, { helpers: watchHelpers([helper]), signal: controller.signal });
    expect(shared.filter(Boolean)).toEqual([]);
    expect(helper.given).toEqual([]);
  });
});
