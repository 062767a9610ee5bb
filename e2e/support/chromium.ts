import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Where no Playwright browser can be downloaded, use the system Chromium (CHROME_PATH, else
 * /usr/bin/chromium). Elsewhere Playwright's own browser is used.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidate = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) return {};
  return {
    executablePath: candidate,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
