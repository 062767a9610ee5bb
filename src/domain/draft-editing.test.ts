import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { checkDraft } from './draft';
import {
  addableTypes,
  addLanguage,
  removeLanguage,
  canMoveQuestion,
  addOption,
  addQuestion,
  moveOption,
  moveQuestion,
  removeOption,
  removeQuestion,
  setReviewed,
  setText,
  showIfCandidates,
  QUESTION_TYPES,
} from './draft-editing';
import { isChoiceQuestion, shownLanguages, type FormDefinition } from './form-schema';

const form = defaultForm;
const ids = (f: FormDefinition) => f.questions.map((q) => q.id);
const first = form.questions[0]!;

describe('editing a draft', () => {
  it('changes a text in one language and leaves the original untouched', () => {
    const next = setText(form, { kind: 'title', question: first.id }, 'fi', 'Miltä tänään tuntuu?');
    expect(next.questions[0]!.title.fi).toBe('Miltä tänään tuntuu?');
    expect(next.questions[0]!.title.sv).toBe(first.title.sv);
    expect(form.questions[0]!.title.fi).toBe(first.title.fi);
    expect(checkDraft(next).canPublish).toBe(true);
  });

  it('makes an emptied text a missing text: it can be saved, not published', () => {
    const next = setText(form, { kind: 'title', question: first.id }, 'sv', '   ');
    expect(next.questions[0]!.title.sv).toBeUndefined();
    const check = checkDraft(next);
    expect(check).toMatchObject({ canSave: true, canPublish: false });
    expect(check.missingTexts).toEqual([expect.objectContaining({ path: 'questions.0.title', language: 'sv' })]);
  });

  it('removes a help text whose every language was emptied', () => {
    const withHelp = form.questions.find((q) => q.help)!;
    let next = form;
    for (const language of Object.keys(withHelp.help!)) next = setText(next, { kind: 'help', question: withHelp.id }, language, '');
    expect(next.questions.find((q) => q.id === withHelp.id)!.help).toBeUndefined();
    expect(checkDraft(next).canPublish).toBe(true);
  });

  it('moves questions and options, and does nothing past the ends', () => {
    const down = moveQuestion(form, first.id, 1);
    expect(ids(down).slice(0, 2)).toEqual([ids(form)[1], ids(form)[0]]);
    expect(moveQuestion(form, first.id, -1)).toEqual(form);
    const choice = form.questions.find((q) => q.type === 'multiple-choice')!;
    if (!isChoiceQuestion(choice)) throw new Error('expected a choice question');
    const moved = moveOption(form, choice.id, choice.options[0]!.id, 1).questions.find((q) => q.id === choice.id)!;
    expect(isChoiceQuestion(moved) && moved.options.map((o) => o.id).slice(0, 2)).toEqual([choice.options[1]!.id, choice.options[0]!.id]);
  });

  it.each(QUESTION_TYPES)('adds a %s question that only lacks its texts', (type) => {
    // A form has one background question at most: a new one replaces the old.
    const start = type === 'background' ? removeQuestion(form, 'age-group') : form;
    expect(addableTypes(start)).toContain(type);
    const next = addQuestion(start, type);
    const added = next.questions.at(-1)!;
    expect(added.type).toBe(type);
    expect(ids(next)).toHaveLength(ids(start).length + 1);
    const check = checkDraft(next);
    expect(check.problems).toEqual([]);
    expect(check.missingTexts.length).toBeGreaterThan(0);
    expect(check.missingTexts.every((missing) => missing.path.startsWith(`questions.${next.questions.length - 1}.`))).toBe(true);
  });

  it('never gives a new question or option an id an earlier version used', () => {
    const history = { questionTypes: { 'question-1': 'background', 'question-2': 'free-text' }, optionIds: { needs: ['option-1'] } };
    const next = addQuestion(form, 'single-choice', history);
    expect(next.questions.at(-1)!.id).toBe('question-3');
    const withOption = addOption(form, 'needs', history).questions.find((q) => q.id === 'needs')!;
    expect(isChoiceQuestion(withOption) && withOption.options.at(-1)!.id).toBe('option-2');
  });

  it('offers no second background question', () => {
    expect(addableTypes(form)).not.toContain('background');
    expect(addableTypes(form)).toHaveLength(QUESTION_TYPES.length - 1);
  });

  it('keeps "I’d rather not say" last when an option is added to a background question', () => {
    const background = form.questions.find((q) => q.type === 'background')!;
    const next = addOption(form, background.id).questions.find((q) => q.id === background.id)!;
    expect(isChoiceQuestion(next) && next.options.at(-1)!.id).toBe('prefer-not-to-say');
    expect(isChoiceQuestion(next) && next.options.length).toBe(isChoiceQuestion(background) ? background.options.length + 1 : 0);
  });

  it('never changes the fixed options of a face scale', () => {
    const faces = form.questions.find((q) => q.type === 'face-scale')!;
    expect(addOption(form, faces.id)).toEqual(form);
    expect(removeOption(form, faces.id, '1')).toEqual(form);
    expect(moveOption(form, faces.id, '1', 1)).toEqual(form);
  });

  it('keeps show-if rules whole: removing a question or option takes its rules along, and no move breaks the order', () => {
    const leader = form.questions.find((q) => q.showIf)!.showIf!.question;
    const followers = form.questions.filter((q) => q.showIf?.question === leader);
    const withoutLeader = removeQuestion(form, leader);
    expect(withoutLeader.questions.filter((q) => q.showIf?.question === leader)).toEqual([]);
    expect(checkDraft(withoutLeader).canSave).toBe(true);

    const rule = followers[0]!.showIf!;
    let trimmed = removeOption(form, leader, rule.anyOf[0]!);
    expect(trimmed.questions.find((q) => q.id === followers[0]!.id)!.showIf!.anyOf).toEqual(rule.anyOf.slice(1));
    for (const option of rule.anyOf.slice(1)) trimmed = removeOption(trimmed, leader, option);
    expect(trimmed.questions.find((q) => q.id === followers[0]!.id)!.showIf).toBeUndefined();

    // The first follower sits right after its leader: neither may pass the other.
    const leaderIndex = form.questions.findIndex((q) => q.id === leader);
    expect(form.questions[leaderIndex + 1]!.showIf?.question).toBe(leader);
    expect(canMoveQuestion(form, leader, 1)).toBe(false);
    expect(moveQuestion(form, leader, 1)).toBe(form);
    expect(canMoveQuestion(form, form.questions[leaderIndex + 1]!.id, -1)).toBe(false);
    expect(canMoveQuestion(form, first.id, 1)).toBe(leaderIndex !== 0);
  });

  it('offers only earlier choice questions for show-if', () => {
    const last = form.questions.at(-1)!;
    const candidates = showIfCandidates(form, last.id);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.map((q) => q.id)).not.toContain('age-group');
    expect(candidates.length).toBeLessThan(form.questions.filter(isChoiceQuestion).length + 1);
    expect(candidates.map((q) => q.id)).not.toContain(last.id);
    expect(showIfCandidates(form, first.id)).toEqual([]);
  });

  it('adds a language that is missing every text and not reviewed, then marks it reviewed', () => {
    const next = addLanguage(form, 'ru');
    expect(next.languages).toContain('ru');
    expect(shownLanguages(next)).toEqual(shownLanguages(form));
    const check = checkDraft(next);
    expect(check.canSave).toBe(true);
    expect(check.missingTexts.every((missing) => missing.language === 'ru')).toBe(true);
    expect(check.missingTexts.length).toBeGreaterThan(10);
    expect(shownLanguages(setReviewed(next, 'ru', true))).toContain('ru');
    expect(shownLanguages(setReviewed(next, 'sv', false))).not.toContain('sv');
  });

  it('removes a language with all its texts, but never the last one', () => {
    const next = removeLanguage(addLanguage(form, 'ru'), 'ru');
    expect(next).toEqual({ ...form, reviewed: shownLanguages(form) });
    const withoutSami = removeLanguage(form, 'se');
    expect(withoutSami.languages).toEqual(['fi', 'sv', 'en']);
    expect(JSON.stringify(withoutSami)).not.toContain('"se"');
    expect(checkDraft(withoutSami).canPublish).toBe(true);
    let only = form;
    for (const code of ['sv', 'en', 'se']) only = removeLanguage(only, code);
    expect(removeLanguage(only, 'fi')).toBe(only);
  });
});
