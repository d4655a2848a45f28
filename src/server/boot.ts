import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { htmlPage } from './http/responses.ts';
import { getConfig, getRuntime, StorageUnavailable } from './runtime.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { declaredBodyLimit } from './http/body-limits.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

declare global {
  var __segnalazioneBoot: boolean | undefined;
  var __segnalazioneServe: ((handler: Handler) => void) | undefined;
}

/**
 * Starts the process before it listens (called by the built entry, see
 * src/integrations/start-runtime-at-boot.ts): security headers on every response, then
 * configuration, database and outbox worker, so a bad setting stops it with a message.
 * The entry then hands its request handler to `serve`.
 */
export async function boot(): Promise<void> {
  const config = getConfig();
  installSecurityHeaders(config.trustProxy);
  try {
    await getRuntime();
  } catch (error) {
    // Logged by getRuntime; the static pages are served all the same.
    if (!(error instanceof StorageUnavailable)) throw error;
  }
  globalThis.__segnalazioneServe = (handler) => serve(handler);
}

const UNSUPPORTED = new Set(['TRACE', 'TRACK', 'CONNECT']);

/**
 * A body declared larger than any route takes, refused before anything reads it. The
 * body is read and thrown away while the answer goes out: closing with unread data would
 * reset the connection before the client (or the proxy in front, which would then show
 * a 502) reads this 413. A client still sending after a few seconds is cut off.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  const form = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const message = 'La richiesta è troppo grande (massimo 32 KB).';
  const cutOff = setTimeout(() => req.socket.destroy(), 5000).unref();
  req.once('end', () => clearTimeout(cutOff));
  req.resume();
  res.writeHead(413, {
    'Content-Type': form ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(
    form
      ? htmlPage('Invio non riuscito', message, { href: '/', label: 'Torna al sito' })
      : JSON.stringify({ error: message }),
  );
}

/** Idle keep-alive connections are closed after this (sent to clients in `Keep-Alive: timeout=5`). */
const KEEP_ALIVE_SECONDS = 5;

/** Seconds a stopping server waits for requests in flight before it closes their connections. */
const DRAIN_SECONDS = 10;

/**
 * Listens on HOST:PORT with the port shared (`reusePort`), so a new release can start
 * listening beside the old one before the old one stops: a publish loses no request.
 * SIGTERM (a container stop, a new release) stops taking connections, lets requests in
 * flight finish, stops the outbox worker and closes the database.
 */
function serve(handler: Handler): void {
  const { host, port } = getConfig().listen;
  const runtime = () => getRuntime().catch(() => null);
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, (req, res) => {
    // The adapter turns these into a WHATWG Request, which refuses them with a 500.
    if (UNSUPPORTED.has(req.method ?? '')) {
      res.writeHead(405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Metodo non consentito.');
      return;
    }
    // Handing over to a new release: each client is told to reconnect (to the new server) after this answer.
    if (handingOver) res.setHeader('Connection', 'close');
    if (Number(req.headers['content-length']) > declaredBodyLimit(req.url ?? '/')) return refuseTooLarge(req, res);
    handler(req, res);
  });
  server.keepAliveTimeout = KEEP_ALIVE_SECONDS * 1000;
  server.listen({ host, port, reusePort: true }, () => {
    const address = server.address();
    const where = typeof address === 'object' && address ? `${host}:${address.port}` : `${host}:${port}`;
    console.log(`[segnalazione] listening on http://${where}`);
    // Under the supervisor (npm start): the old release may stop now.
    process.send?.({ type: 'listening' });
  });
  let stopping = false;
  let handingOver = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[segnalazione] ${signal}: finishing requests in flight, then stopping`);
    void runtime().then((rt) => rt?.worker.stop());
    const exit = async () => {
      await (await runtime())?.close().catch(() => {});
      process.exit(0);
    };
    server.close(() => void exit());
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      void exit();
    }, DRAIN_SECONDS * 1000).unref();
  };
  // A new release listens beside this one: keep answering, with `Connection: close`, until every
  // client's idle keep-alive connection has expired (clients know the timeout), then stop. Closing
  // them at once would race a client sending on one and reset its request.
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'handover' || handingOver || stopping) return;
    handingOver = true;
    console.log('[segnalazione] a new release is online: handing over');
    setTimeout(() => stop('handover'), (KEEP_ALIVE_SECONDS + 1) * 1000);
  });
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // Under the supervisor: when it is gone (killed), this server must not hold the port forever.
  process.once('disconnect', () => stop('supervisor gone'));
}
