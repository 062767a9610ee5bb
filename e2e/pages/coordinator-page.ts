import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** What a coordinator does in their area, in Finnish (the area's language for a Finnish browser). */
export class CoordinatorPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, section = '') {
    await this.page.goto(`${baseUrl}/coordinator${section}`);
  }

  async signIn(username: string, password: string) {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
    await this.page.getByLabel('Käyttäjätunnus').fill(username);
    await this.page.getByLabel('Salasana', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Kirjaudu' }).click();
  }

  signedInAs(username: string): Locator {
    return this.page.getByText(`Kirjautunut: ${username}`);
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async goTo(section: 'Yleiskuva' | 'Päiväkirja' | 'Lataukset' | 'Lomakkeet' | 'Ilmoitukset' | 'Aukioloajat' | 'Laitteet' | 'Tapahtumaloki' | 'Toimipisteet' | 'Oma tili') {
    await this.page.getByRole('navigation', { name: 'Osiot' }).getByRole('link', { name: section, exact: true }).click();
    const headings: Record<string, string> = { Toimipisteet: 'Toimipisteet ja käyttäjät', Ilmoitukset: 'Ilmoitukset kioskin aloitusnäytöllä' };
    await expect(this.page.getByRole('heading', { level: 1, name: headings[section] ?? section })).toBeVisible();
  }

  /** Writes a notice (Finnish, Swedish and English wording) for the days given and saves it as a draft. */
  async writeNotice(texts: { fi: string; sv: string; en: string }, days: { from: string; to: string }) {
    await this.page.getByRole('button', { name: 'Uusi ilmoitus' }).click();
    const editor = this.page.getByRole('form', { name: 'Ilmoituksen muokkaus' });
    await editor.getByLabel('suomi').fill(texts.fi);
    await editor.getByLabel('ruotsi').fill(texts.sv);
    await editor.getByLabel('englanti').fill(texts.en);
    await editor.getByLabel('Ensimmäinen päivä').fill(days.from);
    await editor.getByLabel('Viimeinen päivä').fill(days.to);
    await editor.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await expect(this.page.getByRole('status')).toHaveText('Ilmoitus tallennettu luonnokseksi.');
  }

  /** The notice in the list whose Finnish wording is this. */
  notice(finnish: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByText(finnish, { exact: true }) });
  }

  async publishNotice(finnish: string) {
    await this.notice(finnish).getByRole('button', { name: 'Julkaise' }).click();
    await expect(this.page.getByRole('status')).toHaveText('Ilmoitus julkaistu: kioskit saavat sen seuraavassa synkronoinnissa.');
  }

  /** The sections the navigation offers. */
  sections(): Locator {
    return this.page.getByRole('navigation', { name: 'Osiot' }).getByRole('link');
  }

  /** An area administrator adds a unit by its Finnish name. */
  async addUnit(name: string) {
    await this.page.getByLabel('Nimi (suomi)').fill(name);
    await this.page.getByRole('button', { name: 'Lisää toimipiste' }).click();
    await expect(this.page.getByRole('status')).toHaveText(`Toimipiste ${name} lisätty.`);
  }

  /** An area administrator adds a user with a role ("Toimipisteen koordinaattori", "Katselija") and units. */
  async addUser(username: string, password: string, role: string, units: string[]) {
    const form = this.page.getByRole('form', { name: 'Lisää käyttäjä' });
    await form.getByLabel('Käyttäjätunnus').fill(username);
    await form.getByLabel('Alkusalasana').fill(password);
    await form.getByLabel('Rooli').selectOption({ label: role });
    for (const unit of units) await form.getByLabel(unit, { exact: true }).check();
    await form.getByRole('button', { name: 'Lisää käyttäjä' }).click();
    await expect(this.page.getByRole('status')).toHaveText(`Käyttäjä ${username} lisätty.`);
  }

  /** Limits the dashboard or the downloads to these units (of those offered), optionally side by side. */
  async chooseUnits(units: string[], { sideBySide = false } = {}) {
    const chooser = this.page.getByRole('group', { name: 'Toimipisteet' });
    for (const box of await chooser.getByRole('checkbox').all()) {
      const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
      if (name.startsWith('Näytä')) continue;
      if (units.includes(name)) await box.check();
      else await box.uncheck();
    }
    if (sideBySide) await chooser.getByLabel('Näytä toimipisteet rinnakkain').check();
  }

  /** Opens a day of the shown month in the day log ("ma 23.11."), fills it and saves. */
  async logDay(day: string, { meals, present, note }: { meals: string; present: string[]; note: string }) {
    await this.page.getByRole('button', { name: `Muokkaa päivää ${day}` }).click();
    const form = this.page.getByRole('form', { name: `Muokkaa päivää ${day}` });
    await form.getByLabel('Aterioita').fill(meals);
    for (const name of present) await form.getByLabel(name).check();
    await form.getByLabel('Muistiinpano').fill(note);
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await expect(this.page.getByRole('status')).toHaveText(`Päivä ${day} tallennettu.`);
  }

  dayRow(day: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: day, exact: true }) });
  }

  /** A headline figure of the dashboard ("Vastauksia", "Aterioita", ...). */
  figure(name: string): Locator {
    return this.page.locator('.figures > div').filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) }).getByRole('definition');
  }

  /** A question's table row for an option: "Hyvä" → "2 (67 %)". */
  answerRow(question: string, option: string): Locator {
    return this.page
      .locator('.question-result')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: question, exact: true }) })
      .first()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: option, exact: true }) });
  }

  /** Sets a download option ("Jakso", "Tekstien kieli", ...) by its visible label. */
  async chooseForDownload(label: string, option: string) {
    // A select's name also holds its chosen option's text, so the label is matched as a prefix.
    await this.page.getByRole('combobox', { name: new RegExp(`^${label}`) }).selectOption({ label: option });
  }

  async setRange(from: string, to: string) {
    await this.page.getByLabel('Alkaen').fill(from);
    await this.page.getByLabel('Päättyen').fill(to);
  }

  /** Clicks a download link and returns the file's name and bytes as the browser saved them. */
  async download(link: string): Promise<{ name: string; content: Buffer }> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: link }).click()]);
    return { name: file.suggestedFilename(), content: await readFile((await file.path())!) };
  }

  freeText(text: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: text });
  }

  async redact(text: string) {
    await this.freeText(text).getByRole('button', { name: 'Poista teksti' }).click();
    await this.freeText(text).getByRole('button', { name: 'Poista pysyvästi' }).click();
    await expect(this.page.getByRole('status')).toHaveText('Teksti poistettiin.');
  }

  /** Makes a pairing code for a new kiosk and reads it off the page. */
  async makePairingCode(name: string, unit?: string): Promise<string> {
    await this.page.getByLabel('Laitteen nimi (esimerkiksi sijainti)').fill(name);
    if (unit) await this.page.getByRole('combobox', { name: 'Toimipiste', exact: true }).selectOption({ label: unit });
    // A code made before stays on the page until the new one arrives: wait for the new one.
    const shown = this.page.locator('.pairing-code__code');
    const previous = (await shown.count()) > 0 ? await shown.textContent() : null;
    await this.page.getByRole('button', { name: 'Tee parituskoodi' }).click();
    if (previous !== null) await expect(shown).not.toHaveText(previous);
    return (await shown.textContent())!;
  }

  kioskRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** What needs attention, at the top of every section. */
  warnings(): Locator {
    return this.page.getByRole('region', { name: 'Huomioitavaa' });
  }

  /** A kiosk's day ("ti 24.11.") in the made-and-received table: its cells, made, received and missing. */
  madeAndReceived(kiosk: string, day: string): Locator {
    return this.page
      .getByRole('table', { name: `${kiosk}: tehdyt ja saapuneet vastaukset` })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: day, exact: true }) })
      .getByRole('cell');
  }

  async revokeKiosk(name: string) {
    await this.page.getByRole('button', { name: `Poista ${name} käytöstä`, exact: true }).click();
    await this.page.getByRole('button', { name: `Poista ${name} käytöstä nyt` }).click();
    await expect(this.kioskRow(name)).toContainText('Poistettu käytöstä');
  }

  async changePassword(current: string, next: string) {
    await this.page.getByLabel('Nykyinen salasana').fill(current);
    await this.page.getByLabel('Uusi salasana', { exact: true }).fill(next);
    await this.page.getByLabel('Uusi salasana uudelleen').fill(next);
    await this.page.getByRole('button', { name: 'Vaihda salasana' }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
  }
}
