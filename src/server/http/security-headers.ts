import { getBuiltinModule } from 'node:process';
import { clientOf, type TrustProxy } from '../../lib/http/forwarded.ts';

/**
 * The headers every response of the Node server carries, static files included:
 * no MIME sniffing, no framing, a strict referrer, no camera/microphone/geolocation,
 * HSTS when the request came over HTTPS, and HTML revalidated on each visit (hashed
 * assets are cached for a year by the adapter).
 */
export function securityHeaders(https: boolean, contentType: string | undefined): [string, string][] {
  const headers: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
    ['X-Frame-Options', 'DENY'],
    ['Content-Security-Policy', "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"],
  ];
  if (https) headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  if (contentType?.startsWith('text/html')) headers.push(['Cache-Control', 'no-cache']);
  return headers;
}

let installed = false;

/**
 * Adds `securityHeaders` to every response the process writes, unless a response set
 * its own value. The adapter serves static files before Astro's middleware runs, so this
 * is the one place that reaches them; it is installed once, at start-up.
 */
export function installSecurityHeaders(trust: TrustProxy): void {
  if (installed) return;
  installed = true;
  const http = getBuiltinModule('node:http') as typeof import('node:http');
  const writeHead = http.ServerResponse.prototype.writeHead;
  http.ServerResponse.prototype.writeHead = function (this: import('node:http').ServerResponse, ...args: unknown[]) {
    const req = this.req;
    const header = (name: string) => {
      const value = req?.headers[name];
      return Array.isArray(value) ? value.join(',') : (value ?? null);
    };
    // HTTPS as the browser sees it: X-Forwarded-Proto counts only from a trusted proxy.
    const { https } = clientOf(
      {
        peer: req?.socket?.remoteAddress ?? '',
        encrypted: Boolean((req?.socket as { encrypted?: boolean } | undefined)?.encrypted),
        host: header('host'),
        forwardedFor: null,
        forwardedProto: header('x-forwarded-proto'),
        forwardedHost: null,
      },
      trust,
    );
    const headerArg = args.find((a) => a && typeof a === 'object') as Record<string, unknown> | undefined;
    const type = String(
      this.getHeader('content-type') ?? headerArg?.['content-type'] ?? headerArg?.['Content-Type'] ?? '',
    );
    for (const [name, value] of securityHeaders(https, type)) {
      const inArgs = headerArg && Object.keys(headerArg).some((k) => k.toLowerCase() === name.toLowerCase());
      if (!this.hasHeader(name) && !inArgs) this.setHeader(name, value);
      // Astro sends its own hashed CSP on pages rendered on request: ours is added to it, not dropped.
      else if (name === 'Content-Security-Policy') {
        const key = headerArg && Object.keys(headerArg).find((k) => k.toLowerCase() === 'content-security-policy');
        const current = String(key ? headerArg![key] : this.getHeader(name));
        if (!current.includes('frame-ancestors')) {
          if (key) headerArg![key] = `${current}; ${value}`;
          else this.setHeader(name, `${current}; ${value}`);
        }
      }
    }
    return (writeHead as (...a: unknown[]) => import('node:http').ServerResponse).apply(this, args);
  } as typeof writeHead;
}
