import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The status the receiver answered. */
  status: number;
}

/**
 * A webhook receiver on loopback. `failNext(n)` makes it answer 503 to the next n
 * deliveries (a CRM that is down); `close()` and `listen()` take it off and back on its port.
 */
export async function startWebhookReceiver(port = 0) {
  const deliveries: Delivery[] = [];
  let failures = 0;
  let server: Server;
  const listen = (onPort: number) =>
    new Promise<number>((resolve) => {
      server = createServer((req, res) => {
        req.on('error', () => {}); // a sender killed mid-request
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const status = failures > 0 ? 503 : 200;
          if (failures > 0) failures--;
          deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
          res.writeHead(status).end();
        });
      });
      server.listen(onPort, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const boundPort = await listen(port);
  return {
    url: `http://127.0.0.1:${boundPort}/hook`,
    port: boundPort,
    deliveries,
    /** Deliveries the receiver acknowledged with a 2xx. */
    accepted: () => deliveries.filter((d) => d.status < 300),
    failNext: (n: number) => (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    listen: () => listen(boundPort),
  };
}
