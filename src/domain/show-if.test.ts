import { describe, expect, it } from 'vitest';
import { defaultForm as form } from './default-form';
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
