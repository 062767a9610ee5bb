import { expect, type Locator, type Page } from '@playwright/test';
import en from '../../src/i18n/locales/en.json' with { type: 'json' };
import fi from '../../src/i18n/locales/fi.json' with { type: 'json' };
import sv from '../../src/i18n/locales/sv.json' with { type: 'json' };

const strings = { fi, sv, en } as const;
type Language = keyof typeof strings;
const byName: Record<string, Language> = { Suomi: 'fi', Svenska: 'sv', English: 'en' };

/** What a visitor does at the kiosk, in whatever language the kiosk is showing. */
export class KioskPage {
  language: Language = 'fi';

  constructor(readonly page: Page) {}

  get ui() {
    return strings[this.language];
  }

  async open(url = '/') {
    await this.page.goto(url);
    await expect(this.startButton()).toBeVisible();
    await this.ready();
  }

  /**
   * The start screen is painted from index.html before any script runs; a tap starts a visit once
   * React has taken the button over (React keeps its fiber on the element). Polled from here: a
   * test's fake clock (page.clock) stops the page's own timers and fakes its performance entries.
   */
  async ready() {
    await expect
      .poll(() => this.startButton().evaluate((button) => Object.keys(button).some((key) => key.startsWith('__reactFiber$'))))
      .toBe(true);
  }

  startButton(): Locator {
    return this.page.getByRole('button', { name: this.ui.start.giveFeedback, exact: true });
  }

  async chooseLanguage(name: 'Suomi' | 'Svenska' | 'English') {
    await this.page.getByRole('button', { name, exact: true }).click();
    this.language = byName[name]!;
  }

  async giveFeedback() {
    await this.ready();
    await this.startButton().click();
    await expect(this.page.getByText(this.ui.question.progress.replace('{{current}}', '1').split('{{')[0]!)).toBeVisible();
  }

  /** Taps the answer with this visible label (a face, a card or a check box). */
  async choose(label: string) {
    await this.page.getByLabel(label, { exact: true }).click();
  }

  answerOption(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async write(text: string) {
    await this.page.getByRole('textbox').fill(text);
  }

  async next() {
    await this.page.getByRole('button', { name: this.ui.question.next, exact: true }).click();
  }

  async skip(times = 1) {
    for (let i = 0; i < times; i++) await this.page.getByRole('button', { name: this.ui.question.skip, exact: true }).click();
  }

  /** The shortest real visit: a face on the first question, every other question skipped, to review. */
  async answerOnlyTheFace(face: string) {
    await this.giveFeedback();
    await this.choose(face);
    await this.next();
    await this.skip(4);
    await this.expectReview();
  }

  /**
   * A whole short visit: a face, Send, and the thank-you's own timer back to the start. Needs
   * Playwright's clock installed on the page.
   */
  async giveOnlyAFace(face: string) {
    await this.answerOnlyTheFace(face);
    await this.send();
    await this.page.clock.runFor(11_000);
    await expect(this.startButton()).toBeVisible();
  }

  /** A visit with a face and a written answer to the last question, sent, back to the start. */
  async giveAFaceAndAText(face: string, text: string) {
    await this.giveFeedback();
    await this.choose(face);
    await this.next();
    await this.skip(3);
    await this.write(text);
    await this.next();
    await this.expectReview();
    await this.send();
    await this.page.clock.runFor(11_000);
    await expect(this.startButton()).toBeVisible();
  }

  async back() {
    await this.page.getByRole('button', { name: this.ui.question.back, exact: true }).click();
  }

  sendButton(): Locator {
    return this.page.getByRole('button', { name: this.ui.review.send, exact: true });
  }

  async send() {
    await this.sendButton().click();
    await this.expectThanks();
  }

  async expectQuestion(title: string) {
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async expectProgress(current: number, total: number) {
    const text = this.ui.question.progress.replace('{{current}}', String(current)).replace('{{total}}', String(total));
    await expect(this.page.getByText(text, { exact: true })).toBeVisible();
  }

  async expectReview() {
    await expect(this.page.getByRole('heading', { level: 1, name: this.ui.review.heading })).toBeVisible();
  }

  async expectThanks() {
    await expect(this.page.getByRole('heading', { level: 1, name: this.ui.thanks.heading })).toBeVisible();
  }

  idleWarning(): Locator {
    return this.page.getByRole('alertdialog', { name: this.ui.idle.heading });
  }
}
