import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; summary?: string }[];
}

/** Runs axe-core in the page with every WCAG rule up to 2.2 AA, target-size switched on. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // Evaluated, not added as a script tag: the server's CSP rightly forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'target-size': { enabled: true } },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, summary: (n as unknown as { failureSummary: string }).failureSummary })) }));
  });
  expect(
    violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ") + " — " + (n.summary ?? "")).join(", ")}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

/**
 * Every control a visitor taps is at least 72 × 72 CSS px, and no visible text is smaller than
 * 24 px. Returns what falls short, so a failure names it.
 */
export async function expectKioskSizes(page: Page, screen: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll('button, label.choice, textarea, a[href]')) {
      if (!visible(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width < 72 || box.height < 72) found.push(`${name(el)} is ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !visible(parent)) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < 24) found.push(`${name(parent)} has ${size} px text`);
    }
    return found;
  });
  expect(problems, `sizes on ${screen}`).toEqual([]);
}
