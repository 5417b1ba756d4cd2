/**
 * `npm run --silent corpus -- <command>`: build and inspect the bundled corpus.
 * Output is JSON on stdout; errors go to stderr with a non-zero exit.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArxivLink } from '../../lib/arxiv';
import { buildCorpus, CorpusLookup, corpusStats, taxonomyPlacement, type CorpusPaper, type CorpusTaxonomyNode } from '../../lib/corpus';
import { detectDigestKind } from '../../lib/digest';
import { prepareImportFile } from '../../lib/import/prepare-import-file';
import { checkImportFileSize, ImportRejection, readImportFile } from '../../lib/import/read-import-file';
import { looksLikeMojibake, repairMojibake, repairModelFromJSON, type RepairModel, type SerializedRepairModel } from '../../lib/mojibake';
import { buildProjectCorpus, PROJECT_ROOT, readSources } from './corpus-sources';
import { loadRepairModel, shippedRepairModelJson } from './repair-model';

const USAGE = `usage: corpus <command>
  build [--out FILE]                  write the corpus JSON the extension bundles (default data/generated/corpus.json; - for stdout)
  stats                               print corpus figures as one JSON object
  repair [--json]                     repair mojibake text from stdin
  lookup [ID-or-URL] [--title TITLE]  print what the corpus knows about a paper
  import-check FILE...                check digest files as the importer would; one JSON line per file`;

class UsageError extends Error {}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function commandBuild(args: string[]): void {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  const { build, corpus } = buildProjectCorpus();
  const json = JSON.stringify(corpus);
  for (const warning of build.warnings) process.stderr.write(`warning: ${warning.file}:${warning.line}: ${warning.message}\n`);
  if (values.out === '-') {
    process.stdout.write(`${json}\n`);
    return;
  }
  const out = resolve(values.out ?? resolve(PROJECT_ROOT, 'data/generated/corpus.json'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  print({ out, hash: corpus.hash, bytes: Buffer.byteLength(json), papers: corpus.papers.length, taxonomyEntries: corpus.taxonomy.entries.length });
}

function commandStats(args: string[]): void {
  parseArgs({ args, options: {}, strict: true });
  print(corpusStats(buildProjectCorpus().build));
}

function commandRepair(args: string[]): void {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
  const input = readFileSync(0, 'utf8');
  const result = repairMojibake(input, loadRepairModel(PROJECT_ROOT, readSources()));
  if (values.json) print({ text: result.text, uncertain: result.uncertain });
  else process.stdout.write(result.text);
}

function commandLookup(args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { title: { type: 'string' } }, allowPositionals: true, strict: true });
  const target = positionals[0];
  if (positionals.length > 1) throw new UsageError('lookup takes one id or URL');
  if (target === undefined && values.title === undefined) throw new UsageError('lookup needs an id, a URL or --title');
  // Checked before the corpus is built, which takes seconds.
  const id = target === undefined ? undefined : parseArxivLink(target)?.id;
  if (target !== undefined && id === undefined) throw new Error(`not an arXiv id or paper URL: ${target}`);
  const lookup = new CorpusLookup(buildProjectCorpus().corpus);
  print(id !== undefined ? lookup.byId(id) : lookup.byTitle(values.title!));
}

/** What the card shows of a paper, by field name; empty fields are left out. */
function cardFields(paper: CorpusPaper): Record<string, unknown> {
  const cp = paper.chatPaper;
  const conclusion = cp?.conclusion;
  const named = conclusion
    ? Object.fromEntries((['significance', 'innovation', 'performance', 'workload'] as const).flatMap((k) => (conclusion[k] === null ? [] : [[k, conclusion[k]]])))
    : {};
  const fields: Record<string, unknown> = {
    summaryZh: paper.summaryZh,
    takeaways: paper.takeaways,
    abstract: paper.abstract,
    // The markup the card puts in the abstract's box: escaped text, and KaTeX's output once sanitised.
    abstractHtml: paper.abstractHtml,
    titleZh: cp?.titleZh ?? null,
    affiliation: cp?.affiliation ?? null,
    keywords: cp?.keywords ?? [],
    github: cp?.urls?.github ?? null,
    summary: cp?.summary ?? [],
    method: cp?.method ?? [],
    // The card shows the named parts, or the numbered parts as written when none could be named.
    conclusion: Object.keys(named).length > 0 ? named : (conclusion?.parts ?? []),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)));
}

/** The bundled taxonomy, parsed from its source alone: the digests and the repair model are not needed for it. */
function bundledTaxonomy() {
  const sources = readSources().filter((source) => detectDigestKind(source.text) === null && !looksLikeMojibake(source.text));
  return buildCorpus(sources, null).corpus.taxonomy;
}

function commandImportCheck(args: string[]): void {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError('import-check needs at least one FILE');
  // Read as the options page reads a picked file: size first, then the text checks.
  const read = positionals.map((file) => {
    try {
      checkImportFileSize(file, statSync(file).size);
      return { file, text: readImportFile(file, new Uint8Array(readFileSync(file))) };
    } catch (error) {
      return { file, error: error instanceof ImportRejection ? error.reason : `the file could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
  });
  // The model the extension ships, through its JSON as the import worker loads it; only when a file needs it.
  let repairModel: RepairModel | null = null;
  if (read.some((entry) => 'text' in entry && looksLikeMojibake(entry.text))) {
    repairModel = repairModelFromJSON(JSON.parse(shippedRepairModelJson(PROJECT_ROOT, readSources())) as SerializedRepairModel);
  }
  const taxonomy = bundledTaxonomy();
  const nodes = new Map<string, CorpusTaxonomyNode>(taxonomy.nodes.map((node) => [node.id, node]));
  const entries = new Map(taxonomy.entries.map((entry) => [entry.id, entry]));
  for (const entry of read) {
    if (!('text' in entry)) {
      process.stdout.write(`${JSON.stringify({ file: entry.file, accepted: false, reason: entry.error, papers: [], warnings: [] })}\n`);
      continue;
    }
    try {
      const prepared = prepareImportFile(basename(entry.file), entry.text, { taxonomyEntries: taxonomy.entries, repairModel });
      const papers = prepared.papers.map((paper) => ({
        arxivId: paper.arxivId,
        version: paper.version,
        title: paper.title,
        fields: cardFields(paper),
        placements: paper.taxonomyEntryIds.flatMap((id) => {
          const found = entries.get(id);
          return found ? [taxonomyPlacement(found, (nodeId) => nodes.get(nodeId))] : [];
        }),
      }));
      const warnings = [...prepared.notes, ...prepared.skipped.map((skip) => `line ${skip.line}: ${skip.reason}`)];
      process.stdout.write(`${JSON.stringify({ file: entry.file, accepted: true, papers, warnings })}\n`);
    } catch (error) {
      if (!(error instanceof ImportRejection)) throw error;
      process.stdout.write(`${JSON.stringify({ file: entry.file, accepted: false, reason: error.reason, papers: [], warnings: [] })}\n`);
    }
  }
}

const COMMANDS: Record<string, (args: string[]) => void> = {
  build: commandBuild,
  stats: commandStats,
  repair: commandRepair,
  lookup: commandLookup,
  'import-check': commandImportCheck,
};

function main(argv: string[]): number {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) throw new UsageError(name === undefined ? 'no command given' : `unknown command: ${name}`);
    command(args);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
