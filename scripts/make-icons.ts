/**
 * Renders the app icons (PNG, as install prompts and the manifest need) from the SVG sources
 * in public/icons with headless Chromium. Run after changing an SVG: npx tsx scripts/make-icons.ts
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

const targets = [
  { source: 'icon.svg', size: 192, out: 'icon-192.png' },
  { source: 'icon.svg', size: 512, out: 'icon-512.png' },
  { source: 'icon.svg', size: 180, out: 'apple-touch-icon-180.png' },
  { source: 'maskable.svg', size: 512, out: 'maskable-512.png' },
];

const browser = await chromium.launch(chromiumLaunchOptions());
for (const { source, size, out } of targets) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync(`public/icons/${source}`, 'utf8');
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: `public/icons/${out}`, omitBackground: true });
  await page.close();
}
await browser.close();
