import { describe, expect, it } from 'vitest';
import { draftComment, KIOSK_SCREEN_TEXTS, screenOf } from './draft-comment';

const base = { id: '6f1c7a4e-2f7b-4c1e-9a3d-5b8e2c1d0f9a', language: 'fi', text: 'Selkeä.' };

describe('the kiosk texts a reviewer can comment on', () => {
  it('belong to one screen each', () => {
    const all = Object.values(KIOSK_SCREEN_TEXTS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(screenOf('idle.continue')).toBe('idle');
    expect(screenOf('form.title')).toBeUndefined();
  });
});

describe('a comment', () => {
  it('is about a question (or one of its options), the form’s title, or a kiosk text: exactly one', () => {
    expect(draftComment.safeParse({ ...base, question: 'mood' }).success).toBe(true);
    expect(draftComment.safeParse({ ...base, question: 'mood', option: '2' }).success).toBe(true);
    expect(draftComment.safeParse({ ...base, part: 'form.title' }).success).toBe(true);
    expect(draftComment.safeParse({ ...base, part: 'privacy.stored' }).success).toBe(true);
    expect(draftComment.safeParse(base).success).toBe(false);
    expect(draftComment.safeParse({ ...base, question: 'mood', part: 'form.title' }).success).toBe(false);
    expect(draftComment.safeParse({ ...base, part: 'start.intro', option: '2' }).success).toBe(false);
    expect(draftComment.safeParse({ ...base, part: 'staff.heading' }).success).toBe(false);
  });
});
