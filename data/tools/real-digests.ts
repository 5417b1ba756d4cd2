/**
 * The real daily digests kept beside the repository (`<repo root>/../shared/real-digests/`, listed
 * in its MANIFEST.tsv; env REAL_DIGESTS_DIR overrides). They are not ours to ship: they are read in
 * place, never copied, and never trained on. The repair's evaluation corrupts them like seed 003
 * and compares.
 *
 * They are split once, by position in the manifest's name order: every third file (0, 3, 6 …) is
 * the tuning split, on which decoder settings were chosen; the others are held out and only ever
 * measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './corpus-sources';

export const REAL_DIGESTS_DIR = process.env.REAL_DIGESTS_DIR ?? join(PROJECT_ROOT, '..', 'shared', 'real-digests');

/** A real digest file: its name in the manifest and its text. */
export interface RealDigest {
  name: string;
  text: string;
}

/** Names in the manifest, sorted; [] when the folder is absent. */
export function realDigestNames(): string[] {
  const manifest = join(REAL_DIGESTS_DIR, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0] ?? '')
    .filter((name) => name !== '')
    .sort();
}

/** The tuning split (every third file) or the held-out split (the rest). */
export function realDigests(split: 'tuning' | 'heldout'): RealDigest[] {
  return realDigestNames()
    .filter((_, i) => (i % 3 === 0) === (split === 'tuning'))
    .map((name) => ({ name, text: readFileSync(join(REAL_DIGESTS_DIR, name), 'utf8') }));
}
