import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { formCatalog } from './db/forms';
import { storageUnavailable, type Database } from './db/database';
import { DEFAULT_MIN_FREE_DISK_BYTES, healthRoutes } from './routes/health';
import { drainBeforeAnswering } from './request-drain';
import { compression } from './compression';
import { processPressureLimits, shedLoad, type PressureLimits } from './load-shedding';
import { createAppMetrics } from './metrics/app-metrics';
import { lastBackupOrNone } from './backup/backup-folder';
import { defaultForm } from '../src/domain/default-form';
import { DEFAULT_KEEP_SENT_DAYS } from '../src/domain/sync-protocol';
import { apiDescriptionRoutes } from './routes/api-description';
import { administrationRoutes } from './routes/administration';
import { auditLogRoutes } from './routes/audit-log';
import { enforceAccess } from './routes/coordinator-auth';
import { coordinatorSessionRoutes } from './routes/coordinator-session';
import { coordinatorWarningRoutes } from './routes/coordinator-warnings';
import { dashboardRoutes } from './routes/dashboard';
import { reportRoutes } from './routes/report';
import { dayLogRoutes } from './routes/day-log';
import { draftRoutes } from './routes/drafts';
import { previewLinkRoutes } from './routes/preview-links';
import { exportRoutes } from './routes/exports';
import { freeTextRoutes } from './routes/free-texts';
import { draftCommentRoutes } from './routes/draft-comments';
import { noticeRoutes } from './routes/notices';
import { openingHoursRoutes } from './routes/opening-hours';
import { kioskAdminRoutes } from './routes/kiosk-admin';
import { kioskEnrollRoutes } from './routes/kiosk-enroll';
import { kioskFormRoutes } from './routes/kiosk-form';
import { kioskSyncRoutes } from './routes/kiosk-sync';
import { METRICS_PATH, metricsRoutes } from './routes/metrics';
import { staticFileRoutes } from './routes/static-files';
import { inlineStyleSources } from './inline-styles';
import { databaseRateLimitStore } from './rate-limit-store';

/** How long a client is asked to wait when the database cannot store anything (Retry-After). */
const STORAGE_RETRY_AFTER_S = 60;

export interface AppOptions {
  /** The built kiosk app to serve, or null for an API-only app (route tests). */
  staticDir: string | null;
  logLevel?: string;
  /** Where log lines go; tests read them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
  /** Behind a reverse proxy that terminates TLS: believe its X-Forwarded-Proto (for Secure cookies). */
  trustProxy?: boolean;
  /**
   * The clock for the rules that depend on today's Helsinki date (free texts only from ended
   * weeks, age groups only from months ended long enough ago, no response dated more than a day
   * ahead); tests set it.
   */
  clock?: () => Date;
  /** Below this much free disk space beside the database, /api/ready answers 503. */
  minFreeDiskBytes?: number;
  /** Makes the listening server: main.ts gives an HTTPS server when the app speaks TLS itself. */
  serverFactory?: FastifyServerFactory;
  /** /metrics answers the server machine itself, and anyone who sends this bearer token. */
  metricsToken?: string | null;
  /**
   * When the last good backup was made, for the metrics and the coordinator's warnings; left
   * out, no backup age is reported and no backup warning given.
   */
  lastBackupAt?: () => Date | null;
  /** How many days kiosks keep a copy of what was acknowledged (told in every sync answer). */
  keepSentDays?: number;
  /** Past these the server sheds load with 503; by default from this process's memory limits (tests set tiny ones). */
  pressure?: PressureLimits;
}

/**
 * Builds the HTTP app from its parts and opens no port (main.ts listens; tests inject).
 * Logs carry method, route and status only: no IP address, no user agent, no body
 * (anonymity rule: the moment and source of a kiosk's request say nothing of anyone).
 */
