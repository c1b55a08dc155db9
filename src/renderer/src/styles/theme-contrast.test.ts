/**
 * Every text colour of both themes holds WCAG AA (4.5:1) on the surfaces it is drawn on: the page, the panels, the
 * sunken graph canvas and its own chip background. Trial 10 of issue 8 measured 3.0:1 for the amber «ожидание» of the
 * light theme's graph and 3.8:1 for the green «работает» chip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, 'theme.css'), 'utf8');

/** The custom properties of the first block whose selector starts with `selector`, as written (#hex or var(--x)). */
function declared(selector: string): Map<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`theme.css has no ${selector} block`);
  const open = css.indexOf('{', start);
  const body = css.slice(open + 1, css.indexOf('}', open));
  return new Map([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6}|var\(--[\w-]+\))\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/**
 * A theme's colours as the browser computes them on :root: a dark block overrides the light one's properties, and a
 * var(--x) takes the theme's own --x.
 */
function block(selector: string): Map<string, string> {
  const light = declared(':root {');
  const own = selector === ':root {' ? light : new Map([...light, ...declared(selector)]);
  const resolve = (value: string): string => {
    const ref = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
    return ref ? resolve(own.get(ref) ?? '') : value;
  };
  return new Map([...own].map(([name, value]) => [name, resolve(value)]));
}

/** Relative luminance (WCAG 2.x) of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const SURFACES = ['--bg', '--bg-panel', '--bg-sunken'];
/** The current item (nav, tab, pressed button) draws the accent or the text on --bg-active (dark: 4.1:1 before). */
const ON_ACTIVE = ['--text', '--text-muted', '--accent'];
/** Text colours, each with the chip background it also sits on. */
const TEXTS: Record<string, string | undefined> = {
  '--text': undefined,
  '--text-muted': undefined,
  '--accent': undefined,
  '--ok': '--ok-bg',
  '--wait': '--wait-bg',
  '--bad': '--bad-bg',
  '--info': '--info-bg',
  '--edge-bound-text': undefined,
  '--edge-waiting-text': undefined,
  '--edge-mismatch-text': undefined,
  '--edge-missing-text': undefined,
};

describe('theme contrast', () => {
  const themes = { light: block(':root {'), dark: block(":root[data-theme='dark']") };
  for (const [name, vars] of Object.entries(themes)) {
    it(`${name}: every text colour holds 4.5:1 on the page, panel, canvas and its own chip (the accent on the current item too)`, () => {
      const low: string[] = [];
      for (const [text, chip] of Object.entries(TEXTS)) {
        const fg = vars.get(text);
        expect(fg, `${name} ${text}`).toBeDefined();
        for (const surface of [...SURFACES, ...(chip ? [chip] : []), ...(ON_ACTIVE.includes(text) ? ['--bg-active'] : [])]) {
          const ratio = contrast(fg!, vars.get(surface)!);
          if (ratio < 4.5) low.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
        }
      }
      expect(low).toEqual([]);
    });
  }

  it('the dark theme the system asks for is the same as the forced one', () => {
    const system = block("  :root:not([data-theme='light'])");
    expect(Object.fromEntries(system)).toEqual(Object.fromEntries(themes.dark));
  });
});
