import { expect, type Locator, type Page } from '@playwright/test';

/** What a reviewer does in the preview of a draft (in Finnish), beyond what a visitor does. */
export class PreviewPage {
  constructor(readonly page: Page) {}

  banner(): Locator {
    return this.page.getByRole('region', { name: 'Esikatselu: vastauksia ei tallenneta' });
  }

  /** The banner's one line about the comments. */
  commentNews(): Locator {
    return this.banner().getByRole('status');
  }

  async showTexts() {
    await this.banner().getByRole('button', { name: 'Tekstit kielittäin' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Näkymät' })).toBeVisible();
  }

  async showAsKiosk() {
    await this.banner().getByRole('button', { name: 'Kuten kioskissa' }).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Kommentoi tätä näkymää' });
  }

  /**
   * From the kiosk view: opens "comment on this screen", picks the text (an option of "Mistä
   * kohdasta?" whose label starts so) and the language if told, writes and saves.
   */
  async commentOnThisScreen(text: string, about?: { text?: RegExp; language?: string }) {
    await this.banner().getByRole('button', { name: 'Kommentoi tätä näkymää' }).click();
    const dialog = this.dialog();
    await expect(dialog).toBeVisible();
    if (about?.text) {
      const select = dialog.getByRole('combobox', { name: 'Mistä kohdasta?' });
      const label = (await select.locator('option').allTextContents()).find((option) => about.text!.test(option));
      expect(label, `an option matching ${about.text}`).toBeDefined();
      await select.selectOption({ label: label! });
    }
    if (about?.language) await dialog.getByRole('combobox', { name: 'Minkä kielen tekstistä?' }).selectOption({ label: about.language });
    await dialog.getByLabel('Kommenttisi').fill(text);
    await dialog.getByRole('button', { name: 'Tallenna kommentti' }).click();
    await expect(dialog).toBeHidden();
  }
}
