import type { Theme } from '../store/settings-store';

/** An sRGB colour with alpha, each channel 0–255 and alpha 0–1. */
interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A computed `background-color` (`rgb(…)` or `rgba(…)`, as browsers serialise it); null for any other form. */
export function parseComputedColor(text: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * The card's colours on a page.
 * @param setting The user's choice: `auto` follows the page.
 * @param backgrounds The computed backgrounds from where the card sits up to `<html>`, nearest first.
 * @returns `light` or `dark` from the setting or from the first background that is not (nearly)
 *   transparent; null when the page's background cannot be read, so the system's setting decides.
 */
export function cardTheme(setting: Theme, backgrounds: readonly string[]): 'light' | 'dark' | null {
  if (setting !== 'auto') return setting;
  for (const text of backgrounds) {
    const color = parseComputedColor(text);
    // A colour this parser cannot read (oklch(), color()) may well be opaque: nothing past it is read.
    if (!color) return null;
    if (color.a < 0.5) continue;
    // Midway in perceived lightness between black and white (L* 50) is a luminance of about 0.18.
    return luminance(color) < 0.18 ? 'dark' : 'light';
  }
  return null;
}