export async function buildApp(db: Database, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        req: (request: { method: string; routeOptions?: { url?: string }; url: string }) => ({
          method: request.method,
          // A page request has no route pattern; a preview link's path holds its secret token.
          route: request.routeOptions?.url ?? request.url.split('?')[0]!.replace(/^\/preview\/[^/]+/, '/preview/:token'),
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    trustProxy: options.trustProxy ?? false,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
    bodyLimit: 64 * 1024,
    // Request ids would let log lines be joined up; the server has no need for that.
    genReqId: () => '-',
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...inlineStyleSources(options.staticDir)],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // The kiosk reads aloud but never records: no camera, microphone or location.
    permittedCrossDomainPolicies: false,
  });
  // When the server is asked to stop, the requests under way still get their answers, each
  // closing its connection: a connection kept open for the next request would hold the stop
  // until its keep-alive time ran out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (closing) reply.header('connection', 'close');
  });
  // A 401 or 413 must reach a client that is still uploading, not a reset.
  drainBeforeAnswering(app);

  // Routes declare zod schemas: the same ones the kiosk is built with validate requests, check
  // answers and make the API description.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => `${v.instancePath.slice(1).replace(/\//g, '.') || 'the body'}: ${v.message}`);
      return reply.code(400).send({ error: `The request is not valid: ${problems.join('; ')}` });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ error: error.message });
    // Text PostgreSQL cannot hold (a null character): the request's fault, and nothing was stored.
    const code = (error as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return reply.code(400).send({ error: 'The request holds a character that cannot be stored (a null character). Nothing was stored.' });
    request.log.error({ err: { name: error.name, message: error.message } }, 'request failed');
    // A database out of reach, a full disk or a read-only database: a kiosk keeps its responses and comes back later.
    if (storageUnavailable(error)) {
      return reply
        .code(503)
        .header('retry-after', String(STORAGE_RETRY_AFTER_S))
        .send({ error: 'The server cannot store anything just now (its database cannot be reached, its disk is full or its database is read-only). Nothing was stored; try again later.' });
    }
    return reply.code(500).send({ error: 'The server could not handle this request. Nothing was stored; try again later.' });
  });

  await compression(app);
  await app.register(cookie);
  // Only where a route asks for it (sign-in); kiosks and signed-in coordinators are not limited.
  // Counted in the database, so the limits hold across server instances.
  const rateLimits = databaseRateLimitStore(db);
  app.addHook('onClose', async () => rateLimits.stop());
  await app.register(rateLimit, { global: false, store: rateLimits.store });

  // Every coordinator route names the access it needs (server/access.ts); one that does not stops the start.
  enforceAccess(app, db);
  await apiDescriptionRoutes(app);
  // Before memory runs out: the liveness check and the metrics still answer.
  await shedLoad(app, options.pressure ?? processPressureLimits(), ['/api/health', METRICS_PATH]);
  const minFreeDiskBytes = options.minFreeDiskBytes ?? DEFAULT_MIN_FREE_DISK_BYTES;
  healthRoutes(app, db, minFreeDiskBytes);
  const clock = options.clock ?? (() => new Date());
  // One reader for the metrics and the warnings: a backup folder that cannot be read holds no
  // backup this server can count on, so it reads as none (and says why in the log), never a 500.
  const readBackup = options.lastBackupAt;
  const lastBackupAt = readBackup ? () => lastBackupOrNone(readBackup, app.log) : undefined;
  const metrics = createAppMetrics({ db, clock, ...(lastBackupAt ? { lastBackupAt } : {}) });
  metricsRoutes(app, metrics, options.metricsToken ?? null);
  kioskEnrollRoutes(app, db);
  kioskSyncRoutes(app, db, await formCatalog(db), { clock, keepSentDays: options.keepSentDays ?? DEFAULT_KEEP_SENT_DAYS, report: metrics.syncBatch });
  kioskFormRoutes(app, db, defaultForm.id, clock);
  coordinatorSessionRoutes(app, db);
  dayLogRoutes(app, db);
  dashboardRoutes(app, db, defaultForm.id);
  reportRoutes(app, db);
  exportRoutes(app, db, clock);
  freeTextRoutes(app, db, clock);
  kioskAdminRoutes(app, db, clock);
  coordinatorWarningRoutes(app, db, { clock, minFreeDiskBytes, ...(lastBackupAt ? { lastBackupAt } : {}) });
  draftRoutes(app, db, defaultForm.id);
  previewLinkRoutes(app, db, defaultForm.id);
  draftCommentRoutes(app, db, defaultForm.id);
  noticeRoutes(app, db, defaultForm.id, clock);
  openingHoursRoutes(app, db);
  auditLogRoutes(app, db);
  administrationRoutes(app, db);
  if (options.staticDir) await staticFileRoutes(app, options.staticDir);
  return app;
}
