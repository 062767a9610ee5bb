import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // Two cores: two workers keep the machine busy without starving the browser.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Ceilings for waiting on conditions, not delays: a busy machine (CI beside other jobs) renders
  // and answers slower, and a test that waits for what a person would see still passes.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  // A throwaway PostgreSQL cluster for the `postgres` project.
  globalSetup: './e2e/support/global-setup.ts',
  projects: [
    { name: 'sqlite' },
    // The sync journeys again, with the servers on PostgreSQL (e2e/support/database.ts).
    { name: 'postgres', testMatch: /sync(-faults)?\.spec\.ts$/ },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    trace: 'retain-on-failure',
    actionTimeout: 20_000,
  },
  // The real, built server on a fresh SQLite file, serving the production build (npm run build first).
  webServer: {
    command: 'node --enable-source-maps dist-server/main.mjs',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: 'test-results/e2e-data',
      BACKUP_DIR: 'test-results/e2e-backups',
      STATIC_DIR: 'dist',
      LOG_LEVEL: 'warn',
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
  },
});
