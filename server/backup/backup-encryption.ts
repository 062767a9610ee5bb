import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

/**
 * An encrypted backup: a 40-byte header, the database encrypted with AES-256-GCM, and the
 * 16-byte authentication tag. The key is derived from the passphrase with scrypt and the salt in
 * the header. The whole header is authenticated too, so a changed byte anywhere, a wrong
 * passphrase or a cut-off file all fail the same check, and nothing of it is used.
 *
 *   magic "DCFBAK\r\n" (8) | format version (1) | scrypt log2 N, r, p (3) | salt (16) | iv (12)
 */
const MAGIC = Buffer.from('DCFBAK\r\n', 'latin1');
const FORMAT_VERSION = 1;
const HEADER_BYTES = 40;
const TAG_BYTES = 16;
// scrypt at N = 2^16, r = 8, p = 2 (one of OWASP's choices): the work of N = 2^17 in half the
// memory, 64 MiB for a fraction of a second once a night, well inside the server's memory limits.
const COST = { log2N: 16, r: 8, p: 2 };
// Bounds on what a header may ask for (at most 256 MiB), so a crafted file cannot make a restore take all memory.
const MAX_COST = { log2N: 18, r: 8, p: 4 };

/** Why a file cannot be decrypted, as a person can act on it. */
export type DecryptProblem = 'not-encrypted' | 'unknown-format' | 'wrong-passphrase-or-damaged';

export class BackupDecryptError extends Error {
  constructor(
    readonly problem: DecryptProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BackupDecryptError';
  }
}

function deriveKey(passphrase: string, salt: Buffer, cost: { log2N: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 1024 * 1024 };
  return new Promise((done, fail) => scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? fail(error) : done(key))));
}

/** Whether a file starts as an encrypted backup does (whatever its name says). */
export async function isEncryptedBackup(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, MAGIC.length, 0);
    return bytesRead === MAGIC.length && start.equals(MAGIC);
  } finally {
    await handle.close();
  }
}

/** Writes `plain` encrypted to `encrypted`, a new file readable by its owner only, synced to disk. */
export async function encryptFile(plain: string, encrypted: string, passphrase: string): Promise<void> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION, COST.log2N, COST.r, COST.p]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, COST), iv);
  cipher.setAAD(header);
  await pipeline(
    createReadStream(plain),
    async function* (source: AsyncIterable<Buffer>) {
      yield header;
      for await (const chunk of source) yield cipher.update(chunk);
      yield cipher.final();
      yield cipher.getAuthTag();
    },
    createWriteStream(encrypted, { flags: 'wx', mode: 0o600 }),
  );
  await syncToDisk(encrypted);
}

async function syncToDisk(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the database in `encrypted` to `plain`, a new file readable by its owner only. Throws a
 * BackupDecryptError when the file is not one, has a format this release does not know, or does
 * not authenticate (a wrong passphrase, or a damaged or cut-off file); `plain` then holds
 * unauthenticated bytes, and the caller deletes it.
 */
export async function decryptFile(encrypted: string, plain: string, passphrase: string): Promise<void> {
  const { size } = await stat(encrypted);
  const input = await open(encrypted, 'r');
  const header = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    const { bytesRead } = await input.read(header, 0, HEADER_BYTES, 0);
    if (bytesRead < MAGIC.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new BackupDecryptError('not-encrypted', 'The file is not an encrypted backup.');
    }
    const [version, log2N, r, p] = header.subarray(MAGIC.length, MAGIC.length + 4);
    if (version !== FORMAT_VERSION || !log2N || !r || !p || log2N > MAX_COST.log2N || r > MAX_COST.r || p > MAX_COST.p) {
      throw new BackupDecryptError('unknown-format', `The file is encrypted in a format this release does not know (version ${version}).`);
    }
    if (size <= HEADER_BYTES + TAG_BYTES) throw new BackupDecryptError('wrong-passphrase-or-damaged', 'The encrypted file is cut off.');
    await input.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    const salt = header.subarray(12, 28);
    const iv = header.subarray(28, 40);
    const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt, { log2N, r, p }), iv);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    await pipeline(
      createReadStream(encrypted, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) yield decipher.update(chunk);
        let last: Buffer;
        try {
          last = decipher.final();
        } catch (error) {
          throw new BackupDecryptError('wrong-passphrase-or-damaged', 'The passphrase is wrong, or the file was changed or cut off after it was written.', { cause: error });
        }
        yield last;
      },
      createWriteStream(plain, { flags: 'wx', mode: 0o600 }),
    );
    await syncToDisk(plain);
  } finally {
    await input.close();
  }
}
