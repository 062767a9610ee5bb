import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Database } from './db/database';
import { countAttempt, removeEndedAttempts } from './db/rate-limits';

// Ended windows are swept at most this often, by the instance that counts an attempt then.
const SWEEP_EVERY_MS = 60_000;

/**
 * A store for @fastify/rate-limit that keeps its counts in the database (rate-limits.ts) rather
 * than in this process's memory: the sign-in limits hold however many server instances share
 * the database, and however the load balancer spreads the attempts.
 */
export function databaseRateLimitStore(db: Database, clock: () => Date = () => new Date()) {
  let lastSweep = 0;
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = clock();
      const sweep = now.getTime() - lastSweep >= SWEEP_EVERY_MS ? ((lastSweep = now.getTime()), removeEndedAttempts(db, now)) : Promise.resolve();
      sweep
        .then(() => countAttempt(db, key, timeWindow, now))
        .then(
          ({ count, msLeft }) => callback(null, { current: count, ttl: msLeft }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    child(): FastifyRateLimitStore {
      return new DatabaseRateLimitStore();
    }
  };
}
