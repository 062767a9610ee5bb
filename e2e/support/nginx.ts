import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Nginx {
  stop(): Promise<void>;
}

export interface NginxSite {
  serverName: string;
  httpsPort: number;
  httpPort: number;
  upstreamPort: number;
  certFile: string;
  keyFile: string;
}

/**
 * The shipped deploy/nginx.conf with only what differs on a test machine put in: name, ports,
 * certificate and loopback-only listening. Each change must find its text, so the test fails
 * when the shipped file changes shape instead of testing something else.
 */
export function shippedSiteFor(site: NginxSite, logFolder: string): string {
  let text = readFileSync(resolve('deploy/nginx.conf'), 'utf8');
  const replace = (from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`deploy/nginx.conf no longer has ${from}: update the test's rewrite of it`);
    text = text.replace(from, to);
  };
  replace(/^\s*listen \[::\]:80;\n/m, '');
  replace(/^\s*listen \[::\]:443 ssl http2;\n/m, '');
  replace(/listen 80;/, `listen 127.0.0.1:${site.httpPort};`);
  replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${site.httpsPort} ssl http2;`);
  replace(/server_name feedback\.example\.fi;/g, `server_name ${site.serverName};`);
  replace(/error_log \/var\/log\/nginx\/error\.log crit;/, `error_log ${join(logFolder, 'site-error.log')} crit;`);
  replace(/server 127\.0\.0\.1:8080;/, `server 127.0.0.1:${site.upstreamPort};`);
  replace(/ssl_certificate \/etc\/ssl\/day-centre-feedback\/fullchain\.pem;/, `ssl_certificate ${site.certFile};`);
  replace(/ssl_certificate_key \/etc\/ssl\/day-centre-feedback\/privkey\.pem;/, `ssl_certificate_key ${site.keyFile};`);
  // The redirect keeps the name; on a test port it must keep the port too.
  replace(/return 301 https:\/\/\$host\$request_uri;/, `return 301 https://$host:${site.httpsPort}$request_uri;`);
  return text;
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', 'nginx']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  throw new Error('nginx is not installed: apt-get install -y nginx (.ci/run does this)');
}

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Runs Debian's nginx in the foreground with the shipped site, all its files in a temp folder. */
export async function startNginx(site: NginxSite): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'feedback-nginx-'));
  // Workers may run as another user when nginx starts as root: they need its temp folders.
  chmodSync(prefix, 0o755);
  const temp = join(prefix, 'temp');
  mkdirSync(temp, { mode: 0o777 });
  chmodSync(temp, 0o777);
  writeFileSync(join(prefix, 'site.conf'), shippedSiteFor(site, prefix));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      `  client_body_temp_path ${join(temp, 'body')};`,
      `  proxy_temp_path ${join(temp, 'proxy')};`,
      `  fastcgi_temp_path ${join(temp, 'fastcgi')};`,
      `  uwsgi_temp_path ${join(temp, 'uwsgi')};`,
      `  scgi_temp_path ${join(temp, 'scgi')};`,
      `  include ${join(prefix, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const binary = nginxBinary();
  const args = ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')];
  const check = spawnSync(binary, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the shipped configuration:\n${check.stderr}`);
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!(await listening(site.httpsPort))) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${errors}`);
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${site.httpsPort}: ${errors}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }).then(() => rmSync(prefix, { recursive: true, force: true })),
  };
}
