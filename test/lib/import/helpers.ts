import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSourceFile } from '../../../lib/import/run-import';

/** The import fixtures; test/fixtures/import/README.md says what each holds. */
export const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
export const DAILY = 'daily-2024-05-20.txt';
export const MOJIBAKE = 'daily-2024-05-20-mojibake.txt';
export const WEEKLY = 'weekly-2024-05-20.txt';
/** The taxonomy entry 2405.12001 of the clean daily links to by title. */
export const PAG_ENTRY = 'text-to-image/enhancement/pag#1';
export const PAG_TITLE = 'Self-Rectifying Diffusion Sampling with Perturbed-Attention Guidance';

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A file as the options page hands it over; counts how often its bytes were read. */
export function sourceFile(name: string, content: string | Uint8Array, size?: number): ImportSourceFile & { reads: number } {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: size ?? bytes.byteLength,
    reads: 0,
    async arrayBuffer() {
      this.reads++;
      return bytes.slice().buffer;
    },
  };
}

export function fixtureFile(name: string): ImportSourceFile & { reads: number } {
  return sourceFile(name, fixtureBytes(name));
}

/** One entry of a weekly overview. */
export interface WeeklyEntry {
  arxivId: string;
  version?: number;
  title: string;
  date?: string;
  abstract: string;
}

/** A weekly overview in the format of weekly-2024-05-20.txt (and data/sources/000_*.txt). */
export function weeklyText(entries: readonly WeeklyEntry[], range = '2024-05-25--2024-05-28'): string {
  const lines = [`# ${range} 生成式论文概览`];
  for (const { arxivId, version = 1, title, date = '2024-05-26', abstract } of entries) {
    const url = `http://arxiv.org/abs/${arxivId}v${version}`;
    lines.push(`## ${title} `, `  * ${date}  `, `  * ${abstract} `, ` * link:[${url}](${url}) `);
  }
  return `${lines.join('\n')}\n`;
}

/** A weekly of `count` made-up papers, 2406.10000 onwards: enough of them to fill several write chunks. */
export function generatedWeekly(count: number): string {
  return weeklyText(
    Array.from({ length: count }, (_, i) => ({
      arxivId: `2406.${10000 + i}`,
      title: `Generated Diffusion Paper ${i} on a Synthetic Benchmark`,
      date: `2024-06-1${i % 7}`,
      abstract: `We study synthetic problem ${i} and improve FID by ${i % 10}.${i % 7} points on a made-up benchmark.`,
    })),
    '2024-06-10--2024-06-16',
  );
}
