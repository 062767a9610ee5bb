/**
 * The letters the kiosk's second font file carries beyond basic Latin: Latin Extended-A (the Sámi
 * languages, Estonian, Latvian, Polish, Czech, Hungarian and more), Skolt Sámi's extra letters
 * (ǥ ǧ ǩ ǯ ʒ ʹ), Romanian's ș ț and the capital ẞ. The @font-face rule's unicode-range in
 * fonts.css is these ranges; a unit test holds the two together.
 */
export const LATIN_EXTRA_RANGES: [number, number][] = [
  [0x0100, 0x017f],
  [0x01b7, 0x01b7],
  [0x01e4, 0x01ef],
  [0x0218, 0x021b],
  [0x0292, 0x0292],
  [0x02b9, 0x02b9],
  [0x1e9e, 0x1e9e],
];
