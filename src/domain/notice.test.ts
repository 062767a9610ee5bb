import { describe, expect, it } from 'vitest';
import { kioskNotice, MAX_NOTICE_LENGTH, missingNoticeLanguages, noticeInput } from './notice';
import { currentNotices, noticeText } from './notice-text';

const valid = {
  texts: { fi: 'Palautteenne perusteella terveysaseman hoitaja on nyt paikalla joka tiistai.', en: 'A nurse now comes every Tuesday.' },
  startsOn: '2026-12-01',
  endsOn: '2026-12-31',
  units: ['paivakeskus'],
};

const errorsOf = (input: unknown) => {
  const result = noticeInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a notice as a coordinator writes it', () => {
  it('is accepted with its wording, days and units, trimmed', () => {
    const parsed = noticeInput.parse({ ...valid, texts: { fi: '  Hoitaja tiistaisin.  ' } });
    expect(parsed.texts).toEqual({ fi: 'Hoitaja tiistaisin.' });
  });

  it('may be shown for one day', () => {
    expect(errorsOf({ ...valid, startsOn: '2026-12-24', endsOn: '2026-12-24' })).toEqual([]);
  });

  it('is refused when its last day comes before its first', () => {
    expect(errorsOf({ ...valid, startsOn: '2026-12-10', endsOn: '2026-12-09' })).toEqual([expect.stringMatching(/^endsOn: the last day must not be before/)]);
  });

  it('is shown for a year at most', () => {
    expect(errorsOf({ ...valid, startsOn: '2026-01-01', endsOn: '2027-01-01' })).toEqual([]);
    expect(errorsOf({ ...valid, startsOn: '2026-01-01', endsOn: '2027-01-02' })).toHaveLength(1);
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(errorsOf({ ...valid, startsOn: '2026-02-30' })).toEqual([expect.stringMatching(/^startsOn: must be a real date/)]);
    expect(errorsOf({ ...valid, endsOn: '31.12.2026' })).toEqual([expect.stringMatching(/^endsOn: must be a real date/)]);
  });

  it('refuses empty wording, no language at all, and wording too long to read in one look', () => {
    expect(errorsOf({ ...valid, texts: { fi: '   ' } })).toEqual([expect.stringMatching(/^texts\.fi: must not be empty/)]);
    expect(errorsOf({ ...valid, texts: {} })).toEqual(['texts: write the notice in at least one language']);
    expect(errorsOf({ ...valid, texts: { fi: 'a'.repeat(MAX_NOTICE_LENGTH) } })).toEqual([]);
    expect(errorsOf({ ...valid, texts: { fi: 'a'.repeat(MAX_NOTICE_LENGTH + 1) } })).toEqual([expect.stringMatching(/^texts\.fi: must be at most 200/)]);
  });

  it('needs a unit, and nothing else may ride along', () => {
    expect(errorsOf({ ...valid, units: [] })).toEqual(['units: choose at least one unit']);
    expect(errorsOf({ ...valid, responseId: 'x' })).toHaveLength(1);
  });
});

describe('a notice as a kiosk gets it', () => {
  it('carries an id, its wording and days, and no units or author', () => {
    const notice = { id: '0f8f2a6e-2f6b-4c1e-9a53-6b0c1f1d2e3a', texts: valid.texts, startsOn: valid.startsOn, endsOn: valid.endsOn };
    expect(kioskNotice.parse(notice)).toEqual(notice);
    expect(kioskNotice.safeParse({ ...notice, units: ['paivakeskus'] }).success).toBe(false);
    expect(kioskNotice.safeParse({ ...notice, id: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('which languages a notice still lacks', () => {
  it('names those of its kiosks it has no wording in', () => {
    expect(missingNoticeLanguages({ fi: 'Hoitaja tiistaisin.' }, ['fi', 'sv', 'en'])).toEqual(['sv', 'en']);
    expect(missingNoticeLanguages(valid.texts, ['fi', 'en'])).toEqual([]);
  });
});

describe('the notices a kiosk shows on a day', () => {
  const a = { id: 'a', startsOn: '2026-12-01', endsOn: '2026-12-06' };
  const b = { id: 'b', startsOn: '2026-12-03', endsOn: '2026-12-03' };
  const c = { id: 'c', startsOn: '2026-12-03', endsOn: '2026-12-20' };

  it('are those whose first and last days hold the day, the newest first', () => {
    expect(currentNotices([a, b, c], '2026-11-30')).toEqual([]);
    expect(currentNotices([a, b, c], '2026-12-01')).toEqual([a]);
    expect(currentNotices([a, b, c], '2026-12-03')).toEqual([b, c, a]);
    expect(currentNotices([a, b, c], '2026-12-04')).toEqual([c, a]);
    expect(currentNotices([a, b, c], '2026-12-06')).toEqual([c, a]);
    expect(currentNotices([a, b, c], '2026-12-07')).toEqual([c]);
    expect(currentNotices([a, b, c], '2026-12-21')).toEqual([]);
  });

  it('do not depend on the order they came in', () => {
    expect(currentNotices([c, a, b], '2026-12-03')).toEqual(currentNotices([a, b, c], '2026-12-03'));
  });
});

describe('a notice in the visitor’s language', () => {
  it('falls back to the form’s first language that has it', () => {
    expect(noticeText({ fi: 'Hei', en: 'Hello' }, 'en', ['fi'])).toBe('Hello');
    expect(noticeText({ fi: 'Hei', en: 'Hello' }, 'sv', ['fi', 'en'])).toBe('Hei');
    expect(noticeText({ en: 'Hello' }, 'sv', ['fi'])).toBe('Hello');
  });
});
