import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificateAuthority, type TestCertificateAuthority } from './test-certificate-authority';
import { freePort } from '../free-port';

const HOST_NAME = 'feedback.daycentre.test';
const COORDINATOR_PASSWORD = 'kahvia ja pullaa aamulla';


interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  serial: string | null;
}

/** An HTTPS request that trusts only the test's CA and checks the name, as a tablet would. */
function overHttps(port: number, ca: Buffer, path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpsRequest(
      { host: '127.0.0.1', servername: HOST_NAME, port, path, ca, agent: false, method: init.method ?? 'GET', headers: { host: HOST_NAME, 'content-type': 'application/json', ...init.headers } },
      (response) => {
        const serial = (response.socket as TLSSocket).getPeerCertificate().serialNumber ?? null;
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body, serial }));
      },
    );
    request.once('error', fail);
    request.end(init.body);
  });
}

function overHttp(port: number, path: string, host: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, agent: false, headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body, serial: null }));
    });
    request.once('error', fail);
    request.end();
  });
}

async function eventually<T>(probe: () => Promise<T>, until: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (until(last)) return last;
    } catch {
      // Not answering yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not happen; last: ${JSON.stringify(last)}`);
}

describe('the server speaking HTTPS itself', () => {
  let folder: string;
  let ca: TestCertificateAuthority;
  let caCert: Buffer;
  let certFolder: string;
  let serial: string;
  let server: ChildProcess;
  let output = '';
  let port: number;
  let redirectPort: number;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'feedback-tls-'));
    ca = makeTestCertificateAuthority(join(folder, 'ca'));
    caCert = readFileSync(ca.certFile);
    certFolder = join(folder, 'certificate');
    serial = ca.issue(HOST_NAME, certFolder).serial;
    const staticDir = join(folder, 'dist');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(staticDir, 'coordinator.html'), '<!doctype html><title>coordinator</title>');
    // The coordinator's account, made with the real command line before the server starts.
    execFileSync(process.execPath, ['--import', 'tsx', resolve('server/cli/coordinator.ts'), 'add', 'aino'], {
      env: { ...process.env, DATA_DIR: join(folder, 'data') },
      input: `${COORDINATOR_PASSWORD}\n`,
    });
    port = await freePort();
    redirectPort = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', resolve('server/main.ts')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        HTTP_REDIRECT_PORT: String(redirectPort),
        DATA_DIR: join(folder, 'data'),
        STATIC_DIR: staticDir,
        LOG_LEVEL: 'info',
        TLS_CERT_FILE: join(certFolder, 'server.pem'),
        TLS_KEY_FILE: join(certFolder, 'server.key'),
      },
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => overHttps(port, caCert, '/api/health'), (answer) => answer.status === 200, `The server answering over HTTPS (${output})`);
  });

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves the certificate it was given, with HSTS, and a Secure session cookie', async () => {
    const health = await overHttps(port, caCert, '/api/health');
    expect(health.serial).toBe(serial);
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const signIn = await overHttps(port, caCert, '/api/coordinator/session', {
      method: 'POST',
      body: JSON.stringify({ username: 'aino', password: COORDINATOR_PASSWORD }),
      headers: { origin: `https://${HOST_NAME}`, host: HOST_NAME },
    });
    expect(signIn.status).toBe(200);
    const cookies = [signIn.headers['set-cookie'] ?? []].flat();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/;\s*Secure/i);
  });

  it('redirects plain HTTP on the other port to HTTPS, and serves nothing there', async () => {
    const answer = await overHttp(redirectPort, '/coordinator?section=downloads', `${HOST_NAME}:${redirectPort}`);
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe(`https://${HOST_NAME}:${port}/coordinator?section=downloads`);
    expect(answer.body).not.toContain('<title>');
    expect((await overHttp(redirectPort, '/', 'evil.example/@x')).status).toBe(400);
  });

  it('picks up a renewed certificate without a restart, and keeps the old one while a renewal is half written', async () => {
    // Half written: a new certificate beside the old key. The one in use stays.
    const spare = ca.issue(HOST_NAME, join(folder, 'spare'));
    copyFileSync(spare.certFile, join(certFolder, 'server.pem'));
    await eventually(async () => output, (text) => text.includes('the one in use stays'), 'A warning about the half-written renewal');
    expect((await overHttps(port, caCert, '/api/health')).serial).toBe(serial);

    // The renewal completes: new key and certificate. The file watch picks it up.
    const renewed = ca.issue(HOST_NAME, certFolder).serial;
    expect(renewed).not.toBe(serial);
    await eventually(() => overHttps(port, caCert, '/api/health'), (answer) => answer.serial === renewed, 'The renewed certificate in use');

    // SIGHUP reloads too (what `systemctl reload` sends), and the server stays up.
    server.kill('SIGHUP');
    await eventually(async () => output, (text) => text.includes('SIGHUP: certificate reloaded'), 'A reload on SIGHUP');
    expect((await overHttps(port, caCert, '/api/health')).serial).toBe(renewed);
  });
});

describe('HTTPS settings', () => {
  function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', resolve('server/main.ts')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PORT: '0', DATA_DIR: join(tmpdir(), 'feedback-tls-never-made'), ...env },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => done({ code, output }));
    });
  }

  it('refuses to start with a certificate and no key, saying why', async () => {
    const { code, output } = await startWith({ TLS_CERT_FILE: 'server.pem' });
    expect(code).not.toBe(0);
    expect(output).toContain('TLS_CERT_FILE and TLS_KEY_FILE go together');
  });

  it('refuses a redirect port without HTTPS', async () => {
    const { code, output } = await startWith({ HTTP_REDIRECT_PORT: '8081' });
    expect(code).not.toBe(0);
    expect(output).toContain('HTTP_REDIRECT_PORT redirects to the server');
  });
});
