/**
 * Writes the kiosk's two font files into src/ui/fonts from @fontsource-variable/noto-sans: one
 * variable font (every weight in one file) for basic Latin as published, and one cut from its
 * Latin Extended file down to the letters of the Sámi languages and Europe's other Latin
 * alphabets. Two files instead of four static ones, and about a third of the bytes.
 * Run after updating the font package: npx tsx scripts/make-fonts.ts
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { LATIN_EXTRA_RANGES } from '../src/ui/font-ranges';

const FILES = 'node_modules/@fontsource-variable/noto-sans/files';
const OUT = 'src/ui/fonts';

copyFileSync(`${FILES}/noto-sans-latin-wght-normal.woff2`, `${OUT}/noto-sans-latin-wght.woff2`);

const codePoints = LATIN_EXTRA_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
const extra = await subsetFont(readFileSync(`${FILES}/noto-sans-latin-ext-wght-normal.woff2`), String.fromCodePoint(...codePoints), {
  // The weight axis stays (no variationAxes pinned): one file serves regular and bold.
  targetFormat: 'woff2',
});
writeFileSync(`${OUT}/noto-sans-latin-extra-wght.woff2`, extra);
copyFileSync('node_modules/@fontsource-variable/noto-sans/LICENSE', `${OUT}/LICENSE`);
console.log(`latin extra: ${extra.length} bytes`);
