import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Database } from './db/database';
import { countAttempt, removeEndedAttempts } from './db/rate-limits';

// Ended windows are deleted this often, so no count outlives its window by more than this.
const SWEEP_EVERY_MS = 60_000;

/**
 * A store for @fastify/rate-limit that keeps its counts in the database (rate-limits.ts) rather
 * than in this process's memory: the sign-in limits hold however many server instances share
 * the database, and however the load balancer spreads the attempts. Each instance deletes the
 * ended windows every minute until `stop`.
 */
export function databaseRateLimitStore(db: Database, clock: () => Date = () => new Date()): { store: new () => FastifyRateLimitStore; stop: () => void } {
  // A sweep that fails (the database out of reach) is tried again at the next.
  const sweep = setInterval(() => void removeEndedAttempts(db, clock()).catch(() => {}), SWEEP_EVERY_MS);
  sweep.unref();
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countAttempt(db, key, timeWindow, clock()).then(
        ({ count, msLeft }) => callback(null, { current: count, ttl: msLeft }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): FastifyRateLimitStore {
      return new DatabaseRateLimitStore();
    }
  }
  return { store: DatabaseRateLimitStore, stop: () => clearInterval(sweep) };
}
