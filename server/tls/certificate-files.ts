import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Server as TlsServer } from 'node:tls';

export interface CertificateFiles {
  certFile: string;
  keyFile: string;
}

export interface Certificate {
  cert: Buffer;
  key: Buffer;
}

export function readCertificate({ certFile, keyFile }: CertificateFiles): Certificate {
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

/** What a reload did, for the log: a half-written pair of files keeps the certificate in use. */
export type ReloadOutcome = { reloaded: true } | { reloaded: false; reason: string };

/**
 * Gives the running server the certificate now in the files, for new connections; open ones keep
 * theirs. A pair that does not load (a renewal half written: the new certificate beside the old
 * key) leaves the one in use as it was.
 */
export function reloadCertificate(server: TlsServer, files: CertificateFiles): ReloadOutcome {
  try {
    server.setSecureContext(readCertificate(files));
    return { reloaded: true };
  } catch (error) {
    return { reloaded: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** How long the files must be still before a reload: a renewal writes several files. */
const SETTLE_MS = 500;

/**
 * Calls `onChange` once the certificate or key file has changed and been still for a moment.
 * Watches the folders, not the files: certbot and most tools replace a file (or the symlink to
 * it) rather than write into it, and a watch on the old file would see nothing more.
 */
export function watchCertificate(files: CertificateFiles, onChange: () => void): { close(): void } {
  const names = new Set([basename(files.certFile), basename(files.keyFile)]);
  let timer: NodeJS.Timeout | undefined;
  const changed = (name: string | null) => {
    // Some platforms give no name; a reload of an unchanged pair does no harm.
    if (name !== null && !names.has(name)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [...new Set([dirname(files.certFile), dirname(files.keyFile)])].map((folder) =>
    watch(folder, { persistent: false }, (_event, name) => changed(name === null ? null : String(name))),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
