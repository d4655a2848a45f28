/**
 * Applies the retention periods now (the server also does it daily), for cron users:
 *   npm run retention [-- --force]
 * Like the server, it refuses to run when the clock looks wrong (before the newest row, or
 * a run that would delete most leads); --force runs it anyway, once a person has checked.
 * Periods: RETENTION_LEADS_DAYS, RETENTION_SPAM_DAYS, RETENTION_UNAPPROVED_COMMENTS_DAYS, RETENTION_AUDIT_DAYS (src/server/settings.ts).
 */
import { parseArgs } from 'node:util';
import { applyRetention } from '../src/server/storage/privacy.ts';
import { cliSettings, fail, openExisting } from './lib/cli.ts';

const settings = cliSettings();
const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const db = await openExisting(settings);
const result = await applyRetention(
  db,
  {
    leadsDays: settings.RETENTION_LEADS_DAYS,
    spamDays: settings.RETENTION_SPAM_DAYS,
    unapprovedCommentsDays: settings.RETENTION_UNAPPROVED_COMMENTS_DAYS,
    auditDays: settings.RETENTION_AUDIT_DAYS,
  },
  new Date(),
  { force: values.force },
);
await db.close();
if ('skipped' in result) fail(`retention skipped: ${result.skipped.message}`);
console.log(`retention: removed ${JSON.stringify(result.removed)}`);
