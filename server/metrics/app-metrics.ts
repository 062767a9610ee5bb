import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { REJECTION_KINDS } from '../../src/domain/sync-protocol';
import type { Database } from '../db/database';
import { databaseSizeBytes } from '../db/database-size';
import { lastSyncTimes } from '../db/kiosks';
import type { SyncReport } from '../routes/kiosk-sync';
import { CONTACT_AGES, kiosksByContactAge } from './kiosk-contact';

/** What happened to a batch as a whole. */
const BATCH_OUTCOMES = ['stored', 'rejected', 'unavailable', 'failed'] as const;
/** What happened to each response in a batch; a rejected one by the kind of fault. */
const RESPONSE_OUTCOMES = ['accepted', 'duplicate', ...REJECTION_KINDS.map((kind) => `rejected_${kind.replace(/-/g, '_')}`), 'not_stored', 'unavailable', 'failed'];

export interface MetricsSources {
  db: Database;
  /** The app's clock: kiosks' last syncs are recorded by it. */
  clock: () => Date;
  /** When the last backup was made (null: never); left out, no backup age is reported. */
  lastBackupAt?: () => Date | null;
}

export interface AppMetrics {
  registry: Registry;
  /** A request answered, by its route pattern (never its path: a preview link's path holds its token). */
  requestDone(method: string, route: string, statusCode: number, seconds: number): void;
  syncBatch(report: SyncReport): void;
}

/**
 * The server's Prometheus metrics, in a registry of their own (so two apps in one test process
 * keep theirs apart). No label holds a kiosk, an address, a token or anything of a visitor, and
 * nothing is timed from a response: a figure moves when a batch arrives, which the kiosk does on
 * its schedule, never when someone answers. The rest is read from the database when scraped.
 */
export function createAppMetrics({ db, clock, lastBackupAt }: MetricsSources): AppMetrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_seconds, heap and resident memory, open file descriptors.
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'feedback_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'feedback_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const batches = new Counter({
    name: 'feedback_sync_batches_total',
    help: 'Kiosk sync batches by outcome: stored, rejected (422, nothing stored), unavailable (503, the database cannot store now) or failed (500).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const responses = new Counter({
    name: 'feedback_sync_responses_total',
    help: 'Responses in kiosk sync batches by outcome: accepted, duplicate (already stored), rejected_<kind>, not_stored (valid, in a rejected batch, to be sent again), unavailable or failed.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  // Every outcome from the start, so a rate over it is defined before the first of its kind.
  BATCH_OUTCOMES.forEach((outcome) => batches.inc({ outcome }, 0));
  RESPONSE_OUTCOMES.forEach((outcome) => responses.inc({ outcome }, 0));

  new Gauge({
    name: 'feedback_kiosks',
    help: 'Kiosks in use (not revoked) by time since their last sync: under_1h, under_1d, under_7d, older, never.',
    labelNames: ['last_contact'],
    registers: [registry],
    async collect() {
      const counts = kiosksByContactAge(await lastSyncTimes(db), clock());
      for (const age of CONTACT_AGES) this.set({ last_contact: age }, counts[age]);
    },
  });
  new Gauge({
    name: 'feedback_database_size_bytes',
    help: 'Size of the SQLite database on disk: its file and its write-ahead log.',
    registers: [registry],
    collect() {
      const bytes = databaseSizeBytes(db);
      // No sample on PostgreSQL rather than a 0: its files are the database server's to measure.
      if (bytes === null) this.remove();
      else this.set(bytes);
    },
  });
  if (lastBackupAt) {
    new Gauge({
      name: 'feedback_last_backup_age_seconds',
      help: 'Seconds since the last good backup was made; +Inf when there is none.',
      registers: [registry],
      collect() {
        const at = lastBackupAt();
        this.set(at ? Math.max(0, (clock().getTime() - at.getTime()) / 1000) : Infinity);
      },
    });
  }

  return {
    registry,
    requestDone(method, route, statusCode, seconds) {
      requests.inc({ method, route, status_code: String(statusCode) });
      durations.observe({ method, route }, seconds);
    },
    syncBatch(report) {
      batches.inc({ outcome: report.outcome });
      if (report.outcome === 'stored') {
        for (const outcome of report.results) responses.inc({ outcome });
      } else if (report.outcome === 'rejected') {
        for (const kind of report.rejected) responses.inc({ outcome: `rejected_${kind.replace(/-/g, '_')}` });
        responses.inc({ outcome: 'not_stored' }, report.notStored);
      } else {
        responses.inc({ outcome: report.outcome }, report.responses);
      }
    },
  };
}
