import type { AuditEntry } from '../../lib/accounts/audit.ts';
import { num, optional, type Db, type Row } from './db.ts';

export class AuditStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async record(entry: Omit<AuditEntry, 'at'>, now = new Date()): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_log (at, actor, action, target, detail) VALUES (:at, :actor, :action, :target, :detail)',
      {
        at: now.toISOString(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        detail: JSON.stringify(entry.detail),
      },
    );
  }

  /** Newest first, a page at a time. */
  async page(page: number, pageSize = 100): Promise<{ total: number; entries: AuditEntry[] }> {
    const total = num((await this.db.get('SELECT COUNT(*) AS n FROM audit_log'))?.n);
    const rows = await this.db.all('SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit OFFSET :offset', {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { total, entries: rows.map(toEntry) };
  }

  /** Everything, oldest first, for the CSV export. */
  async all(): Promise<AuditEntry[]> {
    return (await this.db.all('SELECT * FROM audit_log ORDER BY id')).map(toEntry);
  }
}

function toEntry(r: Row): AuditEntry {
  return {
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    target: optional(r.target),
    detail: JSON.parse(String(r.detail)),
  };
}
