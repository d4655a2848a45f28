/**
 * Puts a backup back in place of the database. Stop the site first. The database being
 * replaced is kept beside it (site.db.before-restore-<time>), never deleted:
 *   npm run restore -- ./backups/site-2026-11-30.db [--force]
 */
import { DatabaseSync } from 'node:sqlite';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { cliSettings, fail } from './lib/cli.ts';
import { describeDatabase } from './lib/database-file.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});
const source = positionals[0]
  ? path.resolve(positionals[0])
  : fail('Give the backup to restore: npm run restore -- <file>');
if (!existsSync(source)) fail(`No backup at ${source}.`);
const backupDb = new DatabaseSync(source, { readOnly: true });
const contents = describeDatabase(backupDb);
backupDb.close();

const { DATA_DIR } = cliSettings();
const target = path.join(DATA_DIR, 'site.db');
mkdirSync(DATA_DIR, { recursive: true });
if (existsSync(target)) {
  if (!values.force)
    fail(`${target} exists: stop the site, then run again with --force to replace it (it is kept aside).`);
  const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(target + suffix)) renameSync(target + suffix, aside + suffix);
  console.log(`the database replaced is kept as ${aside}`);
}
copyFileSync(source, target);
console.log(`restore: ${contents} → ${target}`);
