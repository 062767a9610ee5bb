import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { feedbackResponse } from '../../src/domain/response';
import { responseToCheck } from '../../src/domain/sync-protocol';

export const DEVICE_TOKEN = 'deviceToken';

/**
 * GET /api/openapi.json: the kiosk API described for a welfare area's other systems or another
 * kiosk client. It is made from the same zod schemas the routes validate with, so it cannot
 * drift from what the server accepts. Must be registered before the routes it describes.
 */
export async function apiDescriptionRoutes(app: FastifyInstance) {
  const { $schema: _dialect, ...feedbackResponseJson } = z.toJSONSchema(feedbackResponse, { io: 'input', unrepresentable: 'any' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Day-centre feedback: kiosk API',
        // The version of this API, changed only when a kiosk client would have to change.
        version: '1.0.0',
        description:
          'Enroll a kiosk with a one-time pairing code, fetch the published form and send anonymous responses. ' +
          'Each response id is stored at most once, so a batch may be sent again safely.',
      },
      components: {
        securitySchemes: {
          [DEVICE_TOKEN]: { type: 'http', scheme: 'bearer', description: 'The device token the kiosk got at enrollment.' },
        },
      },
    },
    transform: createJsonSchemaTransform({
      zodToJsonConfig: {
        unrepresentable: 'any',
        // A response in a batch is validated on its own (so one bad response is named), but
        // what a client must send is a FeedbackResponse.
        override: (context) => {
          if (context.zodSchema === responseToCheck) Object.assign(context.jsonSchema, feedbackResponseJson);
        },
      },
    }),
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
