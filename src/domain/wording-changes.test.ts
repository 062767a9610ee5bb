import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import type { ChoiceQuestion, FormDefinition } from './form-schema';
import {
  changedQuestions,
  compareVersions,
  describeNotes,
  formNotes,
  hasChanges,
  questionNotes,
  wordingChanges,
  type WordingNote,
} from './wording-changes';

/** The default form as a later version, changed by `edit`. */
function nextVersion(version: number, edit: (form: FormDefinition) => void, from: FormDefinition = defaultForm): FormDefinition {
  const form = structuredClone(from);
  form.version = version;
  edit(form);
  return form;
}
const choice = (form: FormDefinition, id: string) => form.questions.find((q) => q.id === id) as ChoiceQuestion;

describe('wording changes between form versions', () => {
  it('finds nothing when only the version number differs', () => {
    const [change] = wordingChanges([defaultForm, nextVersion(2, () => {})]);
    expect(change).toMatchObject({ version: 2, previous: 1, questions: [], questionsAdded: [], questionsRemoved: [], questionsReordered: false });
    expect(hasChanges(change!)).toBe(false);
    expect(formNotes(change!)).toEqual([]);
    expect(changedQuestions([change!])).toEqual(new Map());
  });

  it('finds a title changed in one language, and names only that language', () => {
    const [change] = wordingChanges([defaultForm, nextVersion(2, (form) => (choice(form, 'day').title.sv = 'Hur var dagen?'))]);
    expect(change!.questions).toHaveLength(1);
    expect(questionNotes(change!.questions[0]!)).toEqual([{ kind: 'title', languages: ['sv'] }]);
    expect(changedQuestions([change!])).toEqual(new Map([['day', [2]]]));
  });

  it('finds help added, option labels changed, and the form title, per language', () => {
    const version2 = nextVersion(2, (form) => {
      form.title.fi = 'Palaute';
      const needs = choice(form, 'needs');
      needs.help = { fi: 'Valitse monta.', sv: 'Välj flera.', en: 'Choose many.', se: 'Vállje máŋggaid.' };
      needs.options.find((o) => o.id === 'food')!.label = { ...needs.options.find((o) => o.id === 'food')!.label, fi: 'Ruoka ja vaatteet', en: 'Food and clothes' };
    });
    const change = compareVersions(defaultForm, version2);
    expect(formNotes(change)).toEqual([{ kind: 'form-title', languages: ['fi'] }]);
    expect(questionNotes(change.questions.find((q) => q.question === 'needs')!)).toEqual([
      { kind: 'help', languages: ['fi', 'sv', 'en', 'se'] },
      { kind: 'option-label', option: 'food', languages: ['fi', 'en'] },
    ]);
  });

  it('finds questions added and removed, and options added, removed and reordered', () => {
    const version2 = nextVersion(2, (form) => {
      form.questions = form.questions.filter((q) => q.id !== 'easy-to-talk');
      form.questions.splice(1, 0, { ...structuredClone(choice(defaultForm, 'got-help')), id: 'slept-well' });
      const needs = choice(form, 'needs');
      const [money, benefits, ...rest] = needs.options;
      needs.options = [benefits!, money!, ...rest.filter((o) => o.id !== 'housing'), { id: 'phone', label: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' } }];
    });
    const change = compareVersions(defaultForm, version2);
    expect(change).toMatchObject({ questionsAdded: ['slept-well'], questionsRemoved: ['easy-to-talk'], questionsReordered: false });
    expect(questionNotes(change.questions.find((q) => q.question === 'needs')!)).toEqual([
      { kind: 'option-added', option: 'phone' },
      { kind: 'option-removed', option: 'housing' },
      { kind: 'options-reordered' },
    ]);
    expect(change.questions.map((q) => q.question)).toEqual(['needs']);
    expect(changedQuestions([change])).toEqual(
      new Map([
        ['slept-well', [2]],
        ['easy-to-talk', [2]],
        ['needs', [2]],
      ]),
    );
  });

  it('does not call an option removed from the middle a reordering, but does call questions swapped one', () => {
    const removed = nextVersion(2, (form) => (choice(form, 'needs').options = choice(form, 'needs').options.filter((o) => o.id !== 'benefits')));
    expect(compareVersions(defaultForm, removed).questions[0]).toMatchObject({ optionsRemoved: ['benefits'], optionsReordered: false });
    const swapped = nextVersion(2, (form) => form.questions.splice(0, 2, form.questions[1]!, form.questions[0]!));
    expect(compareVersions(defaultForm, swapped)).toMatchObject({ questionsReordered: true, questions: [] });
  });

  it('compares only the languages both versions have, and says which were added', () => {
    const version2 = nextVersion(2, (form) => {
      form.languages.push('uk');
      form.title.uk = 'Відгук дня';
      for (const question of form.questions) {
        question.title.uk = 'Питання';
        for (const option of 'options' in question ? question.options : []) option.label.uk = 'Відповідь';
        if (question.help) question.help.uk = 'Допомога';
      }
    });
    const change = compareVersions(defaultForm, version2);
    expect(change.languagesAdded).toEqual(['uk']);
    expect(change.questions).toEqual([]);
    expect(formNotes(change)).toEqual([{ kind: 'languages-added', languages: ['uk'] }]);
  });

  it('follows a history: each version against the one before it, or only the versions given', () => {
    const version2 = nextVersion(2, (form) => (choice(form, 'day').title.fi = 'Miten voit tänään?'));
    const version3 = nextVersion(3, (form) => (choice(form, 'got-help').title.en = 'Did you get help?'), version2);
    const history = wordingChanges([version3, defaultForm, version2]);
    expect(history.map((c) => [c.previous, c.version, c.questions.map((q) => q.question)])).toEqual([
      [1, 2, ['day']],
      [2, 3, ['got-help']],
    ]);
    expect(changedQuestions(history)).toEqual(
      new Map([
        ['day', [2]],
        ['got-help', [3]],
      ]),
    );
    // Responses of versions 1 and 3 only: 3 is compared with 1 directly.
    const [direct] = wordingChanges([defaultForm, version3]);
    expect(direct).toMatchObject({ previous: 1, version: 3 });
    expect(direct!.questions.map((q) => q.question)).toEqual(['day', 'got-help']);
    expect(wordingChanges([defaultForm])).toEqual([]);
  });

  it('puts notes into words with the words it is given', () => {
    const version2 = nextVersion(2, (form) => {
      choice(form, 'day').title.fi = 'Miten voit tänään?';
      choice(form, 'day').title.en = 'How are you today?';
      choice(form, 'needs').options.push({ id: 'phone', label: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' } });
    });
    const [change] = wordingChanges([defaultForm, version2]);
    const say = (note: WordingNote) => {
      if (note.kind === 'title') return `title changed (${note.languages.join(', ')})`;
      if (note.kind === 'option-added') return `option '${note.option}' added`;
      return note.kind;
    };
    expect(change!.questions.map((q) => `${q.question}: ${describeNotes(questionNotes(q), say)}`)).toEqual([
      'day: title changed (fi, en)',
      "needs: option 'phone' added",
    ]);
    expect(describeNotes([], say)).toBe('');
  });

  it('finds a type change', () => {
    const version2 = nextVersion(2, (form) => {
      const needs = choice(form, 'needs');
      Object.assign(needs, { type: 'single-choice' });
    });
    expect(questionNotes(compareVersions(defaultForm, version2).questions[0]!)).toEqual([{ kind: 'type' }]);
  });
});
