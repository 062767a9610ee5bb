import { describe, expect, it } from 'vitest';
import {
  englishSyllables,
  finnishStem,
  finnishSyllables,
  formulaScore,
  MAX_PLAIN_SENTENCE_WORDS,
  MIN_SCORED_WORDS,
  plainVerdict,
  sentencesOf,
  textHints,
  wordsOf,
} from './readability';

describe('counting', () => {
  it.each([
    ['asiakaspalvelu', 7],
    ['ainoa', 3],
    ['piano', 3],
    ['liian', 2],
    ['hauissa', 3],
    ['lomake', 3],
    ['täyttää', 2],
    ['maantie', 2],
    ['tulotieto', 4],
  ])('Finnish syllables of %s: %i', (word, syllables) => expect(finnishSyllables(word)).toBe(syllables));

  it.each([
    ['hakemukseen', 'hakemuk'],
    ['postissa', 'posti'],
    ['osoitteesi', 'osoittee'],
    ['elämäntilanteessa', 'elämäntilantee'],
    ['ja', 'ja'],
  ])('takes a common ending off %s', (word, stem) => expect(finnishStem(word)).toBe(stem));

  it.each([
    ['the', 1],
    ['write', 1],
    ['your', 1],
    ['address', 2],
    ['documentation', 5],
    ['eligibility', 6],
  ])('English syllables of %s: %i', (word, syllables) => expect(englishSyllables(word)).toBe(syllables));

  it('splits sentences at full stops, question marks and line breaks, and words at letters', () => {
    expect(sentencesOf('Kiitos! Miten menee?\nHyvin')).toEqual(['Kiitos', 'Miten menee', 'Hyvin']);
    expect(sentencesOf('Klo 12.30 on ruokaa.')).toHaveLength(1);
    expect(wordsOf('Kela-tuki 2026 on lasten-juttu, eikö?')).toEqual(['Kela-tuki', 'on', 'lasten-juttu', 'eikö']);
  });
});

// Worked examples of the formulas (the README gives them and where they come from). They are
// shorter than MIN_SCORED_WORDS, so the formula is asked directly; the long words come anyway.
describe('readability formulas', () => {
  it("Wiio: an easy Finnish text is grade 4.7: one long word of fifteen (asiakaspalvelu)", () => {
    const text = 'Täytä tämä lomake. Kirjoita nimesi ja osoitteesi. Lähetä lomake meille postissa. Voit myös soittaa asiakaspalveluun.';
    const hints = textHints(text, 'fi');
    expect(hints.longWords).toEqual(['asiakaspalveluun']);
    expect(formulaScore(text, 'fi')).toEqual({ measure: 'wiio', score: 4.7, ease: 'easy' });
  });

  it('Wiio: an official sentence is grade 11.7: three long words of ten', () => {
    const text = 'Hakemukseen on liitettävä selvitys hakijan tulotiedoista sekä mahdollisista muutoksista elämäntilanteessa.';
    const hints = textHints(text, 'fi');
    expect(hints.longWords).toEqual(['tulotiedoista', 'mahdollisista', 'elämäntilanteessa']);
    expect(formulaScore(text, 'fi')).toEqual({ measure: 'wiio', score: 11.7, ease: 'hard' });
    expect(hints.longestSentence).toBe(10);
  });

  it('LIX: 19.7 for an easy Swedish text, 70 for an official one', () => {
    expect(formulaScore('Fyll i blanketten. Skriv ditt namn och din adress. Skicka blanketten till oss.', 'sv')).toEqual({ measure: 'lix', score: 19.7, ease: 'easy' });
    const hard = 'Ansökan ska kompletteras med inkomstuppgifter samt uppgifter om förändrade levnadsförhållanden.';
    expect(formulaScore(hard, 'sv')).toEqual({ measure: 'lix', score: 70, ease: 'hard' });
    expect(textHints(hard, 'sv').longWords).toHaveLength(6);
  });

  it('Flesch: 116.1 for "The cat sat on the mat.", 111.5 for an easy form text, hard for jargon', () => {
    expect(formulaScore('The cat sat on the mat.', 'en')).toEqual({ measure: 'flesch', score: 116.1, ease: 'easy' });
    expect(formulaScore('Fill in this form. Write your name and address. Send the form to us.', 'en')).toEqual({ measure: 'flesch', score: 111.5, ease: 'easy' });
    expect(formulaScore('Applicants must provide documentation verifying their eligibility.', 'en')?.ease).toBe('hard');
  });

  it('gives only lengths for a language without a formula, and nothing for an empty text', () => {
    const sami = textHints('Mo lei beaivi beaiveguovddážis odne?', 'se');
    expect(sami).toMatchObject({ sentences: 1, words: 5, readability: null, longWords: ['beaiveguovddážis'] });
    expect(formulaScore('Mo lei beaivi beaiveguovddážis odne?', 'se')).toBeNull();
    expect(textHints('  ', 'fi')).toEqual({ sentences: 0, words: 0, longestSentence: 0, longWords: [], readability: null });
    expect(formulaScore('  ', 'fi')).toBeNull();
  });
});

