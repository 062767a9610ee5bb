import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { FeedbackResponse } from '../../src/domain/response';
import { responseProblem, syncRequest, type SyncAnswer, type SyncRejection } from '../../src/domain/sync-protocol';
import type { Database } from '../db/database';
import type { FormCatalog } from '../db/forms';
import { createSyncBatchWriter } from '../db/sync-batches';
import { requireKiosk } from './kiosk-auth';

// 500 responses with long free texts fit; anything larger is not a kiosk's batch.
const SYNC_BODY_LIMIT = 3 * 1024 * 1024;

/**
 * POST /api/kiosk/sync: a kiosk's batch. All valid: stored in one transaction, 200 with a
 * result per response. Any invalid: 422 naming each invalid response and why, and nothing
 * stored, so a batch is never half in.
 */
export function kioskSyncRoutes(app: FastifyInstance, db: Database, forms: FormCatalog) {
  const storeSyncBatch = createSyncBatchWriter(db);

  app.post('/api/kiosk/sync', { preHandler: requireKiosk(db), bodyLimit: SYNC_BODY_LIMIT }, async (request, reply) => {
    const parsed = syncRequest.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: `The sync request is not valid: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}` });
    }
    const valid: FeedbackResponse[] = [];
    const rejected: SyncRejection['rejected'] = [];
    parsed.data.responses.forEach((raw, index) => {
      const checked = responseProblem(raw, forms.find);
      if (checked.response) valid.push(checked.response);
      else {
        const id = typeof raw === 'object' && raw && 'id' in raw && typeof raw.id === 'string' ? raw.id.slice(0, 64) : null;
        rejected.push({ index, id, reason: checked.problem });
      }
    });
    if (rejected.length > 0) {
      const answer: SyncRejection = {
        error: `${rejected.length} of ${parsed.data.responses.length} responses are not valid; nothing was stored. Set them aside and send the rest again.`,
        rejected,
      };
      return reply.code(422).send(answer);
    }
    const { appVersion, waiting, abandoned } = parsed.data;
    const outcomes = await storeSyncBatch({
      kioskId: request.kiosk!.id,
      responses: valid,
      state: { at: new Date(), waiting, appVersion, abandoned },
    });
    const answer: SyncAnswer = { results: valid.map((r, i) => ({ id: r.id, status: outcomes[i]! })) };
    return answer;
  });
}
