import type { Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { FastifyBaseLogger, FastifyServerFactory } from 'fastify';
import { readCertificate, reloadCertificate, watchCertificate, type CertificateFiles } from './certificate-files';
import { createHttpsRedirectServer } from './https-redirect';

export interface HttpsServing {
  /** For buildApp: makes the HTTPS server the app listens on. */
  serverFactory: FastifyServerFactory;
  /** Loads the files again now (SIGHUP). */
  reload(log: FastifyBaseLogger, why: string): void;
  /** Reloads by itself whenever the files change (a renewal by certbot or the welfare area's IT). */
  watch(log: FastifyBaseLogger): void;
  /** A plain-HTTP port that only redirects to this server's HTTPS port. */
  listenForRedirects(port: number, host: string, httpsPort: number): Promise<void>;
  close(): void;
}

/**
 * The app speaking HTTPS itself, with no proxy in front. The certificate is read at start (a
 * missing or broken one stops the start with the reason) and read again, without a restart, when
 * its files change or on SIGHUP.
 */
export function serveOverHttps(files: CertificateFiles): HttpsServing {
  const certificate = readCertificate(files);
  let server: Server | undefined;
  let watcher: { close(): void } | undefined;
  let redirects: HttpServer | undefined;
  const reload = (log: FastifyBaseLogger, why: string) => {
    if (!server) return;
    const outcome = reloadCertificate(server, files);
    if (outcome.reloaded) log.info(`${why}: certificate reloaded`);
    else log.warn(`${why}: the certificate files did not load, so the one in use stays (${outcome.reason})`);
  };
  return {
    serverFactory: (handler) => {
      server = createServer({ ...certificate, minVersion: 'TLSv1.2' }, handler);
      return server;
    },
    reload,
    watch(log) {
      watcher = watchCertificate(files, () => reload(log, 'certificate files changed'));
    },
    async listenForRedirects(port, host, httpsPort) {
      redirects = createHttpsRedirectServer(httpsPort);
      await new Promise<void>((resolve, reject) => {
        redirects!.once('error', reject);
        redirects!.listen(port, host, () => resolve());
      });
    },
    close() {
      watcher?.close();
      redirects?.close();
    },
  };
}
