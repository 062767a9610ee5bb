/**
 * Plain-language hints for a form's texts: sentence length, long words and a readability score
 * suited to the language. Wiio's formula for Finnish, LIX for Swedish, Flesch reading ease for
 * English; other languages (Northern Sámi) get sentence and word lengths only. A text shorter
 * than MIN_SCORED_WORDS gets no score either. The formulas, their sources and the thresholds are
 * in the README.
 */

export type Measure = 'wiio' | 'lix' | 'flesch';
export type Ease = 'easy' | 'fair' | 'hard';

export interface Readability {
  measure: Measure;
  score: number;
  ease: Ease;
}

export interface TextHints {
  sentences: number;
  words: number;
  /** Words in the longest sentence; plain language keeps sentences short. */
  longestSentence: number;
  /** The words the language's measure counts as long, in the order they appear. */
  longWords: string[];
  /** Null for a language without a formula and for a text shorter than MIN_SCORED_WORDS. */
  readability: Readability | null;
}

/** A sentence in plain language has at most this many words; more gets a hint. */
export const MAX_PLAIN_SENTENCE_WORDS = 12;

/**
 * A text of fewer words gets no score, only the sentence and long-word hints. The formulas are
 * averages fitted to running prose: Flesch (1948) took samples of 100 words, Wiio counts long
 * words per 100 words, and LIX is the same kind of share. In a short text one word decides the
 * score: the three syllables of "Nobody" make Flesch −48, and in a text of ten words one long
 * word moves Wiio by three grades (the whole fair band) and LIX by ten points. At 30 words it
 * moves Wiio by one grade and LIX by 3.3, and a text in plain sentences has at least three of
 * them to average over. A hundred words would leave nearly every text of a form unscored; 30
 * leaves out labels and question titles (a word to a sentence or two) and scores help texts and
 * introductions of a few sentences.
 */
export const MIN_SCORED_WORDS = 30;

/** Sentences end at . ! ? : or a line break; a label without a full stop is one sentence. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?:]+(?=\s|$)|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

/** Words: runs of letters, with hyphens and apostrophes inside them. Digits are not words. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

const FINNISH_VOWELS = new Set([...'aeiouyäöå']);
// Diphthongs (Kotus). ie, uo and yö are diphthongs mainly in a word's first syllable; counting
// them as one everywhere is the safer choice for base forms and compounds (maantie, tulotieto).
const FINNISH_DIPHTHONGS = new Set(['ai', 'ei', 'oi', 'ui', 'yi', 'äi', 'öi', 'au', 'eu', 'iu', 'ou', 'ey', 'iy', 'äy', 'öy', 'ie', 'uo', 'yö']);

/**
 * Syllables of a Finnish word: one per vowel nucleus, where a long vowel or a diphthong is one
 * nucleus and the vowel after one always starts a new syllable (kai.un, lii.an). Compounds can
 * be off by one (kesä|ilta reads as 3); Wiio's formula only asks whether a word has four or more.
 */
export function finnishSyllables(word: string): number {
  const letters = [...word.toLowerCase()];
  let syllables = 0;
  for (let i = 0; i < letters.length; ) {
    if (!FINNISH_VOWELS.has(letters[i]!)) {
      i += 1;
      continue;
    }
    syllables += 1;
    const pair = `${letters[i]}${letters[i + 1] ?? ''}`;
    const joined = FINNISH_VOWELS.has(letters[i + 1] ?? '') && (letters[i] === letters[i + 1] || FINNISH_DIPHTHONGS.has(pair));
    i += joined ? 2 : 1;
  }
  return syllables;
}

// Wiio counts syllables of the base form (hakemukseen → hakemus). Without a dictionary the
// commonest case, possessive and plural endings are taken off first: enough to decide "four
// syllables or more" for most words of a form. Longest first.
const FINNISH_ENDINGS = [
  'seen', 'siin', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta', 'ttä',
  'nsa', 'nsä', 'mme', 'nne', 'een', 'iin', 'aan', 'ään', 'oon', 'uun', 'yyn', 'öön', 'hin', 'hen', 'han', 'hän',
  'si', 'ni', 'na', 'nä', 'ta', 'tä', 'a', 'ä', 'n', 't',
];

