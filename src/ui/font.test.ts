import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { LATIN_EXTRA_RANGES } from './font-ranges';

// The two files scripts/make-fonts.ts writes and fonts.css declares.
const FONTS = join('src', 'ui', 'fonts');
const latin = fontkit.openSync(join(FONTS, 'noto-sans-latin-wght.woff2')) as fontkit.Font;
const extra = fontkit.openSync(join(FONTS, 'noto-sans-latin-extra-wght.woff2')) as fontkit.Font;
const css = readFileSync(join('src', 'ui', 'fonts.css'), 'utf8');

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
/** Every letter in every kiosk text and in the bundled form, in all their languages. */
function lettersOfTheTexts(): string[] {
  const texts = [
    ...readdirSync(join('src', 'i18n', 'locales')).map((f) => readFileSync(join('src', 'i18n', 'locales', f), 'utf8')),
    readFileSync(join('src', 'domain', 'todays-feedback.form.json'), 'utf8'),
  ];
  return [...new Set(texts.join('').match(/\p{L}/gu))];
}

describe('the bundled font', () => {
  it('is the two files fonts.css declares, and nothing from a package at run time', () => {
    expect(readdirSync(FONTS).filter((f) => f.endsWith('.woff2')).sort()).toEqual(['noto-sans-latin-extra-wght.woff2', 'noto-sans-latin-wght.woff2']);
    expect(css.match(/url\('\.\/fonts\/[^']+'\)/g)).toEqual(["url('./fonts/noto-sans-latin-wght.woff2')", "url('./fonts/noto-sans-latin-extra-wght.woff2')"]);
  });

  it.each([
    ['basic Latin', latin],
    ['Latin extra', extra],
  ])('has every weight from regular to bold in one file (%s)', (_, font) => {
    const weight = font.variationAxes.wght!;
    expect(weight.min).toBeLessThanOrEqual(400);
    expect(weight.max).toBeGreaterThanOrEqual(700);
  });

  it('declares for the second file exactly the ranges it was cut to', () => {
    const declared = LATIN_EXTRA_RANGES.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(', ');
    expect(css).toContain(`unicode-range: ${declared};`);
  });

  it('has a glyph for every letter of the kiosk texts and the bundled form, Sámi included', () => {
    const letters = [...lettersOfTheTexts(), ...'aäåoöusšzžáčđŋŧAÄÅOÖUSŠZŽÁČĐŊŦǥǧǩǯʒ'];
    const missing = letters.filter((letter) => ![latin, extra].some((font) => font.hasGlyphForCodePoint(letter.codePointAt(0)!)));
    expect(missing).toEqual([]);
  });
});
