import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built pages that may carry an inline stylesheet (index.html: the prerendered start screen's). */
const PAGES = ['index.html', 'coordinator.html'];

/**
 * CSP sources for the `<style>` blocks of the built pages, each by its SHA-256: the page's own
 * inlined stylesheet is allowed and nothing else inline is. Read from the files the server
 * serves, so the policy always matches them.
 */
export function inlineStyleSources(staticDir: string | null): string[] {
  if (!staticDir) return [];
  const sources = new Set<string>();
  for (const page of PAGES) {
    const path = join(staticDir, page);
    if (!existsSync(path)) continue;
    for (const [, css] of readFileSync(path, 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)) {
      sources.add(`'sha256-${createHash('sha256').update(css!, 'utf8').digest('base64')}'`);
    }
  }
  return [...sources];
}
