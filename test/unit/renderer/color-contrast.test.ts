import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The app's palette (renderer/styles/app.css), light and dark: every text color readable at 4.5:1
// on the page and on the panels, highlighted words on the highlight, and the edge of every button
// and field at 3:1 (WCAG 1.4.3 and 1.4.11), for a tired eye at 3 a.m. axe-core checks the text of
// the screens it visits (test/e2e/accessibility.spec.ts); this checks the palette itself, control
// edges included, which axe does not measure.

const css = readFileSync('renderer/styles/app.css', 'utf8');

/** The custom properties of the first `:root { … }` after `from` in the stylesheet. */
function palette(from: number): Record<string, string> {
  const start = css.indexOf(':root {', from);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, value]) => [name, value.toLowerCase()]));
}

const light = palette(0);
const dark = { ...light, ...palette(css.indexOf('@media (prefers-color-scheme: dark)')) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

const TEXTS = ['text', 'muted', 'accent', 'critical', 'high', 'medium', 'low'];
const BACKGROUNDS = ['bg', 'panel', 'code-bg'];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s palette', (_theme, colors) => {
  it('has every color it is checked on', () => {
    for (const name of [...TEXTS, ...BACKGROUNDS, 'mark', 'control-border']) expect(colors[name], `--${name}`).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps every text color at 4.5:1 on the page, the panels and code', () => {
    const failing = TEXTS.flatMap((text) =>
      BACKGROUNDS.filter((background) => contrast(colors[text], colors[background]) < 4.5).map((background) => `--${text} on --${background}: ${contrast(colors[text], colors[background]).toFixed(2)}:1`),
    );
    expect(failing).toEqual([]);
  });

  it('keeps highlighted words readable on the highlight', () => {
    expect(contrast(colors.text, colors.mark)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws the edge of buttons and fields at 3:1 against the page and the panels', () => {
    for (const background of ['bg', 'panel']) expect(contrast(colors['control-border'], colors[background]), `on --${background}`).toBeGreaterThanOrEqual(3);
  });
});
