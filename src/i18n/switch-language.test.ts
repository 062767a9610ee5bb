import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import sv from './locales/sv.json';
import { switchLanguage } from './languages';
import { setUpI18n } from './setup';

setUpI18n();
afterEach(() => vi.unstubAllGlobals());

/** fetch as the browser's, answering each language file only when the test says so. */
function slowFiles() {
  const waiting: (() => void)[] = [];
  vi.stubGlobal('fetch', () => new Promise((resolve) => waiting.push(() => resolve(new Response(JSON.stringify(sv), { status: 200 })))));
  return { answerAll: () => waiting.splice(0).forEach((answer) => answer()), pending: () => waiting.length };
}

describe('switching the kiosk’s language', () => {
  it('drops a switch whose texts arrive after the reset to Finnish for the next person', async () => {
    const files = slowFiles();
    const toSwedish = switchLanguage('sv');
    expect(files.pending()).toBe(1);
    await switchLanguage('fi');
    files.answerAll();
    await toSwedish;
    expect(i18next.language).toBe('fi');
    // The texts came all the same: the next switch to Swedish is at once.
    await switchLanguage('sv');
    expect(i18next.language).toBe('sv');
    expect(i18next.t('start.giveFeedback')).toBe(sv.start.giveFeedback);
    await switchLanguage('fi');
  });
});
