/**
 * `npm run --silent corpus -- <command>`: build and inspect the bundled corpus.
 * Output is JSON on stdout; errors go to stderr with a non-zero exit.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArxivLink } from '../../lib/arxiv';
import { CorpusLookup, corpusStats } from '../../lib/corpus';
import { repairMojibake } from '../../lib/mojibake';
import { buildProjectCorpus, PROJECT_ROOT, readSources } from './corpus-sources';
import { loadRepairModel } from './repair-model';

const USAGE = `usage: corpus <command>
  build [--out FILE]                  write the corpus JSON the extension bundles (default data/generated/corpus.json; - for stdout)
  stats                               print corpus figures as one JSON object
  repair [--json]                     repair mojibake text from stdin
  lookup [ID-or-URL] [--title TITLE]  print what the corpus knows about a paper`;

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

const COMMANDS: Record<string, (args: string[]) => void> = {
  build: commandBuild,
  stats: commandStats,
  repair: commandRepair,
  lookup: commandLookup,
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
