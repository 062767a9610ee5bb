import { expect, type Locator, type Page } from '@playwright/test';

/** What a reviewer does in the preview of a draft (in Finnish), beyond what a visitor does. */
export class PreviewPage {
  constructor(readonly page: Page) {}

  banner(): Locator {
    return this.page.getByRole('region', { name: 'Esikatselu: vastauksia ei tallenneta' });
  }

  async showAllLanguages() {
    await this.banner().getByRole('button', { name: 'Kaikki kielet rinnakkain' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Luonnos kaikilla kielillä' })).toBeVisible();
  }

  async showAsKiosk() {
    await this.banner().getByRole('button', { name: 'Kuten kioskissa' }).click();
  }

  /** From a question screen: opens that question's comment form, writes and saves. */
  async commentOnThisQuestion(text: string) {
    await this.banner().getByRole('button', { name: 'Kommentoi tätä kysymystä' }).click();
    await this.page.getByLabel('Kommenttisi').fill(text);
    await this.page.getByRole('button', { name: 'Tallenna kommentti' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Kommentti tallennettu.' })).toBeVisible();
  }
}
