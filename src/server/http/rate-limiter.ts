import { createHmac, randomBytes } from 'node:crypto';

/**
 * A fixed-window counter per client, in memory. Clients are keyed by an HMAC of their
 * address with a key made at start-up and never stored: no IP address is kept, in clear
 * or otherwise, beyond the window.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly salt = randomBytes(32);

  private readonly max: number;
  private readonly windowSeconds: number;

  constructor(max: number, windowSeconds: number) {
    this.max = max;
    this.windowSeconds = windowSeconds;
  }

  /** Counts a request; returns the seconds to wait when over the limit, or 0. */
  hit(client: string, now = Date.now()): number {
    const key = createHmac('sha256', this.salt).update(client).digest('base64url');
    if (this.windows.size > 10_000) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowSeconds * 1000 });
      return 0;
    }
    window.count++;
    return window.count > this.max ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  /** The seconds to wait when the client is already over the limit, without counting a request; 0 otherwise. */
  blocked(client: string, now = Date.now()): number {
    const window = this.windows.get(createHmac('sha256', this.salt).update(client).digest('base64url'));
    return window && window.resetAt > now && window.count >= this.max ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
