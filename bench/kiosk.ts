/**
 * Kiosk benchmark, on the production build in headless Chromium. Prints:
 *  - JS and CSS (gzip) the start screen loads, and what a whole visit loads;
 *  - tap-of-Send to durable (IndexedDB committed) latency, p50 / p95 / max over many submissions;
 *  - offline cold start (new browser process, server gone) to the first screen.
 * Run: npm run bench:kiosk   (SUBMISSIONS=1000 COLD_STARTS=5 by default)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { waitForServiceWorkerControl } from '../e2e/support/service-worker';

const SUBMISSIONS = Number(process.env.SUBMISSIONS ?? 1000);
const COLD_STARTS = Number(process.env.COLD_STARTS ?? 5);
const contextOptions = { viewport: { width: 1280, height: 800 }, locale: 'fi-FI', timezoneId: 'Europe/Helsinki' };

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB (${(bytes / 1024).toFixed(1)} KiB)`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** gzip size (level 9, as a server would pre-compress) of the built files the page fetched. */
function gzipBytes(urls: string[], extension: string): { bytes: number; files: number } {
  const files = [...new Set(urls.map((u) => new URL(u).pathname))].filter((p) => p.endsWith(extension));
  const bytes = files.reduce((sum, path) => sum + gzipSync(readFileSync(join('dist', path)), { level: 9 }).length, 0);
  return { bytes, files: files.length };
}

async function scriptsAndStyles(page: Page, beforeMark?: string): Promise<string[]> {
  return page.evaluate((mark) => {
    const limit = mark ? performance.getEntriesByName(mark)[0]!.startTime : Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= limit)
      .map((entry) => entry.name);
  }, beforeMark);
}

async function measureBytes(url: string) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage(contextOptions);
  await page.goto(url);
  await page.getByRole('button', { name: 'Anna palautetta' }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('kiosk:start-screen').length > 0);
  const atStart = await scriptsAndStyles(page, 'kiosk:start-screen');
  // Everything a whole visit needs: the start screen, then through the questions to Send.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Anna palautetta' }).click();
  await page.getByRole('button', { name: 'Seuraava' }).waitFor();
  const wholeVisit = await scriptsAndStyles(page);
  await browser.close();
  return {
    startJs: gzipBytes(atStart, '.js'),
    startCss: gzipBytes(atStart, '.css'),
    visitJs: gzipBytes(wholeVisit, '.js'),
  };
}

// Short kiosk waits (thank-you 8 s, tap guard 3 s, Send arming) run 100 times faster here, so
// that many submissions fit in minutes. Only setTimeout is touched: the timed path (tap, React,
// IndexedDB commit) and performance.now keep real time. Long waits (idle) are left alone.
const compressShortTimers = {
  content: `
    var realSetTimeout = window.setTimeout.bind(window);
    window.setTimeout = function (handler, delay) {
      var rest = Array.prototype.slice.call(arguments, 2);
      var short = delay !== undefined && delay <= 10000 ? delay / 100 : delay;
      return realSetTimeout.apply(window, [handler, short].concat(rest));
    };
  `,
};

// Taps through the form inside the page, waiting for React between taps. Plain script text:
// the TypeScript runner's helpers do not exist inside the page.
type BenchWindow = { walkToReview: (face: string) => Promise<void>; sendToDurable: number[] };
const WALK_TO_REVIEW = `
// The kiosk clears its measure at once (no list of exact Send times may pile up): observe it.
window.sendToDurable = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    if (entry.name === 'kiosk:send-to-durable') window.sendToDurable.push(entry.duration);
  });
}).observe({ type: 'measure' });
window.walkToReview = async function (face) {
  function yieldToReact() {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { resolve(); };
      channel.port2.postMessage(null);
    });
  }
  function button(text) {
    return function () {
      return Array.prototype.find.call(document.querySelectorAll('button'), function (b) { return b.textContent === text; });
    };
  }
  // Waits up to 10 s for the element (a garbage collection or a slow commit can take a while),
  // by the clock rather than a number of turns.
  async function tap(find) {
    for (var deadline = performance.now() + 10000; performance.now() < deadline; ) {
      var element = find();
      if (element && !element.disabled && element.getAttribute('aria-disabled') !== 'true') {
        element.click();
        await yieldToReact();
        return;
      }
      await yieldToReact();
    }
    throw new Error('The kiosk did not show what the benchmark waited for');
  }
  await tap(button('Anna palautetta'));
  await tap(function () { return document.querySelector('input[name="day"][value="' + face + '"]'); });
  await tap(button('Seuraava'));
  for (var s = 0; s < 4; s++) await tap(button('Ohita'));
};
`;

