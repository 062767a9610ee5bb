/**
 * Kiosk enrollment from the command line (the coordinator's area does the same):
 *   npm run kiosk -- pair [NAME]   prints a one-time pairing code, valid for 24 hours
 *   npm run kiosk -- list          enrolled kiosks, last sync, waiting responses, app version
 *   npm run kiosk -- revoke ID     the kiosk's token stops working at once
 */
import { readConfig } from '../config';
import { audit, COMMAND_LINE } from '../db/audit-log';
import { openConfiguredDatabase } from '../db/database';
import { listKiosks, revokeKiosk } from '../db/kiosks';
import { makePairingCode } from '../pairing';

const [command, argument] = process.argv.slice(2);
const config = readConfig();
const db = await openConfiguredDatabase(config.dataDir, config.database);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

switch (command) {
  case 'pair': {
    const name = (argument ?? 'Kiosk').trim().slice(0, 80) || 'Kiosk';
    const { code, expiresAt: expires } = await makePairingCode(db, name);
    await audit(db, COMMAND_LINE, 'kiosk-paired', name);
    console.log(`Pairing code for "${name}": ${code}`);
    console.log(`Type it in the kiosk's staff menu before ${expires.toISOString()}. It works once.`);
    break;
  }
  case 'list': {
    const kiosks = await listKiosks(db);
    if (kiosks.length === 0) console.log('No kiosks enrolled yet. Make a pairing code with: npm run kiosk -- pair NAME');
    for (const k of kiosks) {
      const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last sync ${k.lastSyncAt ?? 'never'}`;
      console.log(`${k.id}  ${k.name}  ${state}  waiting ${k.waitingAtSync ?? '?'}  app ${k.appVersion ?? '?'}`);
    }
    break;
  }
  case 'revoke': {
    if (!argument) fail('Usage: npm run kiosk -- revoke KIOSK_ID (see npm run kiosk -- list)');
    if (!(await revokeKiosk(db, argument, new Date()))) fail(`No kiosk with id ${argument}.`);
    await audit(db, COMMAND_LINE, 'kiosk-revoked', argument);
    console.log(`Kiosk ${argument} is revoked: its token no longer works.`);
    break;
  }
  default:
    fail('Usage: npm run kiosk -- pair [NAME] | list | revoke KIOSK_ID');
}
await db.close();
