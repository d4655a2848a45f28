import type { FunnelCount } from '../../lib/funnel/report.ts';
import type { FunnelHit } from '../../lib/funnel/events.ts';
import { num, type Db } from './db.ts';

/**
 * The test's anonymous funnel: one counter per day, test version, event, source article
 * and campaign. Nothing else is stored (no IP, no user agent, no time of day, no id), and
 * the same SQL counts exactly on SQLite and on PostgreSQL under concurrent hits.
 */
export class FunnelStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async hit(h: FunnelHit): Promise<void> {
    await this.db.run(
      `INSERT INTO funnel_counts (day, quiz_id, quiz_version, event, source, campaign, hits)
       VALUES (:day, :quiz_id, :quiz_version, :event, :source, :campaign, 1)
       ON CONFLICT (day, quiz_id, quiz_version, event, source, campaign) DO UPDATE SET hits = funnel_counts.hits + 1`,
      {
        day: h.day,
        quiz_id: h.quizId,
        quiz_version: h.quizVersion,
        event: h.event,
        source: h.source,
        campaign: h.campaign,
      },
    );
  }

  /** A test version's counters summed over the days from `from` to `to` (YYYY-MM-DD, both included). */
  async counts(quizId: string, quizVersion: string, from: string, to: string): Promise<FunnelCount[]> {
    const rows = await this.db.all(
      `SELECT event, source, campaign, SUM(hits) AS hits FROM funnel_counts
       WHERE quiz_id = :quiz_id AND quiz_version = :quiz_version AND day >= :from AND day <= :to
       GROUP BY event, source, campaign ORDER BY event, source, campaign`,
      { quiz_id: quizId, quiz_version: quizVersion, from, to },
    );
    return rows.map((r) => ({
      event: String(r.event),
      source: String(r.source),
      campaign: String(r.campaign),
      hits: num(r.hits),
    }));
  }
}
