/**
 * Applies the retention periods now (the server also does it daily), for cron users:
 *   npm run retention
 * Periods: RETENTION_LEADS_DAYS, RETENTION_SPAM_DAYS, RETENTION_UNAPPROVED_COMMENTS_DAYS (src/server/settings.ts).
 */
import { applyRetention } from '../src/server/storage/privacy.ts';
import { cliSettings, openExisting } from './lib/cli.ts';

const settings = cliSettings();
const periods = {
  leadsDays: settings.RETENTION_LEADS_DAYS,
  spamDays: settings.RETENTION_SPAM_DAYS,
  unapprovedCommentsDays: settings.RETENTION_UNAPPROVED_COMMENTS_DAYS,
};
const db = openExisting(settings.DATA_DIR);
console.log(`retention: removed ${JSON.stringify(applyRetention(db, periods))}`);
db.close();
