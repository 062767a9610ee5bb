import { describe, expect, it } from 'vitest';
import { englishSyllables, finnishStem, finnishSyllables, sentencesOf, textHints, wordsOf } from './readability';

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

// Worked examples (the README gives the formulas and where they come from).
describe('readability', () => {
  it("Wiio: an easy Finnish text is grade 4.7: one long word of fifteen (asiakaspalvelu)", () => {
    const hints = textHints('Täytä tämä lomake. Kirjoita nimesi ja osoitteesi. Lähetä lomake meille postissa. Voit myös soittaa asiakaspalveluun.', 'fi');
    expect(hints.longWords).toEqual(['asiakaspalveluun']);
    expect(hints.readability).toEqual({ measure: 'wiio', score: 4.7, ease: 'easy' });
  });

  it('Wiio: an official sentence is grade 11.7: three long words of ten', () => {
    const hints = textHints('Hakemukseen on liitettävä selvitys hakijan tulotiedoista sekä mahdollisista muutoksista elämäntilanteessa.', 'fi');
    expect(hints.longWords).toEqual(['tulotiedoista', 'mahdollisista', 'elämäntilanteessa']);
    expect(hints.readability).toEqual({ measure: 'wiio', score: 11.7, ease: 'hard' });
    expect(hints.longestSentence).toBe(10);
  });

  it('LIX: 19.7 for an easy Swedish text, 70 for an official one', () => {
    expect(textHints('Fyll i blanketten. Skriv ditt namn och din adress. Skicka blanketten till oss.', 'sv').readability).toEqual({ measure: 'lix', score: 19.7, ease: 'easy' });
    const hard = textHints('Ansökan ska kompletteras med inkomstuppgifter samt uppgifter om förändrade levnadsförhållanden.', 'sv');
    expect(hard.readability).toEqual({ measure: 'lix', score: 70, ease: 'hard' });
    expect(hard.longWords).toHaveLength(6);
  });

  it('Flesch: 116.1 for "The cat sat on the mat.", 111.5 for an easy form text, hard for jargon', () => {
    expect(textHints('The cat sat on the mat.', 'en').readability).toEqual({ measure: 'flesch', score: 116.1, ease: 'easy' });
    expect(textHints('Fill in this form. Write your name and address. Send the form to us.', 'en').readability).toEqual({ measure: 'flesch', score: 111.5, ease: 'easy' });
    expect(textHints('Applicants must provide documentation verifying their eligibility.', 'en').readability?.ease).toBe('hard');
  });

  it('gives only lengths for a language without a formula, and nothing for an empty text', () => {
    const sami = textHints('Mo lei beaivi beaiveguovddážis odne?', 'se');
    expect(sami).toMatchObject({ sentences: 1, words: 5, readability: null, longWords: ['beaiveguovddážis'] });
    expect(textHints('  ', 'fi')).toEqual({ sentences: 0, words: 0, longestSentence: 0, longWords: [], readability: null });
  });
});
