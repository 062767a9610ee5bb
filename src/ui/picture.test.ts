import { describe, expect, it } from 'vitest';
import { PICTURE_NAMES } from '../domain/pictures';
import { pictureMarkup } from './picture';

describe('the bundled pictures', () => {
  it.each(PICTURE_NAMES)('has "%s" as plain SVG that the page may put inline under its CSP', (name) => {
    const svg = pictureMarkup(name);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
    // Inline markup runs under the page's CSP: no style attributes or elements, no scripts, no links out.
    expect(svg).not.toMatch(/style|<script|\son\w+=|href|url\(/i);
  });
});
