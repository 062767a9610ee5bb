import { defaultForm } from '../src/domain/default-form';
import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/database';
import { ensureFormVersion } from './db/forms';

const config = readConfig();
const db = openDatabase(config.dataDir);
// The bundled form is always known, so responses made with it before any sync are accepted.
ensureFormVersion(db, defaultForm, true);
const app = await buildApp(db, {
  staticDir: config.staticDir,
  logLevel: config.logLevel,
  trustProxy: config.trustProxy,
  minFreeDiskBytes: config.minFreeDiskBytes,
});

const close = async (signal: string) => {
  app.log.info(`${signal}: closing`);
  await app.close();
  db.close();
  process.exit(0);
};
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
