import { defaultForm } from '../src/domain/default-form';
import { buildApp } from './app';
import { lastBackupAt } from './backup/backup-folder';
import { scheduleBackups } from './backup/backup-schedule';
import { readConfig } from './config';
import { openConfiguredDatabase } from './db/database';
import { ensureFormVersion } from './db/forms';
import { scheduleRetention } from './retention';
import { serveOverHttps } from './tls/https-server';

const config = readConfig();
const db = await openConfiguredDatabase(config.dataDir, config.database, { firstUnitName: config.firstUnitName });
// With a certificate the server speaks HTTPS itself; a renewed one is picked up without a restart.
const https = config.tls ? serveOverHttps(config.tls) : null;
// The bundled form is always known, so responses made with it before any sync are accepted.
await ensureFormVersion(db, defaultForm, true);
const app = await buildApp(db, {
  staticDir: config.staticDir,
  logLevel: config.logLevel,
  trustProxy: config.trustProxy,
  minFreeDiskBytes: config.minFreeDiskBytes,
  metricsToken: config.metricsToken,
  keepSentDays: config.keepSentDays,
  lastBackupAt: () => lastBackupAt(config.backup.backupDir),
  ...(https ? { serverFactory: https.serverFactory } : {}),
});
// Old free texts and audit entries go now and then daily.
scheduleRetention(db, config.retention, app.log);
// A checked (and, with BACKUP_PASSPHRASE, encrypted) backup to BACKUP_DIR every night.
const stopBackups = scheduleBackups(db, config.backup, app.log);

const close = async (signal: string) => {
  app.log.info(`${signal}: closing`);
  https?.close();
  await app.close();
  await stopBackups();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));
// `systemctl reload` sends SIGHUP: it reloads the certificate, and never stops the server.
process.on('SIGHUP', () => (https ? https.reload(app.log, 'SIGHUP') : app.log.info('SIGHUP: nothing to reload')));

await app.listen({ port: config.port, host: config.host });
if (https) {
  https.watch(app.log);
  if (config.httpRedirectPort !== null) await https.listenForRedirects(config.httpRedirectPort, config.host, config.port);
}
