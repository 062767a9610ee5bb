import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { ANSWERED, tallyOf } from './tally';

describe('tallyOf', () => {
  it('counts each answered question once, each chosen option, and of a text only that it was written', () => {
    expect(
      tallyOf(defaultForm, {
        answers: { day: '4', met: ['health-station', 'shelter-home'], 'anything-else': 'Kiitos Maijalle', 'age-group': '50-or-over' },
      }),
    ).toEqual([
      { question: 'day', option: ANSWERED },
      { question: 'day', option: '4' },
      { question: 'met', option: ANSWERED },
      { question: 'met', option: 'health-station' },
      { question: 'met', option: 'shelter-home' },
      { question: 'age-group', option: ANSWERED },
      { question: 'age-group', option: '50-or-over' },
      { question: 'anything-else', option: ANSWERED },
    ]);
  });

  it('counts nothing for skipped questions or empty lists', () => {
    expect(tallyOf(defaultForm, { answers: { needs: [], 'anything-else': '  ' } })).toEqual([]);
  });
});
