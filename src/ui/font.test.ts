import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';

// The subsets and weights src/main.tsx imports; their woff2 files are what the kiosk ships.
const FILES = join('node_modules', '@fontsource', 'noto-sans', 'files');
const shipped = readdirSync(FILES).filter((f) => /^noto-sans-latin(-ext)?-(400|700)-normal\.woff2$/.test(f));
const main = readFileSync(join('src', 'main.tsx'), 'utf8');

describe('the bundled font', () => {
  it('is the set main.tsx imports', () => {
    for (const subset of ['latin-400', 'latin-ext-400', 'latin-700', 'latin-ext-700']) {
      expect(main).toContain(`@fontsource/noto-sans/${subset}.css`);
    }
    expect(shipped).toHaveLength(4);
  });

  it.each(['400', '700'])('has every Finnish, Swedish and Northern Sámi letter in weight %s', (weight) => {
    const letters = [...'aäåoöusšzžáčđŋŧAÄÅOÖUSŠZŽÁČĐŊŦ'];
    const fonts = shipped.filter((f) => f.includes(`-${weight}-`)).map((f) => fontkit.openSync(join(FILES, f)) as fontkit.Font);
    const missing = letters.filter((letter) => !fonts.some((font) => font.hasGlyphForCodePoint(letter.codePointAt(0)!)));
    expect(missing).toEqual([]);
  });
});
