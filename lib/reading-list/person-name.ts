import { parse as parseName } from '@citation-js/name';

/** A name split as reference managers store it, or kept whole where splitting would garble it. */
export type PersonName = { given: string; family: string; suffix?: string } | { literal: string };

// Name suffixes that come last but are not the surname (`Martin Luther King Jr.`).
const TRAILING_SUFFIX = /^(.*\S)\s+(Jr\.?|Sr\.?|II|III|IV)$/;

/**
 * Splits an author's name into given and family names (`Ludwig van Beethoven` → `Ludwig` /
 * `van Beethoven`), with Citation.js's name parser. A name it could only split wrongly is kept
 * whole, as a single field: one word (`李明`, an organisation), anything in brackets
 * (`Weifeng Chen (陈伟锋)`), or a name with `and` in it (`Tom and Jerry Lab`).
 */
export function splitPersonName(raw: string): PersonName {
  const name = raw.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  if (!/\s|,/.test(name) || /[()[\]]/.test(name) || /(^|\s)and(\s|$)/i.test(name)) return { literal: name };
  // The parser takes a trailing suffix for the surname unless the name is written "Last, First, Jr.".
  const suffixed = TRAILING_SUFFIX.exec(name);
  const words = suffixed ? suffixed[1]!.split(' ') : [];
  if (suffixed && words.length < 2) return { literal: name };
  const parsed = suffixed ? parseName(`${words.at(-1)}, ${words.slice(0, -1).join(' ')}, ${suffixed[2]}`) : parseName(name);
  const family = [parsed['non-dropping-particle'], parsed.family].filter(Boolean).join(' ');
  const given = [parsed.given, parsed['dropping-particle']].filter(Boolean).join(' ');
  if (!family || !given) return { literal: name };
  return parsed.suffix ? { given, family, suffix: parsed.suffix } : { given, family };
}
