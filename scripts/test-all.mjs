// Runs every check the project has, in order, and totals them: lint, type check, unit tests
// (Vitest), the production build of the app (precompressed) and the server, and the end-to-end tests
// (Playwright, real Chromium, against the built server).
// Prints "ci: N passed, N failed" last and writes it to test-results/totals.txt for .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const out = 'test-results';
mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0 };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(title, args, env = {}) {
  console.log(`\n── ${title} ──`);
  const result = spawnSync(npx, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A step without its own test count counts as one check. */
function step(title, args) {
  const ok = run(title, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

step('lint', ['eslint', '.']);
step('type check', ['tsc', '-p', '.']);

const unitReport = `${out}/unit.json`;
rmSync(unitReport, { force: true });
const unitOk = run('unit tests', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = readJson(unitReport);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) totals.failed += 1;

if (step('build', ['vite', 'build']) && step('precompress', ['node', 'scripts/precompress.mjs']) && step('server build', ['node', 'scripts/build-server.mjs'])) {
  const e2eReport = `${out}/e2e.json`;
  rmSync(e2eReport, { force: true });
  const e2eOk = run('end-to-end tests', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
  const e2e = existsSync(e2eReport) ? readJson(e2eReport) : null;
  if (e2e) {
    totals.passed += e2e.stats.expected;
    totals.failed += e2e.stats.unexpected + e2e.stats.flaky;
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected + e2e.stats.flaky === 0)) totals.failed += 1;
}

const line = `ci: ${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${out}/totals.txt`, `${line}\n`);
console.log(`\n${line}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
