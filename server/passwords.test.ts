import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hash with scrypt and a salt, and verify', async () => {
    const hash = await hashPassword('päiväkeskus-2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('päiväkeskus');
    expect(await hashPassword('päiväkeskus-2026')).not.toBe(hash);
    expect(await verifyPassword('päiväkeskus-2026', hash)).toBe(true);
    expect(await verifyPassword('paivakeskus-2026', hash)).toBe(false);
  });

  it('need at least 12 characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/repeated/);
    expect(passwordProblem('a sentence as a password')).toBeNull();
  });

  it.each(['1q2w3e4r5t6y', 'qwertyuiop1234', 'Salasana2026!', 'password123456', 'PÄIVÄKESKUS2026', 'Rovaniemi123!!'])(
    'refuse %s, which is common',
    (password) => expect(passwordProblem(password)).toMatch(/common passwords/),
  );

  it('accept long passwords that merely contain a common word', () => {
    expect(passwordProblem('kahvi-ja-pulla-aamulla')).toBeNull();
    expect(passwordProblem('passwordless lantern 7')).toBeNull();
  });
});
