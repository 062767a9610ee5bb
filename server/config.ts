import { resolve } from 'node:path';
import * as z from 'zod/mini';
import '../src/domain/schema-messages';
import { DEFAULT_MIN_FREE_DISK_BYTES } from './routes/health';

/** Everything the server reads from its environment, validated once at start and passed down. */
const environment = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 8080),
  HOST: z._default(z.string(), '127.0.0.1'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  STATIC_DIR: z._default(z.string().check(z.minLength(1)), './dist'),
  TRUST_PROXY: z._default(z.enum(['true', 'false']), 'false'),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  READY_MIN_FREE_MB: z._default(z.coerce.number().check(z.int(), z.gte(0)), DEFAULT_MIN_FREE_DISK_BYTES / 1024 / 1024),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The built kiosk app (vite build), served by the same process. */
  staticDir: string | null;
  logLevel: string;
  /** A reverse proxy in front terminates HTTPS and says so in X-Forwarded-Proto. */
  trustProxy: boolean;
  /** Below this much free disk space beside the database, /api/ready answers 503. */
  minFreeDiskBytes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const result = environment.safeParse(env);
  if (!result.success) throw new Error(`Invalid configuration:\n${z.prettifyError(result.error)}`);
  const { PORT, HOST, DATA_DIR, STATIC_DIR, LOG_LEVEL, TRUST_PROXY, READY_MIN_FREE_MB } = result.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: resolve(DATA_DIR),
    staticDir: resolve(STATIC_DIR),
    logLevel: LOG_LEVEL,
    trustProxy: TRUST_PROXY === 'true',
    minFreeDiskBytes: READY_MIN_FREE_MB * 1024 * 1024,
  };
}
