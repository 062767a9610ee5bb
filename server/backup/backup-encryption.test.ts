import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptFile, encryptFile, isEncryptedBackup } from './backup-encryption';

let dir: string;
let plain: Buffer;
let sealed: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-crypt-'));
  // Larger than one read chunk (64 KiB), so the streams run more than once.
  plain = Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(300_000)]);
  writeFileSync(join(dir, 'plain'), plain);
  sealed = join(dir, 'sealed');
  await encryptFile(join(dir, 'plain'), sealed, 'oikea tunnuslause');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const fresh = () => join(dir, `out-${++n}`);

describe('backup encryption', () => {
  it('writes a file for its owner only, with a header, the contents encrypted and a tag', async () => {
    const bytes = readFileSync(sealed);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('DCFBAK\r\n');
    expect(bytes.length).toBe(plain.length + 40 + 16);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(await isEncryptedBackup(sealed)).toBe(true);
    expect(await isEncryptedBackup(join(dir, 'plain'))).toBe(false);
  });

  it('gives back the same bytes with the same passphrase', async () => {
    const out = fresh();
    await decryptFile(sealed, out, 'oikea tunnuslause');
    expect(readFileSync(out).equals(plain)).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('uses a new salt and iv each time, so the same database never encrypts the same', async () => {
    const again = fresh();
    await encryptFile(join(dir, 'plain'), again, 'oikea tunnuslause');
    expect(readFileSync(again).subarray(12, 40).equals(readFileSync(sealed).subarray(12, 40))).toBe(false);
  });

  it('refuses a wrong passphrase', async () => {
    await expect(decryptFile(sealed, fresh(), 'väärä tunnuslause')).rejects.toMatchObject({ problem: 'wrong-passphrase-or-damaged', message: expect.stringMatching(/passphrase is wrong/) });
  });

  it.each([
    ['a byte changed in the middle', (b: Buffer) => (b[1000]! ^= 1)],
    ['a byte changed in the header', (b: Buffer) => (b[20]! ^= 1)],
  ])('refuses a file with %s', async (_name, change) => {
    const bytes = Buffer.from(readFileSync(sealed));
    change(bytes);
    const damaged = fresh();
    writeFileSync(damaged, bytes);
    await expect(decryptFile(damaged, fresh(), 'oikea tunnuslause')).rejects.toMatchObject({ problem: 'wrong-passphrase-or-damaged' });
  });

  it('refuses a cut-off file', async () => {
    const cut = fresh();
    writeFileSync(cut, readFileSync(sealed).subarray(0, 100_000));
    await expect(decryptFile(cut, fresh(), 'oikea tunnuslause')).rejects.toMatchObject({ problem: 'wrong-passphrase-or-damaged' });
  });

  it('tells a file that is not encrypted, and a format it does not know, from a wrong passphrase', async () => {
    await expect(decryptFile(join(dir, 'plain'), fresh(), 'x')).rejects.toMatchObject({ problem: 'not-encrypted' });
    const newer = Buffer.from(readFileSync(sealed));
    newer[8] = 2;
    const file = fresh();
    writeFileSync(file, newer);
    await expect(decryptFile(file, fresh(), 'oikea tunnuslause')).rejects.toMatchObject({ problem: 'unknown-format' });
  });

  it('refuses a header that asks scrypt for more memory than a restore should take', async () => {
    const greedy = Buffer.from(readFileSync(sealed));
    greedy[9] = 30;
    const file = fresh();
    writeFileSync(file, greedy);
    await expect(decryptFile(file, fresh(), 'oikea tunnuslause')).rejects.toMatchObject({ problem: 'unknown-format' });
  });
});
