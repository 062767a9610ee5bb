import { describe, expect, it } from 'vitest';
import { draftChanges } from './draft-changes';
import type { ChoiceQuestion, FormDefinition } from './form-schema';

/** A small draft written out by hand: two languages, a face scale, a choice and a free text. */
const base: FormDefinition = {
  id: 'palaute',
  version: 2,
  languages: ['fi', 'sv'],
  reviewed: ['fi'],
  title: { fi: 'Palaute', sv: 'Respons' },
  questions: [
    {
      id: 'day',
      type: 'face-scale',
      required: false,
      title: { fi: 'Millainen päivä?', sv: 'Hur var dagen?' },
      options: ['1', '2', '3', '4', '5'].map((id) => ({ id, label: { fi: `Kasvo ${id}`, sv: `Ansikte ${id}` } })),
    },
    {
      id: 'needs',
      type: 'multiple-choice',
      required: false,
      title: { fi: 'Mitä tarvitsit?', sv: 'Vad behövde du?' },
      options: [
        { id: 'food', label: { fi: 'Ruokaa', sv: 'Mat' } },
        { id: 'money', label: { fi: 'Rahaa', sv: 'Pengar' } },
        { id: 'nothing', label: { fi: 'En mitään', sv: 'Ingenting' }, exclusive: true },
      ],
    },
    { id: 'words', type: 'free-text', required: false, maxLength: 1000, title: { fi: 'Sana vapaa', sv: 'Ordet fritt' } },
  ],
};

/** The base draft as another coordinator saved it after `edit`. */
function saved(edit: (form: FormDefinition) => void): FormDefinition {
  const form = structuredClone(base);
  edit(form);
  return form;
}
const choice = (form: FormDefinition, id: string) => form.questions.find((q) => q.id === id) as ChoiceQuestion;

describe('what another coordinator changed in a draft', () => {
  it('is nothing when the drafts are the same', () => {
    expect(draftChanges(base, structuredClone(base))).toEqual([]);
  });

  it('names the form title and a question’s text and help, per language changed', () => {
    const theirs = saved((form) => {
      form.title.sv = 'Feedback';
      choice(form, 'day').title.fi = 'Miten päiväsi meni?';
      choice(form, 'needs').help = { fi: 'Valitse monta.' };
    });
    expect(draftChanges(base, theirs)).toEqual([
      { kind: 'form-title', languages: ['sv'] },
      { kind: 'title', question: 'day', languages: ['fi'] },
      { kind: 'help', question: 'needs', languages: ['fi'] },
    ]);
  });

  it('names questions added, removed and moved', () => {
    const theirs = saved((form) => {
      form.questions = [form.questions[1]!, form.questions[0]!, { id: 'slept', type: 'free-text', required: false, maxLength: 200, title: { fi: 'Nukuitko?', sv: 'Sov du?' } }];
    });
    expect(draftChanges(base, theirs)).toEqual([
      { kind: 'question-added', question: 'slept' },
      { kind: 'question-removed', question: 'words' },
      { kind: 'questions-reordered' },
    ]);
  });

  it('names options added, removed, renamed and moved', () => {
    const theirs = saved((form) => {
      const needs = choice(form, 'needs');
      const [food, money, nothing] = needs.options;
      money!.label.sv = 'Ekonomi';
      needs.options = [money!, food!, { id: 'housing', label: { fi: 'Asunto', sv: 'Bostad' } }];
      void nothing;
    });
    expect(draftChanges(base, theirs)).toEqual([
      { kind: 'option-label', question: 'needs', option: 'money', languages: ['sv'] },
      { kind: 'option-added', question: 'needs', option: 'housing' },
      { kind: 'option-removed', question: 'needs', option: 'nothing' },
      { kind: 'options-reordered', question: 'needs' },
    ]);
  });

  it('names languages added and removed, and languages marked reviewed or not', () => {
    const theirs = saved((form) => {
      form.languages = ['fi', 'sv', 'en'];
      form.title.en = 'Feedback';
      form.reviewed = ['sv'];
    });
    expect(draftChanges(base, theirs)).toEqual([
      { kind: 'languages-added', languages: ['en'] },
      { kind: 'reviewed-marked', languages: ['sv'] },
      { kind: 'reviewed-unmarked', languages: ['fi'] },
    ]);
    const withoutSwedish = saved((form) => {
      form.languages = ['fi'];
      delete form.title.sv;
    });
    expect(draftChanges(base, withoutSwedish)).toEqual([{ kind: 'languages-removed', languages: ['sv'] }]);
    // A form that does not say which languages are reviewed has all of them reviewed.
    expect(draftChanges(base, saved((form) => delete form.reviewed))).toEqual([{ kind: 'reviewed-marked', languages: ['sv'] }]);
  });

  it('names a question whose settings changed (a picture, when it shows, an option that clears the others, a length)', () => {
    const edits: ((form: FormDefinition) => void)[] = [
      (form) => (choice(form, 'day').picture = 'food'),
      (form) => (choice(form, 'needs').showIf = { question: 'day', anyOf: ['1', '2'] }),
      (form) => delete choice(form, 'needs').options[2]!.exclusive,
      (form) => ((form.questions[2] as { maxLength: number }).maxLength = 300),
    ];
    const questions = ['day', 'needs', 'needs', 'words'];
    edits.forEach((edit, i) => expect(draftChanges(base, saved(edit))).toEqual([{ kind: 'question-settings', question: questions[i] }]));
  });

  it('names a changed question type once, not also its settings', () => {
    const theirs = saved((form) => {
      (choice(form, 'needs') as { type: string }).type = 'single-choice';
      delete choice(form, 'needs').options[2]!.exclusive;
    });
    expect(draftChanges(base, theirs)).toEqual([{ kind: 'type', question: 'needs' }]);
  });

  it('compares in the direction given: the other’s changes, not one’s own undone', () => {
    const theirs = saved((form) => form.questions.pop());
    expect(draftChanges(base, theirs)).toEqual([{ kind: 'question-removed', question: 'words' }]);
    expect(draftChanges(theirs, base)).toEqual([{ kind: 'question-added', question: 'words' }]);
  });
});
