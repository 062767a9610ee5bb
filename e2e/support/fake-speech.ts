import type { Page } from '@playwright/test';

/**
 * Headless Chromium has no voices: this stands in for the Web Speech API before the page loads,
 * with a Finnish and a Swedish voice, and records what is spoken.
 */
export async function fakeSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    const voices = [
      { lang: 'fi-FI', name: 'Suomi', localService: true, default: true, voiceURI: 'fi' },
      { lang: 'sv-SE', name: 'Svenska', localService: true, default: false, voiceURI: 'sv' },
    ];
    class Utterance {
      lang = '';
      rate = 1;
      voice: unknown = null;
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: Object.assign(new EventTarget(), {
        getVoices: () => voices,
        speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => undefined,
      }),
    });
  });
}

/** What the page has spoken so far, with the language of each. */
export function spokenOn(page: Page): Promise<{ text: string; lang: string }[]> {
  return page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
}
