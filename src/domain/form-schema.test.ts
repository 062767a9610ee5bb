import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { formDefinition, isChoiceQuestion, parseFormDefinition, shownLanguages, type FormDefinition } from './form-schema';
import definition from './todays-feedback.form.json';

/** A fresh deep copy of the shipped form, to break one thing at a time. */
function draft(): FormDefinition & Record<string, unknown> {
  return structuredClone(definition) as unknown as FormDefinition & Record<string, unknown>;
}

function problems(input: unknown): string {
  const result = formDefinition.safeParse(input);
  return result.success ? '' : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
}

describe('the shipped form "Today\'s feedback"', () => {
  it('is a valid form in Finnish, Swedish and English, with Northern Sámi waiting for review', () => {
    expect(problems(definition)).toBe('');
    // The kiosk takes the bundled form without validating it on the start screen: as parsed.
    expect(parseFormDefinition(definition)).toEqual(defaultForm);
    expect(defaultForm.languages).toEqual(['fi', 'sv', 'en', 'se']);
    expect(defaultForm.reviewed).toEqual(['fi', 'sv', 'en']);
    expect(shownLanguages(defaultForm)).toEqual(['fi', 'sv', 'en']);
  });

  it('has a Northern Sámi text for every text, in composed Unicode', () => {
    const texts = [
      defaultForm.title,
      ...defaultForm.questions.flatMap((q) => [q.title, q.help, ...(isChoiceQuestion(q) ? q.options.map((o) => o.label) : [])]),
    ].filter((text) => text !== undefined);
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) {
      expect(text.se, JSON.stringify(text)).toMatch(/\p{L}/u);
      expect(text.se).toBe(text.se!.normalize('NFC'));
      expect(text.se).not.toBe(text.fi);
    }
  });

  it('asks the pilot questions in order, every one skippable', () => {
    expect(defaultForm.questions.map((q) => [q.id, q.type])).toEqual([
      ['day', 'face-scale'],
      ['met', 'multiple-choice'],
      ['got-help', 'yes-no'],
      ['easy-to-talk', 'yes-no'],
      ['needs', 'multiple-choice'],
      ['age-group', 'background'],
      ['anything-else', 'free-text'],
    ]);
    expect(defaultForm.questions.every((q) => q.required === false)).toBe(true);
  });
});

describe('formDefinition rejects broken forms with a path and a reason', () => {
  const cases: [string, (form: ReturnType<typeof draft>) => void, RegExp][] = [
    ['a missing translation', (f) => delete (f.questions[0]!.title as Record<string, string>).sv, /questions\.0\.title: missing text in language "sv"/],
    ['a missing option translation', (f) => delete (f.questions[1] as { options: { label: Record<string, string> }[] }).options[2]!.label.en, /questions\.1\.options\.2\.label: missing text in language "en"/],
    ['a text in a language the form lacks', (f) => ((f.title as Record<string, string>).de = 'Feedback'), /title: text in "de"/],
    ['an empty text', (f) => ((f.title as Record<string, string>).fi = '   '), /title\.fi: must not be empty/],
    ['a repeated language', (f) => (f.languages = ['fi', 'fi', 'sv', 'en']), /languages: languages must not repeat/],
    ['a repeated question id', (f) => (f.questions[1]!.id = 'day'), /question id "day" is used twice/],
    ['a repeated option id', (f) => ((f.questions[4] as { options: { id: string }[] }).options[1]!.id = 'money'), /option id "money" is used twice/],
    ['an id with capitals', (f) => (f.questions[0]!.id = 'Day'), /questions\.0\.id: must be 1–40 characters/],
    ['a show-if on a later question', (f) => (f.questions[2]!.showIf = { question: 'needs', anyOf: ['money'] }), /not an earlier question/],
    ['a show-if on an unknown option', (f) => (f.questions[2]!.showIf = { question: 'met', anyOf: ['mayor'] }), /"mayor" is not an option of "met"/],
    ['a show-if on free text', (f) => {
      f.questions.push({ ...structuredClone(f.questions[0]!), id: 'late', showIf: { question: 'anything-else', anyOf: ['x'] } });
    }, /not a choice question/],
    ['a show-if on the background question', (f) => {
      f.questions.push({ ...structuredClone(f.questions[1]!), id: 'young-only', showIf: { question: 'age-group', anyOf: ['under-30'] } });
    }, /a background question: its answers must not steer the form/],
    ['two background questions', (f) => f.questions.push({ ...structuredClone(f.questions[5]!), id: 'age-again' }), /at most one background question/],
    ['a face scale with four faces', (f) => (f.questions[0] as { options: unknown[] }).options.pop(), /options must be exactly 1, 2, 3, 4, 5/],
    ['a yes-no question with other options', (f) => ((f.questions[2] as { options: { id: string }[] }).options[0]!.id = 'sure'), /options must be exactly yes, a-little, no, cant-say/],
    ['a background question without "I\'d rather not say"', (f) => (f.questions[5] as { options: unknown[] }).options.pop(), /must offer the option "prefer-not-to-say"/],
    ['an exclusive option outside multiple choice', (f) => ((f.questions[5] as { options: { exclusive?: boolean }[] }).options[0]!.exclusive = true), /only a multiple-choice option can be exclusive/],
    ['an unknown picture', (f) => ((f.questions[1] as { picture?: string }).picture = 'cat'), /questions\.1\.picture/],
    ['an unknown question type', (f) => ((f.questions[0] as { type: string }).type = 'slider'), /questions\.0\.type/],
    ['an unknown field', (f) => (f.colour = 'red'), /colour/],
    ['version 0', (f) => (f.version = 0), /version/],
    ['no questions', (f) => (f.questions = []), /questions/],
    ['a free-text limit over 2000', (f) => ((f.questions[6] as { maxLength: number }).maxLength = 5000), /questions\.6\.maxLength/],
  ];

  it.each(cases)('%s', (_name, breakIt, expected) => {
    const form = draft();
    breakIt(form);
    expect(problems(form)).toMatch(expected);
  });

  it('parseFormDefinition throws one message listing every problem', () => {
    const form = draft();
    delete (form.title as Record<string, string>).en;
    form.questions[1]!.id = 'day';
    expect(() => parseFormDefinition(form)).toThrow(/missing text in language "en"[\s\S]*used twice/);
  });

  it('fills in defaults: not required, free text up to 1000 characters', () => {
    const form = draft();
    const text = form.questions[6] as { maxLength?: number };
    delete text.maxLength;
    const parsed = parseFormDefinition(form);
    expect(parsed.questions[0]!.required).toBe(false);
    expect(parsed.questions[6]).toMatchObject({ type: 'free-text', maxLength: 1000 });
  });
});
