import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { errorAnswer } from '../../src/domain/sync-protocol';
import type { AppMetrics } from '../metrics/app-metrics';
import { mayReadMetrics } from '../metrics/metrics-access';

export const METRICS_PATH = '/metrics';

/** The route label of a request: its API route pattern; the built app's files and pages, and unknown paths, each as one. */
export function routeLabel(routeUrl: string | undefined): string {
  if (routeUrl === undefined) return 'other';
  return routeUrl.startsWith('/api/') ? routeUrl : 'static';
}

/**
 * GET /metrics for Prometheus, to this machine or with METRICS_TOKEN (see mayReadMetrics), and
 * the count of every other answered request. A route that writes no log line (a reviewer's
 * comment, sent the moment it is written) is not counted either: a scrape every few seconds
 * would date it as closely as the log line would have.
 */
export function metricsRoutes(app: FastifyInstance, metrics: AppMetrics, token: string | null) {
  app.addHook('onResponse', async (request, reply) => {
    const { url, logLevel } = request.routeOptions;
    if (url === METRICS_PATH || logLevel === 'silent') return;
    metrics.requestDone(request.method, routeLabel(url), reply.statusCode, reply.elapsedTime / 1000);
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    METRICS_PATH,
    {
      // Scraped every few seconds: a log line only when something is wrong.
      logLevel: 'warn',
      schema: {
        summary: 'Prometheus metrics',
        description:
          'Requests by route and status, sync batches and responses by outcome, kiosks by time since their last sync, ' +
          'database size, age of the last backup and event-loop lag, in the Prometheus text format. ' +
          'Served only to the server machine itself (not through a proxy), or with `Authorization: Bearer` and the METRICS_TOKEN.',
        response: { 200: { description: 'The metrics', content: { 'text/plain': { schema: z.string() } } }, 403: errorAnswer },
      },
    },
    async (request, reply) => {
      if (!mayReadMetrics({ remoteAddress: request.socket.remoteAddress, headers: request.headers }, token)) {
        return reply.code(403).send({ error: 'Metrics are served only to the server machine itself, or with the metrics token (METRICS_TOKEN).' });
      }
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
}
