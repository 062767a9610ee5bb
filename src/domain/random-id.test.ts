import { describe, expect, it } from 'vitest';
import { randomUuidV4 } from './random-id';

describe('randomUuidV4', () => {
  it('makes version 4, variant 1 UUIDs that do not repeat', () => {
    const ids = Array.from({ length: 2000 }, randomUuidV4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not grow with time: two ids made in order do not sort in order more often than chance', () => {
    let ascending = 0;
    for (let i = 0; i < 2000; i++) if (randomUuidV4() < randomUuidV4()) ascending++;
    expect(ascending).toBeGreaterThan(850);
    expect(ascending).toBeLessThan(1150);
  });
});
