import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/free-port';

const UNIT_FILE = resolve('deploy/day-centre-feedback.service');

/** The unit's [Service] settings: each key with every value it was given, in order. */
function serviceSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    if (section !== 'Service') continue;
    const at = line.indexOf('=');
    const key = line.slice(0, at);
    settings.set(key, [...(settings.get(key) ?? []), line.slice(at + 1)]);
  }
  return settings;
}

const unit = readFileSync(UNIT_FILE, 'utf8');
const service = serviceSettings(unit);
const one = (key: string) => {
  const values = service.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0]!;
};
const environment = Object.fromEntries((service.get('Environment') ?? []).map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string]));

describe('the shipped systemd unit', () => {
  it('runs as a user of its own, writing only to the data and backup folders, restarting on failure', () => {
    expect(one('User')).toBe('day-centre-feedback');
    expect(one('Group')).toBe('day-centre-feedback');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ProtectHome')).toBe('true');
    expect(one('NoNewPrivileges')).toBe('true');
    expect(one('Restart')).toBe('on-failure');
    expect(one('UMask')).toBe('0077');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('ReadWritePaths').split(/\s+/).sort()).toEqual([environment.BACKUP_DIR, environment.DATA_DIR].sort());
    expect(`/var/lib/${one('StateDirectory')}`).toBe(environment.DATA_DIR);
    // Behind nginx: loopback only, believing the proxy's X-Forwarded-Proto for Secure cookies.
    expect(environment).toMatchObject({ HOST: '127.0.0.1', TRUST_PROXY: 'true' });
  });

  it('passes systemd-analyze verify with nothing to say', () => {
    const analyze = spawnSync('systemd-analyze', ['--version']);
    if (analyze.error) throw new Error('systemd-analyze is missing: apt-get install -y systemd (.ci/run does this)');
    // Checked where its node may live elsewhere (a developer's machine): only that path differs.
    const folder = mkdtempSync(join(tmpdir(), 'feedback-unit-'));
    try {
      const copy = join(folder, 'day-centre-feedback.service');
      writeFileSync(copy, existsSync('/usr/bin/node') ? unit : unit.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
      const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('started as the unit starts it', () => {
    let folder: string;
    let child: ReturnType<typeof spawn>;
    let output = '';
    let port: number;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'feedback-unit-run-'));
      port = await freePort();
      // The unit's own settings, with its folders moved under a temp folder and a free port.
      const moved = (path: string) => join(folder, path);
      const env: Record<string, string> = { ...environment, PORT: String(port), STATIC_DIR: moved('dist'), DATA_DIR: moved('data'), BACKUP_DIR: moved('backups') };
      for (const dir of ['dist', 'data', 'backups']) mkdirSync(moved(dir));
      writeFileSync(join(moved('dist'), 'index.html'), '<!doctype html><title>kiosk</title>');
      writeFileSync(join(moved('dist'), 'coordinator.html'), '<!doctype html><title>coordinator</title>');
      // ExecStart's flags with the source in place of the build (unit tests run before the build).
      const [, ...flags] = one('ExecStart').split(/\s+/);
      expect(flags.pop()).toBe('dist-server/main.mjs');
      child = spawn(process.execPath, [...flags, '--import', 'tsx', resolve('server/main.ts')], {
        env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 25_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`It exited: ${output}`);
        const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`It did not become ready: ${output}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    });

    afterAll(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    });

    it('survives `systemctl reload` (SIGHUP) and stops cleanly on SIGTERM well within TimeoutStopSec', async () => {
      expect(one('ExecReload')).toBe('/bin/kill -HUP $MAINPID');
      child.kill('SIGHUP');
      const deadline = Date.now() + 20_000;
      while (!output.includes('SIGHUP: nothing to reload') && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      expect(output).toContain('SIGHUP: nothing to reload');
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

      const limitMs = Number.parseInt(one('TimeoutStopSec'), 10) * 1000;
      const stopped = Date.now();
      const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.kill(one('KillSignal') as NodeJS.Signals);
      expect(await exit).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(limitMs);
    });
  });
});
