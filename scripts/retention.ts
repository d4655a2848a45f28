/**
 * Applies the retention periods now (the server also does it daily), for cron users:
 *   npm run retention
 * Periods: RETENTION_LEADS_DAYS (730), RETENTION_SPAM_DAYS (30), RETENTION_UNAPPROVED_COMMENTS_DAYS (30).
 */
import { openDatabase } from '../src/server/storage/database.ts';
import { applyRetention } from '../src/server/storage/privacy.ts';

const days = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number of days (got "${process.env[name]}")`);
    process.exit(2);
  }
  return value;
};
const periods = {
  leadsDays: days('RETENTION_LEADS_DAYS', 730),
  spamDays: days('RETENTION_SPAM_DAYS', 30),
  unapprovedCommentsDays: days('RETENTION_UNAPPROVED_COMMENTS_DAYS', 30),
};
const db = openDatabase(process.env.DATA_DIR ?? './data');
console.log(`retention: removed ${JSON.stringify(applyRetention(db, periods))}`);
db.close();
