import { describe, expect, it } from 'vitest';
import { nextRegularDelay, RETRY_CAP_MS, retryDelay } from './timing';

describe('retryDelay', () => {
  it('grows from one second to a cap of five minutes, with the whole range jittered', () => {
    expect(retryDelay(0, () => 0.999)).toBeCloseTo(999, 0);
    expect(retryDelay(3, () => 1)).toBe(8_000);
    expect(retryDelay(20, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelay(1000, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelay(5, () => 0)).toBe(0);
  });
});

describe('nextRegularDelay', () => {
  it('spreads regular sends over 10 to 20 minutes', () => {
    expect(nextRegularDelay(() => 0)).toBe(10 * 60_000);
    expect(nextRegularDelay(() => 0.5)).toBe(15 * 60_000);
    expect(nextRegularDelay(() => 1)).toBe(20 * 60_000);
  });
});
