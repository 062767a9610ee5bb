import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { coordinatorWarning, coordinatorWarnings } from '../../src/domain/coordinator-warnings';
import { localDay } from '../../src/domain/local-day';
import { errorAnswer } from '../../src/domain/sync-protocol';
import type { Database } from '../db/database';
import { freeDiskBytes } from '../db/database-size';
import { kioskSummaries } from './kiosk-admin';

export interface WarningSources {
  clock: () => Date;
  /** When the last backup was made (null: none); left out, the server makes none to look at. */
  lastBackupAt?: () => Date | null;
  /** The free space /api/ready needs: the disk is nearly full below twice this. */
  minFreeDiskBytes: number;
}

/**
 * GET /api/coordinator/warnings: what a coordinator should pass on to IT or the day centre's
 * staff now (an old backup, a nearly full disk, a quiet kiosk, responses missing), worked out
 * afresh on each request.
 */
export function coordinatorWarningRoutes(app: FastifyInstance, db: Database, { clock, lastBackupAt, minFreeDiskBytes }: WarningSources) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/coordinator/warnings',
    {
      config: { access: 'kiosks' },
      schema: { hide: true, response: { 200: z.strictObject({ warnings: z.array(coordinatorWarning) }), 401: errorAnswer, 403: errorAnswer } },
    },
    async (request) => {
      const now = clock();
      const free = await freeDiskBytes(db);
      const backup = lastBackupAt ? { lastBackupAt: lastBackupAt() } : {};
      const warnings = coordinatorWarnings({
        now,
        today: localDay(now).date,
        ...backup,
        ...(free !== null ? { disk: { freeBytes: free, minFreeBytes: minFreeDiskBytes } } : {}),
        kiosks: await kioskSummaries(db, request.access!.units, now),
      });
      return { warnings };
    },
  );
}
