import { describe, expect, it } from 'vitest';
import { answersProblems, isAnswered } from './answers';
import { defaultForm as form } from './default-form';

describe('answersProblems', () => {
  it('accepts a full set of fitting answers', () => {
    expect(
      answersProblems(form, {
        day: '5',
        met: ['adult-social-work', 'health-station'],
        'got-help': 'a-little',
        'easy-to-talk': 'yes',
        needs: ['housing'],
        'age-group': 'prefer-not-to-say',
        'anything-else': 'Kiitos',
      }),
    ).toEqual([]);
  });

  it('counts a scrubbing marker as one character, so scrubbing never pushes text over the limit', () => {
    expect(answersProblems(form, { 'anything-else': `${'x'.repeat(999)}[PHONE REMOVED]` })).toEqual([]);
  });

  it.each([
    [{ weather: 'sunny' }, /"weather" is not a question of form todays-feedback version 1/],
    [{ day: '6' }, /"6" is not an option/],
    [{ day: ['5'] }, /must be one option id/],
    [{ met: 'nobody' }, /must be a list of option ids/],
    [{ met: [] }, /at least one option/],
    [{ met: ['nobody', 'nobody'] }, /must not repeat/],
    [{ met: ['nobody', 'health-station'] }, /"nobody" cannot be chosen with other options/],
    [{ 'got-help': 'yes' }, /hidden by its show-if rule/],
    [{ 'anything-else': ['a'] }, /must be text/],
    [{ 'anything-else': '  ' }, /must not be empty/],
    [{ 'anything-else': 'kiitos\u0000' }, /must not contain a null character/],
    [{ 'anything-else': 'x'.repeat(1001) }, /at most 1000 characters/],
    [{ 'anything-else': `${'x'.repeat(1000)}[PHONE REMOVED]` }, /at most 1000 characters/],
  ])('reports %j', (answers, expected) => {
    expect(answersProblems(form, answers).join('\n')).toMatch(expected);
  });
});

describe('isAnswered', () => {
  it('does not count empty text or an empty selection', () => {
    expect([undefined, null, '', '  ', []].map(isAnswered)).toEqual([false, false, false, false, false]);
    expect(['x', ['a']].map(isAnswered)).toEqual([true, true]);
  });
});
