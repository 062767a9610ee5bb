import { expect, type Locator, type Page } from '@playwright/test';

/** What a coordinator does with a form's draft in the area's "Lomakkeet" section, in Finnish. */
export class DraftEditorPage {
  constructor(readonly page: Page) {}

  async makeDraft() {
    await this.page.getByRole('button', { name: 'Tee luonnos julkaistusta versiosta' }).click();
    await expect(this.page.getByText(/^Luonnos perustuu versioon/)).toBeVisible();
  }

  question(number: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Kysymys ${number}:`) });
  }

  /** The field of one text of a question in one language ("suomi", "ruotsi", "englanti"...). */
  questionTitle(number: number, language: string): Locator {
    return this.question(number).getByRole('group', { name: 'Kysymyksen teksti' }).getByRole('textbox', { name: language, exact: true });
  }

  async save() {
    await this.page.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Luonnos tallennettu.' })).toBeVisible();
  }

  /** Saves, and is told that another coordinator saved the draft first: returns what tells it. */
  async saveAndFindItSavedMeanwhile(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Tallenna luonnos' }).click();
    const conflict = this.page.getByRole('region', { name: 'Joku muu tallensi tämän luonnoksen' });
    await expect(conflict).toBeVisible();
    return conflict;
  }

  /** After being told the draft was saved meanwhile: saves this editor's version over theirs. */
  async saveMineOverTheirs() {
    await this.page.getByRole('button', { name: /^Tallenna oma versioni hänen versionsa päälle/ }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Luonnos tallennettu.' })).toBeVisible();
  }

  /** After being told the draft was saved meanwhile: takes their version, dropping this editor's changes. */
  async takeTheirs() {
    await this.page.getByRole('button', { name: /^Ota hänen versionsa/ }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Hänen versionsa on nyt muokattavana.' })).toBeVisible();
  }

  /** Makes a preview link and returns it (it is shown only once). */
  async makePreviewLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Tee esikatselulinkki' }).click();
    const link = this.page.getByTestId('preview-link');
    await expect(link).toBeVisible();
    return (await link.getAttribute('href'))!;
  }

  /** Publishes the draft, to these units besides those that have the form already. */
  async publish(version: number, units: string[] = []) {
    await this.page.getByRole('button', { name: `Julkaise versiona ${version}` }).click();
    const group = this.page.getByRole('group', { name: 'Julkaise toimipisteisiin' });
    for (const unit of units) await group.getByLabel(unit, { exact: true }).check();
    await this.page.getByRole('group', { name: `Julkaise versiona ${version}` }).getByRole('button', { name: 'Julkaise', exact: true }).click();
    await expect(this.page.getByText(`Versio ${version} on julkaistu.`)).toBeVisible();
  }
}
