import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { num, type Db } from '../storage/db.ts';

/**
 * A limit of `max` requests per client per window. Clients are keyed by an HMAC of their
 * address (an IPv4 address or an IPv6 /64), never the address itself: no IP address is
 * stored, in clear or otherwise, beyond the window.
 */
export interface RateLimiter {
  /** Counts a request; resolves to the seconds to wait when over the limit, or 0. */
  hit(client: string, now?: number): Promise<number>;
  /** The seconds to wait when the client is already at the limit, without counting a request; 0 otherwise. */
  blocked(client: string, now?: number): Promise<number>;
}

/** In this process's memory, with a key made at start-up and never stored: for one instance (SQLite). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly salt = createSecretKey(randomBytes(32));
  private readonly max: number;
  private readonly windowSeconds: number;

  constructor(max: number, windowSeconds: number) {
    this.max = max;
    this.windowSeconds = windowSeconds;
  }

  async hit(client: string, now = Date.now()): Promise<number> {
    const key = this.key(client);
    if (this.windows.size > 10_000) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowSeconds * 1000 });
      return 0;
    }
    window.count++;
    return window.count > this.max ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  async blocked(client: string, now = Date.now()): Promise<number> {
    const window = this.windows.get(this.key(client));
    return window && window.resetAt > now && window.count >= this.max ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  private key(client: string): string {
    return createHmac('sha256', this.salt).update(client).digest('base64url');
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * In the database, counted atomically by every instance (PostgreSQL's `UNLOGGED`
 * `rate_limits`: a crash forgets the counters, which is fine for limits). Windows are fixed
 * and aligned; the key is shared by the instances, so the HMAC is too.
 */
export class SharedRateLimiter implements RateLimiter {
  private readonly db: Db;
  private readonly bucket: string;
  private readonly max: number;
  private readonly windowMs: number;
  private readonly secret: KeyObject;

  constructor(db: Db, bucket: string, max: number, windowSeconds: number, secret: Buffer) {
    this.db = db;
    this.bucket = bucket;
    this.max = max;
    this.windowMs = windowSeconds * 1000;
    this.secret = createSecretKey(secret);
  }

  async hit(client: string, now = Date.now()): Promise<number> {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const row = await this.db.get(
      `INSERT INTO rate_limits (bucket, client, window_start, hits) VALUES (:bucket, :client, :start, 1)
       ON CONFLICT (bucket, client, window_start) DO UPDATE SET hits = rate_limits.hits + 1
       RETURNING hits`,
      { bucket: this.bucket, client: this.key(client), start: new Date(start).toISOString() },
    );
    return num(row?.hits) > this.max ? Math.ceil((start + this.windowMs - now) / 1000) : 0;
  }

  async blocked(client: string, now = Date.now()): Promise<number> {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const row = await this.db.get(
      'SELECT hits FROM rate_limits WHERE bucket = :bucket AND client = :client AND window_start = :start',
      { bucket: this.bucket, client: this.key(client), start: new Date(start).toISOString() },
    );
    return num(row?.hits) >= this.max ? Math.ceil((start + this.windowMs - now) / 1000) : 0;
  }

  private key(client: string): string {
    return createHmac('sha256', this.secret).update(`${this.bucket}:${client}`).digest('base64url');
  }
}

/** Forgets counters of windows long over (every instance may run it; it only deletes the past). */
export async function forgetOldWindows(db: Db, now = new Date()): Promise<number> {
  return db.run('DELETE FROM rate_limits WHERE window_start < :before', {
    before: new Date(now.getTime() - 86_400_000).toISOString(),
  });
}
