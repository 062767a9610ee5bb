import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches } from './pin';

describe('staff PIN', () => {
  it('is stored salted and hashed, and checked', async () => {
    const stored = await hashPin('4711');
    expect(JSON.stringify(stored)).not.toContain('4711');
    expect((await hashPin('4711')).hash).not.toBe(stored.hash);
    expect(await pinMatches('4711', stored)).toBe(true);
    expect(await pinMatches('4712', stored)).toBe(false);
  });
});
