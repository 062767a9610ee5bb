/**
 * Writes the upgrade fixture of this release: a database with real-looking data, made through
 * the server's own functions, and beside it what it holds (release-contents.ts). Committed once
 * per release; server/db/upgrade.test.ts opens it with the newest code and checks that nothing
 * was lost. Run: npx tsx scripts/make-upgrade-fixture.ts NAME   (for example release-0.1.0)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIRST_UNIT_ID } from '../src/domain/units';
import { defaultForm } from '../src/domain/default-form';
import { randomUuidV4 } from '../src/domain/random-id';
import { fillWithResponses, seeded } from '../bench/generated-responses';
import { hashSecret } from '../server/credentials';
import { audit } from '../server/db/audit-log';
import { addCoordinator } from '../server/db/coordinators';
import { openDatabase } from '../server/db/database';
import { saveDayLog } from '../server/db/day-log';
import { addComments } from '../server/db/draft-comments';
import { addPreviewLink, draftOf, publishDraft, startDraft } from '../server/db/drafts';
import { ensureFormVersion } from '../server/db/forms';
import { addPairingCode, enrollWithPairingCode, recordSync, revokeKiosk } from '../server/db/kiosks';
import { storeAgeGroups } from '../server/db/published-age-groups';
import { releaseContents } from '../server/db/fixtures/release-contents';

const name = process.argv[2];
if (!name || !/^[a-z0-9.-]+$/.test(name)) throw new Error('Give the fixture a name: npx tsx scripts/make-upgrade-fixture.ts release-0.1.0');

const work = mkdtempSync(join(tmpdir(), 'feedback-fixture-'));
try {
  const db = openDatabase(work);
  const at = new Date('2026-11-30T10:00:00Z');
  await ensureFormVersion(db, defaultForm, true);
  // 400 responses over the year, with their running counts (a small file to commit).
  await fillWithResponses(db, 400, seeded(7));
  await addCoordinator(db, 'aino', 'scrypt$fixture$not-a-real-hash', at, { role: 'admin', units: [] });
  for (const [kiosk, revoke] of [['Aula', false], ['Ruokasali', true]] as const) {
    await addPairingCode(db, hashSecret(`code-${kiosk}`), kiosk, FIRST_UNIT_ID, new Date('2027-01-01T00:00:00Z'));
    const row = await enrollWithPairingCode(db, { codeHash: hashSecret(`code-${kiosk}`), kioskId: randomUuidV4(), tokenHash: hashSecret(`token-for-the-kiosk-${kiosk}`), now: at });
    await recordSync(db, row!.id, { at, waiting: 0, appVersion: '0.1.0', abandoned: { '2026-11-23': 2, '2026-11-24': 1 } });
    if (revoke) await revokeKiosk(db, row!.id, at);
  }
  await saveDayLog(db, FIRST_UNIT_ID, { date: '2026-11-23', mealsServed: 52, professionals: ['health-station'], note: 'Sauna rikki' }, 'aino', at);
  await saveDayLog(db, FIRST_UNIT_ID, { date: '2026-11-24', mealsServed: null, professionals: [], note: '' }, 'aino', at);
  // A published version 2, and a draft of version 3 with a preview link and comments.
  await startDraft(db, defaultForm.id, 'aino', at);
  await publishDraft(db, defaultForm.id, { ...defaultForm, version: 2, title: { ...defaultForm.title, fi: 'Kerro päivästäsi' } }, at, (await draftOf(db, defaultForm.id))!.updatedAt, []);
  await startDraft(db, defaultForm.id, 'aino', at);
  await addPreviewLink(db, defaultForm.id, hashSecret('preview-token'), 'aino', at);
  await addComments(db, defaultForm.id, [{ id: randomUuidV4(), question: 'day', language: 'fi', text: 'Selkeä kysymys' }], at);
  await storeAgeGroups(db, defaultForm.id, FIRST_UNIT_ID, new Map([['2026-10', { question: 'age-group', counts: new Map([['under-30', 40], ['30-49', 60], ['50-or-over', 90], ['prefer-not-to-say', 12], ['', 30]]), total: 232 }]]));
  await audit(db, 'aino', 'sign-in', '', at);
  await audit(db, 'command line', 'kiosk-paired', 'Aula', at);
  // One file, no WAL beside it: what a release's server would leave after a clean stop.
  const fixture = resolve('server/db/fixtures', `${name}.sqlite`);
  rmSync(fixture, { force: true });
  db.sqlite!.connection.exec(`VACUUM INTO '${fixture.replace(/'/g, "''")}'`);
  writeFileSync(resolve('server/db/fixtures', `${name}.json`), `${JSON.stringify({ schemaVersion: db.sqlite!.connection.pragma('user_version', { simple: true }), contents: await releaseContents(db) }, null, 2)}\n`);
  await db.close();
  console.log(`wrote server/db/fixtures/${name}.sqlite and .json`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
