/**
 * Prints the leads as CSV on stdout (UTF-8 with BOM, `;` separated, for Italian Excel):
 *   npm run leads:export [-- --since 2026-11-01] [--include-spam] > contatti.csv
 * Reads the database in DATA_DIR (default ./data) and the test in content/quiz/.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { quizSchema } from '../src/lib/quiz/schema.ts';
import { leadsToCsv } from '../src/lib/leads/csv.ts';
import { cliSettings, openExisting } from './lib/cli.ts';
import { LeadStore } from '../src/server/storage/lead-store.ts';

const { values } = parseArgs({
  options: { since: { type: 'string' }, 'include-spam': { type: 'boolean', default: false } },
});
const since = values.since ? new Date(values.since) : undefined;
if (since && Number.isNaN(since.getTime())) {
  console.error(`--since: "${values.since}" is not a date (use YYYY-MM-DD)`);
  process.exit(2);
}
const settings = cliSettings();
const quiz = quizSchema.parse(parse(readFileSync(`${settings.CONTENT_ROOT}/quiz/test-gratuito.yaml`, 'utf8')));
const db = await openExisting(settings);
const leads = await new LeadStore(db).list({ since, includeSpam: values['include-spam'] });
process.stdout.write(leadsToCsv(leads, quiz));
console.error(`${leads.length} leads exported`);
await db.close();
