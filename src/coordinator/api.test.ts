import { afterEach, expect, it, vi } from 'vitest';
import { startCoordinatorI18n } from '../i18n/coordinator-setup';
import { ApiError, call } from './api';

const i18next = startCoordinatorI18n('fi');
afterEach(() => vi.unstubAllGlobals());

async function failureOf(request: Promise<unknown>): Promise<ApiError> {
  const failure = await request.then(() => null, (error: unknown) => error);
  expect(failure).toBeInstanceOf(ApiError);
  return failure as ApiError;
}

it('says in the coordinator’s language that the server cannot be reached', async () => {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
  await i18next.changeLanguage('fi');
  expect(await failureOf(call('GET', '/api/coordinator/forms'))).toMatchObject({ status: 0, message: 'Palvelimeen ei saada yhteyttä. Tarkista yhteys ja yritä uudelleen.' });
  await i18next.changeLanguage('sv');
  expect((await failureOf(call('GET', '/api/coordinator/forms'))).message).toBe('Servern kan inte nås. Kontrollera anslutningen och försök igen.');
});

it('names the status of an answer without a message in the coordinator’s language, and passes the server’s own message on', async () => {
  await i18next.changeLanguage('fi');
  vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })));
  expect(await failureOf(call('GET', '/api/coordinator/forms'))).toMatchObject({ status: 502, message: 'Palvelin vastasi virheellä 502.' });
  vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: 'The form is not known.' }, { status: 404 })));
  expect(await failureOf(call('GET', '/api/coordinator/forms'))).toMatchObject({ status: 404, message: 'The form is not known.' });
});
