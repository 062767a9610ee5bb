import { describe, expect, it } from 'vitest';
import { SCRUB_MARKERS, scrubbedLength, scrubFreeText } from './scrub';

const { email, bankAccount, identityCode, phone } = SCRUB_MARKERS;

describe('scrubFreeText removes what points to a person', () => {
  it.each([
    ['Hetuni on 131052-308T.', `Hetuni on ${identityCode}.`],
    ['010594Y9021 tässä', `${identityCode} tässä`],
    ['minun 030516D9037', `minun ${identityCode}`],
    ['040516E903V', identityCode],
    ['050516F903H ja 010501A9032', `${identityCode} ja ${identityCode}`],
    ['hetu 131052-308t pienellä', `hetu ${identityCode} pienellä`],
    ['(131052-308T)', `(${identityCode})`],
    ['hetu131052-308T', `hetu${identityCode}`],
    ['131052–308T with an en dash', `${identityCode} with an en dash`],
    ['131052 -308T', identityCode],
    ['without the check character 131052-308', `without the check character ${identityCode}`],
  ])('identity code: %s', (input, expected) => {
    expect(scrubFreeText(input)).toBe(expected);
  });

  it.each([
    ['Soita 0401234567', `Soita ${phone}`],
    ['soita 040 123 4567 kiitos', `soita ${phone} kiitos`],
    ['numero 040-123 4567', `numero ${phone}`],
    ['050 123 45 67', phone],
    ['044 1234 567!', `${phone}!`],
    ['puh.0451234567', `puh.${phone}`],
    ['+358 40 123 4567', phone],
    ['+358401234567', phone],
    ['+358 (0)40 123 4567', phone],
    ['00358 40 1234567', phone],
    ['Toimisto 09 123 4567', `Toimisto ${phone}`],
    ['(09) 123 4567', phone],
    ['044.123.4567', phone],
    ['ring +46 70 123 45 67', `ring ${phone}`],
    ['call +44 20 7946 0958 today', `call ${phone} today`],
    ['+1 (555) 123-4567', phone],
    ['vuonna 2023 0401234567', `vuonna 2023 ${phone}`],
    ['040 1234567 tai 050 7654321', `${phone} tai ${phone}`],
    ['040/123 4567', phone],
    ['040  123 4567', phone],
    ['040 – 123 4567', phone],
    ['numero on 040 123\n4567', `numero on ${phone}`],
    ['358 40 123 4567', phone],
    ['358401234567', phone],
  ])('phone: %s', (input, expected) => {
    expect(scrubFreeText(input)).toBe(expected);
  });

  it.each([
    ['matti.meikalainen@example.fi', email],
    ['Laita viesti: liisa_k+kela@posti.example.com.', `Laita viesti: ${email}.`],
    ['nimi(at)example.fi', email],
    ['Äijä.Öljy@esimerkki.fi', email],
    ['EMAIL ME AT JOHN@EXAMPLE.ORG', `EMAIL ME AT ${email}`],
  ])('e-mail: %s', (input, expected) => {
    expect(scrubFreeText(input)).toBe(expected);
  });

  it.each([
    ['tili FI21 1234 5600 0007 85 ja', `tili ${bankAccount} ja`],
    ['FI2112345600000785', bankAccount],
    ['GB29 NWBK 6016 1331 9268 19', bankAccount],
  ])('bank account: %s', (input, expected) => {
    expect(scrubFreeText(input)).toBe(expected);
  });
});

describe('scrubbedLength', () => {
  it('counts each marker as one character', () => {
    expect(scrubbedLength(scrubFreeText('Soita 0401234567'))).toBe('Soita #'.length);
  });
});

describe('scrubFreeText keeps ordinary text and numbers', () => {
  it.each([
    'Ruoka oli hyvää.',
    'Kävin täällä 3 kertaa tällä viikolla.',
    'Kela maksoi 350,50 € ja vuokra on 1 500 €.',
    'Asuin kadulla 2019-2023.',
    'Sain ajan 12.3.2024 ja toisen 05.12.2023.',
    'Auki klo 10.30-12.00 ja 8-16.',
    'Osoite on Kauppakatu 5, 00100 Helsinki.',
    'Postinumero 96100 Rovaniemi.',
    'Sata tonnia eli 100 000 euroa velkaa.',
    'Miljoona on 1 000 000.',
    'Juon 0,5 litraa päivässä.',
    'Huone 3, kerros 2.',
    '25 €/kk on liikaa.',
    // A wrong check character: the format's own rule says it is not an identity code.
    '131052-308A ei ole oikea tunnus.',
    'Tulin 05.12.2023 10.30 ja lähdin 14:45.',
    'Voimassa 01.01.2024-31.12.2024.',
    'Ajat 08.30 10.30 12.30.',
    'Laskun numero 310299-12.',
    'Sain 358 euroa.',
    'Kaupungin kokoisessa paikassa asuu 358 000 ihmistä.',
    'Jonotin 1/2 tuntia ja 01/2024 alkaen.',
    'Tilinumero FI21 1234 5600 0007 86 on väärin.',
    'Kirjoitin @ merkin väärin.',
    'Pisteet 1-5, annan 4.',
    'Vuonna 1995 ja 2005.',
  ])('%s', (input) => {
    expect(scrubFreeText(input)).toBe(input);
  });
});
