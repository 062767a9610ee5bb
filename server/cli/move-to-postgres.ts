/**
 * Moves a centre's SQLite database (in DATA_DIR) into an empty PostgreSQL database:
 *   npm run move-to-postgres -- postgres://USER:PASSWORD@HOST:5432/DATABASE
 * Stop the server first, so that no kiosk is told "stored" for something the copy missed. The
 * copy is one PostgreSQL transaction, checked table by table (rows and the sums of every count)
 * before it is committed; a target that already holds data is refused. The kiosks' tokens are
 * copied with everything else.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../config';
import { DATABASE_FILE, openDatabase } from '../db/database';
import { openPostgres } from '../db/postgres/migrate';
import { moveToPostgres } from '../db/postgres/move-from-sqlite';

const url = process.argv[2];
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error('Give the PostgreSQL database to move to: npm run move-to-postgres -- postgres://USER:PASSWORD@HOST:5432/DATABASE');
  process.exit(2);
}
const config = readConfig();
const file = join(config.dataDir, DATABASE_FILE);
if (!existsSync(file)) {
  console.error(`There is no database at ${file}: check DATA_DIR.`);
  process.exit(2);
}
const source = openDatabase(config.dataDir, undefined, { firstUnitName: config.firstUnitName });
const target = openPostgres(url, { poolSize: 1 });
try {
  const moved = await moveToPostgres(source.sqlite!.connection, target);
  for (const { table, rows, sums } of moved) {
    const counted = Object.entries(sums).map(([column, sum]) => `, ${column} ${sum}`).join('');
    console.log(`${table}: ${rows} rows${counted}`);
  }
  console.log('Done: every table matches.');
} catch (error) {
  console.error(`Nothing was moved: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await source.close();
  await target.destroy();
}
