import { describe, expect, it } from 'vitest';
import { memoryWindowLimit } from './memory-window-limit';

describe('a limit counted in memory', () => {
  it('allows max requests per key in a window, then refuses with the time left, and starts again after', () => {
    let now = 1_000;
    const limit = memoryWindowLimit(3, 600, () => now);
    expect([1, 2, 3].map(() => limit.take('a').allowed)).toEqual([true, true, true]);
    now += 100;
    expect(limit.take('a')).toEqual({ allowed: false, msLeft: 500 });
    expect(limit.take('b').allowed).toBe(true);
    now += 500;
    expect(limit.take('a')).toEqual({ allowed: true, msLeft: 600 });
  });

  it('forgets ended windows', () => {
    let now = 0;
    const limit = memoryWindowLimit(1, 100, () => now);
    for (const key of ['a', 'b', 'c']) limit.take(key);
    expect(limit.size()).toBe(3);
    now = 150;
    limit.take('d');
    expect(limit.size()).toBe(1);
  });
});
