import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

/**
 * A Chromium profile that trusts one test-made CA and nothing more than a fresh browser does:
 * Chromium on Linux reads extra trust anchors from the NSS database in $HOME/.pki/nssdb, so the
 * browser gets a home of its own. No certificate errors are ignored.
 */
export function trustingHome(folder: string, caFile: string): string {
  const nssdb = join(folder, '.pki', 'nssdb');
  mkdirSync(nssdb, { recursive: true });
  try {
    execFileSync('certutil', ['-d', `sql:${nssdb}`, '-N', '--empty-password'], { stdio: 'pipe' });
    execFileSync('certutil', ['-d', `sql:${nssdb}`, '-A', '-t', 'C,,', '-n', 'day-centre-feedback-test-ca', '-i', caFile], { stdio: 'pipe' });
  } catch (error) {
    throw new Error("Could not make the browser's trust store (apt-get install -y libnss3-tools; .ci/run does this)", { cause: error });
  }
  return folder;
}

/**
 * Launches Chromium on `profile` with that home, and with `hostName` resolving to loopback: the
 * page is on a real name, not on localhost (which a browser treats as secure even over HTTP).
 */
export function launchTrusting(profile: string, home: string, hostName: string): Promise<BrowserContext> {
  const options = chromiumLaunchOptions();
  return chromium.launchPersistentContext(profile, {
    ...options,
    args: [...(options.args ?? []), `--host-resolver-rules=MAP ${hostName} 127.0.0.1`],
    env: { ...process.env, HOME: home },
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
}
