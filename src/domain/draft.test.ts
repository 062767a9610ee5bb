import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { checkDraft, historyOf } from './draft';
import { shownLanguages, type FormDefinition } from './form-schema';

const draft = (change: (form: FormDefinition) => void): FormDefinition => {
  const form = structuredClone(defaultForm);
  change(form);
  return form;
};

describe('checkDraft', () => {
  it('passes the published form as it is', () => {
    expect(checkDraft(defaultForm)).toEqual({ problems: [], missingTexts: [], canSave: true, canPublish: true });
  });

  it('lets a draft with a new language be saved while its texts are being written, but not published', () => {
    const withUkrainian = draft((form) => {
      form.languages.push('uk');
      form.title.uk = 'Відгук дня';
    });
    const check = checkDraft(withUkrainian);
    expect(check.problems).toEqual([]);
    expect(check.canSave).toBe(true);
    expect(check.canPublish).toBe(false);
    expect(check.missingTexts.length).toBeGreaterThan(10);
    expect(check.missingTexts.every((m) => m.language === 'uk')).toBe(true);
    expect(check.missingTexts[0]!.path).toBe('questions.0.title');
  });

  it.each([
    ['a question id used twice', (form: FormDefinition) => (form.questions[1]!.id = form.questions[0]!.id)],
    ['a show-if pointing at a later question', (form: FormDefinition) => form.questions.reverse()],
    ['an unknown question type', (form: FormDefinition) => ((form.questions[0] as { type: string }).type = 'slider')],
    ['a reviewed language the form lacks', (form: FormDefinition) => (form.reviewed = ['fi', 'de'])],
    ['no reviewed language at all', (form: FormDefinition) => (form.reviewed = [])],
    ['an option id that is not an identifier', (form: FormDefinition) => {
      const question = form.questions.find((q) => q.type === 'multiple-choice')!;
      if ('options' in question) question.options[0]!.id = 'Has Spaces';
    }],
  ])('refuses to save %s, and says where', (_name, change) => {
    const check = checkDraft(draft(change));
    expect(check.canSave).toBe(false);
    expect(check.problems[0]).toEqual({ path: expect.any(String), message: expect.stringMatching(/\w{4,}/) });
  });
});

describe('shownLanguages', () => {
  it('shows only reviewed languages, and all when the form does not say', () => {
    expect(shownLanguages({ languages: ['fi', 'sv', 'en', 'se'], reviewed: ['fi', 'sv', 'en'] })).toEqual(['fi', 'sv', 'en']);
    expect(shownLanguages({ languages: ['fi', 'sv'] })).toEqual(['fi', 'sv']);
  });
});

describe('a draft against its form’s earlier versions', () => {
  const history = historyOf([defaultForm]);

  it('refuses an old question id with another type, and a background question under a new id', () => {
    const retyped = draft((form) => {
      form.questions = form.questions.filter((q) => q.id !== 'needs');
      form.questions.push({ id: 'needs', type: 'free-text', title: { fi: 'a', sv: 'a', en: 'a', se: 'a' }, required: false, maxLength: 100 });
    });
    expect(checkDraft(retyped).canSave).toBe(true);
    expect(checkDraft(retyped, history).problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/"needs" was a multiple-choice question/) })]);

    const renamed = draft((form) => {
      const age = form.questions.find((q) => q.id === 'age-group')!;
      age.id = 'age';
    });
    expect(checkDraft(renamed, history).problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/keeps the id "age-group"/) })]);
  });

  it('remembers every id a version has used', () => {
    expect(history.questionTypes['age-group']).toBe('background');
    expect(history.optionIds.needs).toContain('food');
  });
});
