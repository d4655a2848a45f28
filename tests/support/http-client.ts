import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The address the connection comes from (127.0.x.y: another client on loopback). */
  from?: string;
  /** For https: the name sent in TLS and in Host (the proxy's), while connecting to 127.0.0.1. */
  host?: string;
}

/**
 * One HTTP(S) request from a chosen source address, which `fetch` cannot do: each
 * 127.0.x.y is a different client to the proxy and the server. The proxy's own
 * certificate (Caddy's local CA) is accepted without being trusted system-wide.
 */
export function send(url: string, options: SendOptions = {}): Promise<Reply> {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  const make = https ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = make(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        localAddress: options.from,
        headers: { Host: options.host ? `${options.host}:${target.port}` : target.host, ...options.headers },
        ...(https && { servername: options.host ?? target.hostname, rejectUnauthorized: false }),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