async function measureSendToDurable(url: string): Promise<number[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(compressShortTimers);
  await context.addInitScript({ content: WALK_TO_REVIEW });
  const page = await context.newPage();
  await page.goto(url);
  const send = page.getByRole('button', { name: 'Lähetä' });
  for (let i = 0; i < SUBMISSIONS; i++) {
    // Walk to the review screen inside the page (fast), with the visitor's own answers.
    await page.evaluate((face) => (window as unknown as BenchWindow).walkToReview(face), String((i % 5) + 1));
    // The tap on Send is a real input event from outside the page.
    await send.click();
    await page.waitForFunction((n) => (window as unknown as BenchWindow).sendToDurable.length >= n, i + 1);
    await page.getByRole('button', { name: 'Anna palautetta' }).waitFor();
  }
  const durations = await page.evaluate(() => (window as unknown as BenchWindow).sendToDurable);
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('day-centre-feedback');
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  if (stored !== SUBMISSIONS) throw new Error(`Expected ${SUBMISSIONS} stored responses, found ${stored}`);
  await browser.close();
  return durations.sort((a, b) => a - b);
}

// The floor under that figure in this browser: a bare button whose click handler does nothing
// but one strict-durability IndexedDB add, clicked the same way. No React, no Dexie, no app.
const PROBE = `
window.probeLatencies = [];
window.addEventListener('DOMContentLoaded', function () {
  var open = indexedDB.open('bench-probe', 1);
  open.onupgradeneeded = function () { open.result.createObjectStore('s', { keyPath: 'id' }); };
  open.onsuccess = function () {
    var db = open.result;
    var button = document.createElement('button');
    button.id = 'probe';
    button.textContent = 'probe';
    button.style.cssText = 'position:fixed;top:0;left:0;width:200px;height:100px;z-index:99';
    button.addEventListener('click', function (event) {
      var tx = db.transaction('s', 'readwrite', { durability: 'strict' });
      tx.objectStore('s').add({ id: crypto.randomUUID(), answers: { day: '4' } });
      tx.oncomplete = function () { window.probeLatencies.push(performance.now() - event.timeStamp); };
    });
    document.body.append(button);
  };
});
`;

async function measureBrowserFloor(url: string, clicks: number): Promise<number[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext(contextOptions);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  await page.goto(url);
  for (let i = 0; i < clicks; i++) {
    await page.click('#probe');
    await page.waitForFunction((n) => (window as unknown as { probeLatencies: number[] }).probeLatencies.length >= n, i + 1);
  }
  const latencies = await page.evaluate(() => (window as unknown as { probeLatencies: number[] }).probeLatencies);
  await browser.close();
  return latencies.sort((a, b) => a - b);
}

async function measureOfflineColdStart(): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const server = await startAppServer();
  const launch = (): Promise<BrowserContext> =>
    chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), ...contextOptions });
  try {
    let context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    await context.close();
    await server.stop();

    const times: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      context = await launch();
      const cold = context.pages()[0] ?? (await context.newPage());
      await cold.goto(server.url);
      await cold.getByRole('button', { name: 'Anna palautetta' }).waitFor();
      // From navigation start to the first render of the start screen.
      times.push(await cold.evaluate(() => performance.getEntriesByName('kiosk:start-screen')[0]!.startTime));
      await context.close();
    }
    return times.sort((a, b) => a - b);
  } finally {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

const server = await startAppServer();
try {
  const bytes = await measureBytes(server.url);
  console.log(`start screen JS:  ${kb(bytes.startJs.bytes)} gzip in ${bytes.startJs.files} files (target at most 120 kB)`);
  console.log(`start screen CSS: ${kb(bytes.startCss.bytes)} gzip in ${bytes.startCss.files} files`);
  console.log(`whole visit JS:   ${kb(bytes.visitJs.bytes)} gzip in ${bytes.visitJs.files} files (start screen, visit, storage and sync chunks)`);

  const latency = await measureSendToDurable(server.url);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `send to durable over ${latency.length} submissions: p50 ${ms(percentile(latency, 50))}, p95 ${ms(percentile(latency, 95))}, max ${ms(latency[latency.length - 1]!)} (target p95 at most 16 ms)`,
  );
  const floor = await measureBrowserFloor(server.url, Math.min(SUBMISSIONS, 300));
  console.log(
    `browser floor, a bare button doing one IndexedDB add, over ${floor.length} clicks: p50 ${ms(percentile(floor, 50))}, p95 ${ms(percentile(floor, 95))}`,
  );
} finally {
  await server.stop();
}

const cold = await measureOfflineColdStart();
console.log(
  `offline cold start to first screen over ${cold.length} cold starts: median ${cold[Math.floor(cold.length / 2)]!.toFixed(0)} ms (min ${cold[0]!.toFixed(0)}, max ${cold[cold.length - 1]!.toFixed(0)})`,
);
