import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { localDay } from '../../src/domain/local-day';
import type { FeedbackResponse } from '../../src/domain/response';
import {
  errorAnswer,
  responseChecker,
  syncAnswer,
  syncRejection,
  syncRequest,
  type RejectionKind,
  type SyncAnswer,
  type SyncRejection,
} from '../../src/domain/sync-protocol';
import { storageUnavailable, type Database } from '../db/database';
import { databaseId } from '../db/database-identity';
import type { FormCatalog } from '../db/forms';
import type { StoreOutcome } from '../db/responses';
import { createSyncBatchWriter } from '../db/sync-batches';
import { DEVICE_TOKEN } from './api-description';
import { requireKiosk } from './kiosk-auth';

// 500 responses with long free texts fit; anything larger is not a kiosk's batch.
const SYNC_BODY_LIMIT = 3 * 1024 * 1024;

/** What became of a batch, told once its answer is known (for the metrics). */
export type SyncReport =
  | { outcome: 'stored'; results: StoreOutcome[] }
  /** `notStored`: the valid responses of the batch, sent back with it to be sent again. */
  | { outcome: 'rejected'; rejected: RejectionKind[]; notStored: number }
  /** unavailable: the database cannot store anything now (503); failed: any other fault (500). */
  | { outcome: 'unavailable' | 'failed'; responses: number };

export interface SyncRouteOptions {
  clock: () => Date;
  /** Told to kiosks in every answer: how long they keep a copy of what was acknowledged. */
  keepSentDays: number;
  /** Told what became of each batch (the metrics). */
  report?: (batch: SyncReport) => void;
}

/**
 * POST /api/kiosk/sync: a kiosk's batch. All valid: stored in one transaction, 200 with a
 * result per response. Any that cannot be stored: 422 naming each with why and what kind of
 * fault it is (see REJECTION_KINDS), and nothing stored, so a batch is never half in.
 */
export function kioskSyncRoutes(app: FastifyInstance, db: Database, forms: FormCatalog, { clock, keepSentDays, report = () => {} }: SyncRouteOptions) {
  const storeSyncBatch = createSyncBatchWriter(db, forms.find);

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/kiosk/sync',
    {
      onRequest: requireKiosk(db),
      bodyLimit: SYNC_BODY_LIMIT,
      schema: {
        summary: 'Send a batch of responses',
        description:
          'Stores every response of the batch in one transaction, or none. Each id is stored at most once: ' +
          'a response the server already has is answered as a duplicate, so a batch may be resent safely. ' +
          'The kiosk also reports its waiting count, app version and running totals per date of abandoned forms and of responses made.',
        security: [{ [DEVICE_TOKEN]: [] }],
        body: syncRequest,
        response: { 200: syncAnswer, 400: errorAnswer, 401: errorAnswer, 413: errorAnswer, 422: syncRejection },
      },
    },
    async (request, reply) => {
      const valid: FeedbackResponse[] = [];
      const rejected: SyncRejection['rejected'] = [];
      const now = clock();
      const today = localDay(now).date;
      // A form version published a moment ago (on another instance, too) is looked up first.
      await forms.load(request.body.responses.flatMap((raw) => (typeof raw === 'object' && raw ? [raw as { formId: string; formVersion: number }] : [])));
      const check = responseChecker(forms.find, today);
      request.body.responses.forEach((raw, index) => {
        const checked = check(raw);
        if (checked.response) valid.push(checked.response);
        else {
          const id = typeof raw === 'object' && raw && 'id' in raw && typeof raw.id === 'string' ? raw.id.slice(0, 64) : null;
          rejected.push({ index, id, reason: checked.problem, kind: checked.kind });
        }
      });
      if (rejected.length > 0) {
        const answer: SyncRejection = {
          error: `${rejected.length} of ${request.body.responses.length} responses cannot be stored; nothing was stored. Send the rest again.`,
          rejected,
          databaseId: await databaseId(db),
        };
        report({ outcome: 'rejected', rejected: rejected.map((r) => r.kind), notStored: valid.length });
        return reply.code(422).send(answer);
      }
      const { appVersion, waiting, abandoned, made } = request.body;
      const outcomes = await storeSyncBatch({
        kioskId: request.kiosk!.id,
        // The unit comes from the kiosk's enrollment: the kiosk sends nothing of it.
        unitId: request.kiosk!.unitId,
        responses: valid,
        // The kiosk counts what waits with this batch still in it; once stored, the rest waits.
        state: { at: now, waiting: Math.max(0, waiting - valid.length), appVersion, abandoned, made },
      }).catch((error: unknown) => {
        report({ outcome: storageUnavailable(error) ? 'unavailable' : 'failed', responses: valid.length });
        throw error;
      });
      report({ outcome: 'stored', results: outcomes });
      const answer: SyncAnswer = { results: valid.map((r, i) => ({ id: r.id, status: outcomes[i]! })), databaseId: await databaseId(db), keepSentDays };
      return answer;
    },
  );
}