/** The word with one common inflectional ending taken off, if a stem of two syllables stays. */
export function finnishStem(word: string): string {
  const lower = word.toLowerCase();
  for (const ending of FINNISH_ENDINGS) {
    if (lower.endsWith(ending) && finnishSyllables(lower.slice(0, -ending.length)) >= 2) return lower.slice(0, -ending.length);
  }
  return lower;
}

/** Syllables of an English word: vowel groups, less a silent final e (but not -le). */
export function englishSyllables(word: string): number {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  if (lower.length <= 3) return 1;
  const trimmed = lower.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (ending) => ending[0]!).replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

function ease(measure: Measure, score: number): Ease {
  if (measure === 'wiio') return score < 6 ? 'easy' : score < 9 ? 'fair' : 'hard';
  if (measure === 'lix') return score < 30 ? 'easy' : score < 50 ? 'fair' : 'hard';
  return score >= 70 ? 'easy' : score >= 50 ? 'fair' : 'hard';
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The long words and the score of the language's formula (null without one), for any length. */
function measured(words: string[], sentences: number, language: string): Pick<TextHints, 'longWords' | 'readability'> {
  const perSentence = words.length / Math.max(1, sentences);
  if (language === 'fi') {
    // Wiio: grade level = 2.7 + 0.3 × words of four or more syllables (in base form) per 100 words.
    const longWords = words.filter((word) => finnishSyllables(finnishStem(word)) >= 4);
    const score = round(2.7 + (0.3 * 100 * longWords.length) / words.length);
    return { longWords, readability: { measure: 'wiio', score, ease: ease('wiio', score) } };
  }
  if (language === 'sv') {
    // LIX: words per sentence + 100 × words of more than six letters / words.
    const longWords = words.filter((word) => [...word.replace(/['’-]/g, '')].length > 6);
    const score = round(perSentence + (100 * longWords.length) / words.length);
    return { longWords, readability: { measure: 'lix', score, ease: ease('lix', score) } };
  }
  if (language === 'en') {
    // Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
    const syllables = words.map(englishSyllables);
    const longWords = words.filter((_word, i) => syllables[i]! >= 3);
    const perWord = syllables.reduce((sum, count) => sum + count, 0) / words.length;
    const score = round(206.835 - 1.015 * perSentence - 84.6 * perWord);
    return { longWords, readability: { measure: 'flesch', score, ease: ease('flesch', score) } };
  }
  // No formula for this language: word length alone (more than 12 letters reads as long).
  return { longWords: words.filter((word) => [...word].length > 12), readability: null };
}

/**
 * The score of the language's formula whatever the text's length, as the formula's authors
 * would compute it; textHints leaves it out below MIN_SCORED_WORDS. The worked examples use it.
 */
export function formulaScore(text: string, language: string): Readability | null {
  const words = wordsOf(text);
  return words.length === 0 ? null : measured(words, sentencesOf(text).length, language).readability;
}

/** The hints for one text in one language. */
export function textHints(text: string, language: string): TextHints {
  const sentences = sentencesOf(text);
  const words = wordsOf(text);
  const longestSentence = Math.max(0, ...sentences.map((sentence) => wordsOf(sentence).length));
  const base = { sentences: sentences.length, words: words.length, longestSentence };
  if (words.length === 0) return { ...base, longWords: [], readability: null };
  const { longWords, readability } = measured(words, sentences.length, language);
  return { ...base, longWords, readability: words.length >= MIN_SCORED_WORDS ? readability : null };
}

/**
 * One plain word for a text, for reviewers who do not read scores: the score's ease where the
 * text has one; else hard for a sentence longer than plain language allows, fair for long words,
 * and easy otherwise.
 */
export function plainVerdict(hints: TextHints): Ease {
  if (hints.readability) return hints.readability.ease;
  if (hints.longestSentence > MAX_PLAIN_SENTENCE_WORDS) return 'hard';
  return hints.longWords.length > 0 ? 'fair' : 'easy';
}