describe('short texts', () => {
  // Form titles the formulas called hard: Flesch −48 and 35.6, LIX 52.
  it.each([
    ['Nobody', 'en', -48],
    ["Today's feedback", 'en', 35.6],
    ['Dagens respons', 'sv', 52],
  ])('"%s" (%s) gets no score, though the formula gives %d', (text, language, score) => {
    expect(formulaScore(text, language)).toMatchObject({ score, ease: 'hard' });
    expect(textHints(text, language).readability).toBeNull();
  });

  // Each pair: a text of 30 words and the same text less one word.
  it.each([
    [
      'fi',
      'Kiitos, että tulit tänään. Kerro meille, millainen päivä oli. Valitse kasvot ruudulta. Voit myös kirjoittaa muutaman sanan. Luemme kaikki vastaukset huolella joka viikko. Emme kysy nimeäsi emmekä tallenna sitä mihinkään.',
      'Kiitos, että tulit tänään. Kerro meille, millainen päivä oli. Valitse kasvot ruudulta. Voit myös kirjoittaa muutaman sanan. Luemme kaikki vastaukset joka viikko. Emme kysy nimeäsi emmekä tallenna sitä mihinkään.',
    ],
    [
      'sv',
      'Tack för att du kom i dag. Berätta för oss hur din dag var. Välj ett ansikte på skärmen. Du kan skriva några ord. Vi läser alla svar varje vecka.',
      'Tack för att du kom i dag. Berätta för oss hur din dag var. Välj ett ansikte på skärmen. Du kan skriva några ord. Vi läser svaren varje vecka.',
    ],
    [
      'en',
      'Thank you for coming today. Please tell us how your day was. Pick a face on the screen. You can write a few words. We read every answer each week.',
      'Thank you for coming today. Please tell us how your day was. Pick a face on the screen. You can write a few words. We read answers each week.',
    ],
  ])('%s: a text of the minimum length is scored, one word fewer is not', (language, atMinimum, belowMinimum) => {
    expect(MIN_SCORED_WORDS).toBe(30);
    expect(wordsOf(atMinimum)).toHaveLength(MIN_SCORED_WORDS);
    expect(wordsOf(belowMinimum)).toHaveLength(MIN_SCORED_WORDS - 1);
    expect(textHints(atMinimum, language).readability).toMatchObject({ ease: 'easy' });
    expect(textHints(belowMinimum, language).readability).toBeNull();
  });

  it('still get the long-word and sentence-length hints', () => {
    const jargon = textHints('Applicants must provide documentation verifying their eligibility.', 'en');
    expect(jargon).toMatchObject({ words: 7, longestSentence: 7, readability: null });
    expect(jargon.longWords).toEqual(['Applicants', 'documentation', 'verifying', 'eligibility']);
    const long = textHints('Hakemukseen on liitettävä selvitys hakijan tulotiedoista sekä mahdollisista muutoksista elämäntilanteessa ja perheen koosta viime vuonna.', 'fi');
    expect(long).toMatchObject({ words: 15, longestSentence: 15, readability: null });
    expect(long.longestSentence).toBeGreaterThan(MAX_PLAIN_SENTENCE_WORDS);
    expect(long.longWords).toEqual(['tulotiedoista', 'mahdollisista', 'elämäntilanteessa']);
  });
});

describe('the plain verdict', () => {
  it("is the score's ease where the text has a score", () => {
    const plain = 'Thank you for coming today. Please tell us how your day was. Pick a face on the screen. You can write a few words. We read every answer each week.';
    expect(plainVerdict(textHints(plain, 'en'))).toBe('easy');
    const hints = textHints(plain, 'en');
    expect(plainVerdict({ ...hints, readability: { measure: 'flesch', score: 60, ease: 'fair' } })).toBe('fair');
    expect(plainVerdict({ ...hints, readability: { measure: 'flesch', score: 20, ease: 'hard' } })).toBe('hard');
  });

  it('without a score: hard for a long sentence, fair for long words, else easy', () => {
    const long = 'Hakemukseen on liitettävä selvitys hakijan tulotiedoista sekä mahdollisista muutoksista elämäntilanteessa ja perheen koosta viime vuonna.';
    expect(plainVerdict(textHints(long, 'fi'))).toBe('hard');
    expect(plainVerdict(textHints('Applicants must provide documentation verifying their eligibility.', 'en'))).toBe('fair');
    expect(plainVerdict(textHints('Mo lei beaivi beaiveguovddážis odne?', 'se'))).toBe('fair');
    // Long words as the language's measure counts them: three syllables, more than six letters.
    expect(plainVerdict(textHints('Nobody', 'en'))).toBe('fair');
    expect(plainVerdict(textHints('Dagens respons', 'sv'))).toBe('fair');
    expect(plainVerdict(textHints("Today's feedback", 'en'))).toBe('easy');
    expect(plainVerdict(textHints('Päivän palaute', 'fi'))).toBe('easy');
  });

  it('a sentence of exactly the plain maximum is not hard', () => {
    const twelve = 'Voit kertoa meille päivästä tänään tai huomenna, jos se sopii sinulle paremmin.';
    expect(textHints(twelve, 'fi').longestSentence).toBe(MAX_PLAIN_SENTENCE_WORDS);
    expect(plainVerdict(textHints(twelve, 'fi'))).toBe('easy');
  });
});
