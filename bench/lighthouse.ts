/**
 * Lighthouse on the production build: the mobile preset (a mid-range phone, simulated slow 4G and
 * 4× CPU slowdown), each page run several times from a cleared browser, the median reported.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  consoleErrors: number;
  /** Audits that lost points in accessibility or best practices, for the reader to fix. */
  failing: string[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function runOnce(url: string): Promise<LighthouseFigures> {
  const options = chromiumLaunchOptions();
  const chrome = await launch({
    ...(options.executablePath ? { chromePath: options.executablePath } : {}),
    chromeFlags: ['--headless=new', ...(options.args ?? [])],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const value = (id: string) => audits[id]?.numericValue ?? NaN;
    const failing = ['accessibility', 'best-practices'].flatMap((category) =>
      (categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${category}: ${ref.id}`),
    );
    const errors = audits['errors-in-console']?.details as { items?: unknown[] } | undefined;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      firstContentfulPaintMs: value('first-contentful-paint'),
      largestContentfulPaintMs: value('largest-contentful-paint'),
      totalBlockingTimeMs: value('total-blocking-time'),
      cumulativeLayoutShift: value('cumulative-layout-shift'),
      consoleErrors: errors?.items?.length ?? 0,
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/**
 * Runs Lighthouse `runs` times on `url` and gives the median of each figure (and every failing
 * audit seen). A run whose trace Chromium did not record (NO_NAVSTART, now and then in headless
 * Chromium) measured nothing and is run again, up to twice.
 */
export async function lighthouseMedian(url: string, runs = 3): Promise<LighthouseFigures> {
  const results: LighthouseFigures[] = [];
  for (let i = 0, retries = 0; i < runs; i++) {
    try {
      results.push(await runOnce(url));
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('NO_NAVSTART')) || ++retries > 2) throw error;
      i -= 1;
    }
  }
  const pick = (key: keyof Omit<LighthouseFigures, 'failing'>) => median(results.map((r) => r[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    firstContentfulPaintMs: pick('firstContentfulPaintMs'),
    largestContentfulPaintMs: pick('largestContentfulPaintMs'),
    totalBlockingTimeMs: pick('totalBlockingTimeMs'),
    cumulativeLayoutShift: pick('cumulativeLayoutShift'),
    consoleErrors: Math.max(...results.map((r) => r.consoleErrors)),
    failing: [...new Set(results.flatMap((r) => r.failing))],
  };
}
