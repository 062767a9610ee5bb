import { describe, expect, it } from 'vitest';
import { defaultForm as form } from './default-form';
import { parseFormDefinition } from './form-schema';
import { keepVisibleAnswers, nextQuestionIndex, previousQuestionIndex, visibleQuestions } from './show-if';

const ids = (answers: Record<string, string | string[]>) => visibleQuestions(form, answers).map((q) => q.id);

describe('show-if on the default form', () => {
  it('hides the follow-ups until the visitor says they met someone', () => {
    expect(ids({})).toEqual(['day', 'met', 'needs', 'age-group', 'anything-else']);
    expect(ids({ met: ['nobody'] })).toEqual(['day', 'met', 'needs', 'age-group', 'anything-else']);
  });

  it('shows them when any professional was met', () => {
    expect(ids({ met: ['health-station'] })).toEqual(['day', 'met', 'got-help', 'easy-to-talk', 'needs', 'age-group', 'anything-else']);
    expect(ids({ met: ['nobody', 'day-centre-staff'] })).toContain('got-help');
  });

  it('steps over hidden questions both ways', () => {
    expect(nextQuestionIndex(form, {}, 1)).toBe(4);
    expect(nextQuestionIndex(form, { met: ['shelter-home'] }, 1)).toBe(2);
    expect(previousQuestionIndex(form, {}, 4)).toBe(1);
    expect(previousQuestionIndex(form, { met: ['shelter-home'] }, 4)).toBe(3);
    expect(nextQuestionIndex(form, {}, 6)).toBeNull();
    expect(previousQuestionIndex(form, {}, 0)).toBeNull();
  });

  it('drops follow-up answers when the visitor goes back and chooses "Nobody"', () => {
    const answers = { day: '4', met: ['nobody'], 'got-help': 'yes', 'easy-to-talk': 'no' };
    expect(keepVisibleAnswers(form, answers)).toEqual({ day: '4', met: ['nobody'] });
  });
});

describe('show-if edge cases', () => {
  it('treats what Skip leaves behind ("" and []) as unanswered', () => {
    expect(ids({ met: [] })).not.toContain('got-help');
    expect(nextQuestionIndex(form, { day: '', met: [] }, 1)).toBe(4);
  });

  it('settles a chain of rules in one pass: hiding a question hides what depends on it', () => {
    const text = (value: string) => ({ fi: value, sv: value, en: value });
    const option = (id: string) => ({ id, label: text(id) });
    const chained = parseFormDefinition({
      id: 'chain',
      version: 1,
      languages: ['fi', 'sv', 'en'],
      title: text('Chain'),
      questions: [
        { id: 'first', type: 'single-choice', title: text('First'), options: [option('a'), option('b')] },
        { id: 'second', type: 'single-choice', title: text('Second'), showIf: { question: 'first', anyOf: ['a'] }, options: [option('x'), option('y')] },
        { id: 'third', type: 'yes-no', title: text('Third'), showIf: { question: 'second', anyOf: ['x'] }, options: ['yes', 'a-little', 'no', 'cant-say'].map(option) },
      ],
    });
    const answers = { first: 'b', second: 'x', third: 'yes' };
    expect(keepVisibleAnswers(chained, answers)).toEqual({ first: 'b' });
    expect(visibleQuestions(chained, answers).map((q) => q.id)).toEqual(['first']);
    expect(visibleQuestions(chained, { first: 'a', second: 'x' }).map((q) => q.id)).toEqual(['first', 'second', 'third']);
  });
});
