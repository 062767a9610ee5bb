import { expect, type Page } from '@playwright/test';

/** What day-centre staff do in the kiosk's staff menu (in Finnish, the kiosk's home language). */
export class StaffMenuPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: 'Henkilökunnan valikko' }).click();
  }

  async enroll(pairingCode: string, pin: string) {
    await expect(this.page.getByRole('heading', { name: 'Ota laite käyttöön' })).toBeVisible();
    await this.page.getByLabel('Parituskoodi').fill(pairingCode);
    await this.page.getByLabel('Uusi PIN (4–8 numeroa)').fill(pin);
    await this.page.getByLabel('PIN uudelleen').fill(pin);
    await this.page.getByRole('button', { name: 'Ota käyttöön' }).click();
  }

  /** Enrolls the kiosk from a fresh start screen and sees its name in the status; closes the menu unless told not to. */
  async enrollAs(name: string, pairingCode: string, { pin = '2468', close = true } = {}) {
    await this.open();
    await this.enroll(pairingCode, pin);
    await expect(this.page.getByText(name, { exact: true })).toBeVisible();
    if (close) await this.close();
  }

  async unlock(pin: string) {
    await this.page.getByLabel('PIN', { exact: true }).fill(pin);
    await this.page.getByRole('button', { name: 'Avaa' }).click();
  }

  waiting() {
    return this.page.getByTestId('waiting');
  }

  async sendNow() {
    await this.page.getByRole('button', { name: 'Lähetä nyt' }).click();
  }

  /** Send now, until nothing waits: the sync has also fetched a newly published form. */
  async sendAll() {
    await this.sendNow();
    await expect(this.waiting()).toHaveText('0');
  }

  async close() {
    await this.page.getByRole('button', { name: 'Sulje' }).click();
  }
}
