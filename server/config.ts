import { resolve } from 'node:path';
import * as z from 'zod/mini';
import '../src/domain/schema-messages';
import { DEFAULT_AUDIT_YEARS, DEFAULT_FREE_TEXT_MONTHS, type RetentionPeriods } from '../src/domain/retention';
import type { BackupSchedule } from './backup/backup-schedule';
import { DEFAULT_ROTATION } from './backup/backup-rotation';
import { DEFAULT_MIN_FREE_DISK_BYTES } from './routes/health';
import type { CertificateFiles } from './tls/certificate-files';
import { DEFAULT_KEEP_SENT_DAYS, MAX_KEEP_SENT_DAYS } from '../src/domain/sync-protocol';

/** Everything the server reads from its environment, validated once at start and passed down. */
const environment = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8080),
  HOST: z._default(z.string(), '127.0.0.1'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  // postgres://USER:PASSWORD@HOST:5432/DATABASE: the shared database of several instances; unset, SQLite in DATA_DIR.
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL'))),
  // Connections each instance keeps to PostgreSQL at most.
  DATABASE_POOL_SIZE: z._default(z.coerce.number().check(z.int(), z.gte(2), z.lte(100)), 10),
  STATIC_DIR: z._default(z.string().check(z.minLength(1)), './dist'),
  TRUST_PROXY: z._default(z.enum(['true', 'false']), 'false'),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  READY_MIN_FREE_MB: z._default(z.coerce.number().check(z.int(), z.gte(0)), DEFAULT_MIN_FREE_DISK_BYTES / 1024 / 1024),
  TLS_CERT_FILE: z.optional(z.string().check(z.minLength(1))),
  TLS_KEY_FILE: z.optional(z.string().check(z.minLength(1))),
  HTTP_REDIRECT_PORT: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535))),
  // Retention periods; 0 keeps the data for good.
  FREE_TEXT_MONTHS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(1200)), DEFAULT_FREE_TEXT_MONTHS),
  AUDIT_YEARS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(100)), DEFAULT_AUDIT_YEARS),
  // Long enough that it cannot be guessed.
  METRICS_TOKEN: z.optional(z.string().check(z.minLength(16))),
  /** The name of the unit a database from before units, or a new one, starts with. */
  UNIT_NAME: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  BACKUP_DIR: z._default(z.string().check(z.minLength(1)), './backups'),
  // Empty counts as unset: backups are then plain SQLite files.
  BACKUP_PASSPHRASE: z.optional(z.string()),
  BACKUP_KEEP_DAILY: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), DEFAULT_ROTATION.daily),
  BACKUP_KEEP_WEEKLY: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(1000)), DEFAULT_ROTATION.weekly),
  BACKUP_HOUR: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(23)), 3),
  // At most what the kiosk's privacy notice promises; 0: kiosks keep no copies.
  KEEP_SENT_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(MAX_KEEP_SENT_DAYS)), DEFAULT_KEEP_SENT_DAYS),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of the SQLite file in dataDir, with this many connections at most; null: SQLite. */
  database: { url: string; poolSize: number } | null;
  /** The built kiosk app (vite build), served by the same process. */
  staticDir: string | null;
  logLevel: string;
  /** A reverse proxy in front terminates HTTPS and says so in X-Forwarded-Proto. */
  trustProxy: boolean;
  /** Below this much free disk space beside the database, /api/ready answers 503. */
  minFreeDiskBytes: number;
  /** The server speaks HTTPS itself with these files, reloaded when they change; null: plain HTTP. */
  tls: CertificateFiles | null;
  /** With TLS: a plain-HTTP port that only redirects to HTTPS. */
  httpRedirectPort: number | null;
  /** How long free texts and audit entries are kept. */
  retention: RetentionPeriods;
  /** /metrics is served to the server machine itself, and to anyone who sends this bearer token. */
  metricsToken: string | null;
  /** Nightly backups: where, encrypted with what, how many kept, at which Helsinki hour. */
  backup: BackupSchedule;
  /** How many days kiosks keep a copy of what the server acknowledged, to send again after a restore. */
  keepSentDays: number;
  /** The name of the unit an upgraded or new database starts with (UNIT_NAME; else "Päiväkeskus"). */
  firstUnitName: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const result = environment.safeParse(env);
  if (!result.success) throw new Error(`Invalid configuration:\n${z.prettifyError(result.error)}`);
  const { PORT, HOST, DATA_DIR, STATIC_DIR, LOG_LEVEL, TRUST_PROXY, READY_MIN_FREE_MB, TLS_CERT_FILE, TLS_KEY_FILE, HTTP_REDIRECT_PORT } = result.data;
  if (Boolean(TLS_CERT_FILE) !== Boolean(TLS_KEY_FILE)) {
    throw new Error('Invalid configuration:\nTLS_CERT_FILE and TLS_KEY_FILE go together: set both for HTTPS, or neither.');
  }
  if (HTTP_REDIRECT_PORT !== undefined && !TLS_CERT_FILE) {
    throw new Error('Invalid configuration:\nHTTP_REDIRECT_PORT redirects to the server\'s own HTTPS: it needs TLS_CERT_FILE and TLS_KEY_FILE.');
  }
  if (HTTP_REDIRECT_PORT !== undefined && HTTP_REDIRECT_PORT === PORT) {
    throw new Error('Invalid configuration:\nHTTP_REDIRECT_PORT must differ from PORT.');
  }
  return {
    port: PORT,
    host: HOST,
    dataDir: resolve(DATA_DIR),
    database: result.data.DATABASE_URL ? { url: result.data.DATABASE_URL, poolSize: result.data.DATABASE_POOL_SIZE } : null,
    staticDir: resolve(STATIC_DIR),
    logLevel: LOG_LEVEL,
    trustProxy: TRUST_PROXY === 'true',
    minFreeDiskBytes: READY_MIN_FREE_MB * 1024 * 1024,
    tls: TLS_CERT_FILE && TLS_KEY_FILE ? { certFile: resolve(TLS_CERT_FILE), keyFile: resolve(TLS_KEY_FILE) } : null,
    httpRedirectPort: HTTP_REDIRECT_PORT ?? null,
    retention: { freeTextMonths: result.data.FREE_TEXT_MONTHS, auditYears: result.data.AUDIT_YEARS },
    metricsToken: result.data.METRICS_TOKEN ?? null,
    backup: {
      backupDir: resolve(result.data.BACKUP_DIR),
      passphrase: result.data.BACKUP_PASSPHRASE || null,
      rotation: { daily: result.data.BACKUP_KEEP_DAILY, weekly: result.data.BACKUP_KEEP_WEEKLY },
      hour: result.data.BACKUP_HOUR,
    },
    keepSentDays: result.data.KEEP_SENT_DAYS,
    firstUnitName: result.data.UNIT_NAME,
  };
}
