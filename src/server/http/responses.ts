import { escapeHtml } from '../../lib/notify/escape.ts';

/** A JSON answer. Error bodies carry an Italian `error` and never a stack trace. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** A small, self-contained Italian page: a title, a message and a way back. */
export function htmlPage(
  title: string,
  message: string,
  back = { href: '/test-gratuito/', label: 'Torna al test gratuito' },
): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} | Segnalazione Vincente</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1.25rem;line-height:1.6"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></body></html>`;
}

/** A small Italian HTML page for errors met by the plain form (no JavaScript). */
export function htmlError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
  back = { href: '/test-gratuito/', label: 'Torna al test gratuito' },
): Response {
  return new Response(htmlPage('Invio non riuscito', message, back), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * The answer of every on-demand route while the database cannot be opened: JSON for the
 * health check and JSON clients, a small page for browsers; 503 with a retry time.
 */
export function unavailable(path: string, request: Request): Response {
  const headers = { 'Retry-After': '60' };
  if (path === '/healthz') return json(503, { status: 'error', database: 'not writable' }, headers);
  const message = 'Il servizio non è disponibile in questo momento: riprova tra qualche minuto.';
  return (request.headers.get('accept') ?? '').includes('text/html')
    ? htmlError(503, message, headers, { href: '/', label: 'Torna al sito' })
    : json(503, { error: message }, headers);
}
