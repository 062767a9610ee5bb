import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTestCertificateAuthority } from '../server/tls/test-certificate-authority';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { freePort } from '../server/free-port';
import { startAppServer } from './support/app-server';
import { readOutbox } from './support/kiosk-storage';
import { startNginx } from './support/nginx';
import { COORDINATOR, addCoordinator } from './support/server-data';
import { waitForServiceWorkerControl } from './support/service-worker';
import { launchTrusting, trustingHome } from './support/trusting-browser';

/** A name, not an address: Chromium treats localhost and 127.0.0.1 as secure even over HTTP. */
const HOST_NAME = 'feedback.daycentre.test';

interface Deployment {
  /** Where the tablets go: https://name:port. */
  origin: string;
  /** The same name over plain HTTP, which only redirects. */
  plainHttp: string;
  /** The protocol the page is served over (h2 behind nginx). */
  protocol: string;
  /** The one Strict-Transport-Security header the page carries. */
  hsts: RegExp;
  dataDir: string;
  /** Stops every process: nothing on the network answers any more. */
  stop(): Promise<void>;
}

/**
 * What a day centre's tablet and coordinator go through on a real deployment: plain HTTP takes
 * them to HTTPS, the kiosk installs its service worker (a secure context, trusted without any
 * certificate error being ignored), the coordinator's session cookie is Secure, and once every
 * server process is gone a cold start of the browser still gives the kiosk.
 */
async function tabletJourney(deployment: Deployment, ca: { certFile: string }, folder: string) {
  const home = trustingHome(join(folder, 'home'), ca.certFile);
  const profile = join(folder, 'profile');
  addCoordinator(deployment.dataDir, COORDINATOR.username, COORDINATOR.password);

  let context = await launchTrusting(profile, home, HOST_NAME);
  let page = context.pages()[0] ?? (await context.newPage());
  const response = await page.goto(deployment.plainHttp);
  expect(page.url()).toBe(`${deployment.origin}/`);
  const hsts = ((await response?.headersArray()) ?? []).filter((header) => header.name.toLowerCase() === 'strict-transport-security');
  expect(hsts.map((header) => header.value)).toEqual([expect.stringMatching(deployment.hsts)]);
  expect(await page.evaluate(() => [window.isSecureContext, (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol])).toEqual([
    true,
    deployment.protocol,
  ]);
  await waitForServiceWorkerControl(page);

  const coordinator = new CoordinatorPage(page);
  await coordinator.open(deployment.origin);
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await expect(coordinator.signedInAs(COORDINATOR.username)).toBeVisible();
  const session = (await context.cookies(deployment.origin)).find((cookie) => cookie.name === 'coordinator_session');
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  await context.close();

  await deployment.stop();
  await expect(fetch(`http://127.0.0.1:${new URL(deployment.origin).port}/`)).rejects.toThrow();

  // Cold start: a new browser process on the same profile, the server gone.
  context = await launchTrusting(profile, home, HOST_NAME);
  try {
    page = context.pages()[0] ?? (await context.newPage());
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open(deployment.origin);
    await kiosk.giveOnlyAFace('Ihan ok');
    expect((await readOutbox(page)).map((response) => response.answers.day)).toEqual(['3']);
  } finally {
    await context.close();
  }
}

test.describe('HTTPS for the tablets', () => {
  let folder: string;
  test.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'feedback-https-'));
  });
  test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('behind nginx with the shipped configuration: HTTP/2, one HSTS header, Secure cookie, offline cold start', async () => {
    const ca = makeTestCertificateAuthority(join(folder, 'ca'));
    const certificate = ca.issue(HOST_NAME, join(folder, 'certificate'));
    // The app as the systemd unit runs it: on loopback, believing the proxy's headers.
    const app = await startAppServer('dist', { env: { TRUST_PROXY: 'true' } });
    const httpsPort = await freePort();
    const httpPort = await freePort();
    const nginx = await startNginx({
      serverName: HOST_NAME,
      httpsPort,
      httpPort,
      upstreamPort: Number(new URL(app.url).port),
      certFile: certificate.certFile,
      keyFile: certificate.keyFile,
    });
    try {
      await tabletJourney(
        {
          origin: `https://${HOST_NAME}:${httpsPort}`,
          plainHttp: `http://${HOST_NAME}:${httpPort}/`,
          protocol: 'h2',
          hsts: /^max-age=63072000$/,
          dataDir: app.dataDir,
          stop: async () => {
            await nginx.stop();
            await app.stop();
          },
        },
        ca,
        folder,
      );
    } finally {
      await nginx.stop();
      await app.stop();
    }
  });

  test('the server speaking HTTPS itself: plain HTTP only redirects, Secure cookie, offline cold start', async () => {
    const ca = makeTestCertificateAuthority(join(folder, 'ca'));
    const certificate = ca.issue(HOST_NAME, join(folder, 'certificate'));
    const httpPort = await freePort();
    const app = await startAppServer('dist', {
      env: { TLS_CERT_FILE: certificate.certFile, TLS_KEY_FILE: certificate.keyFile, HTTP_REDIRECT_PORT: String(httpPort) },
      https: { hostName: HOST_NAME, caFile: ca.certFile },
    });
    try {
      await tabletJourney(
        {
          origin: app.url,
          plainHttp: `http://${HOST_NAME}:${httpPort}/`,
          protocol: 'http/1.1',
          hsts: /^max-age=\d+; includeSubDomains$/,
          dataDir: app.dataDir,
          stop: () => app.stop(),
        },
        ca,
        folder,
      );
    } finally {
      await app.stop();
    }
  });
});
