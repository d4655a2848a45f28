import type { APIContext, MiddlewareNext } from 'astro';
import { clientOf } from '../../lib/http/forwarded.ts';
import { clientKey } from '../../lib/http/ip.ts';
import type { Runtime } from '../runtime.ts';
import { readBody, BodyTooLarge, BodyTooSlow } from './read-body.ts';
import { json, htmlError } from './responses.ts';
import { declaredBodyLimit, MAX_BODY_BYTES } from './body-limits.ts';
import { SESSION_COOKIE } from '../admin/constants.ts';

const SAFE = new Set(['GET', 'HEAD']);

/** What the gate learnt of a request, for the routes after it. */
export interface RequestInfo {
  /** The client, behind trusted proxies (TRUST_PROXY) only. */
  client: { address: string; https: boolean; origin: string; key: string };
  /** The body, read once within the limits (empty for GET). */
  body: string;
  /** The body as form fields when it is a urlencoded form (empty otherwise). */
  form: URLSearchParams;
}

const isForm = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase() ===
  'application/x-www-form-urlencoded';

/**
 * The door of every on-demand request, before any route reads or parses anything: who
 * the client is (through trusted proxies only), which methods exist, whether a state
 * change comes from this site (Origin: Astro's own check cannot see the scheme behind a
 * TLS proxy, so it is off and this one replaces it), and the body, read once with a size
 * limit and a deadline so no route can be made to buffer 200 MB or wait for a trickle.
 */
export async function gate(context: APIContext, next: MiddlewareNext, rt: Runtime): Promise<Response> {
  const { request } = context;
  // A rewrite runs the middleware again with the same locals: the body was read already.
  if (context.locals.request) return next();
  const client = clientOf(
    {
      peer: context.clientAddress,
      encrypted: context.url.protocol === 'https:',
      host: request.headers.get('host'),
      forwardedFor: request.headers.get('x-forwarded-for'),
      forwardedProto: request.headers.get('x-forwarded-proto'),
      forwardedHost: request.headers.get('x-forwarded-host'),
    },
    rt.config.trustProxy,
  );
  const info: RequestInfo = {
    client: { ...client, key: clientKey(client.address) },
    body: '',
    form: new URLSearchParams(),
  };
  if (SAFE.has(request.method)) {
    context.locals.request = info;
    return next();
  }
  const form = isForm(request);
  const fail = (status: number, message: string, headers: Record<string, string> = {}) =>
    form
      ? htmlError(status, message, headers, { href: '/', label: 'Torna al sito' })
      : json(status, { error: message }, headers);

  const origin = request.headers.get('origin');
  // No Origin at all is a server-side client: CSRF needs a browser, and browsers send it on every POST.
  if (origin !== null && origin !== client.origin && origin !== rt.config.siteUrl.origin)
    return fail(403, 'Richiesta da un sito non autorizzato.');
  // Other methods are the routes' to refuse (405); their bodies are never read.
  if (request.method !== 'POST') {
    context.locals.request = info;
    return next();
  }
  // Only a signed-in editor may send the editor's large bodies (images): nobody else makes the server buffer them.
  const large = declaredBodyLimit(context.url.pathname) > MAX_BODY_BYTES;
  const limit =
    large && (await rt.sessions.find(context.cookies.get(SESSION_COOKIE)?.value))
      ? declaredBodyLimit(context.url.pathname)
      : MAX_BODY_BYTES;
  try {
    // Read from a copy: a plain form may be shown again through a rewrite, which needs the original unread.
    info.body = await readBody(request.clone(), limit, rt.config.bodyTimeoutSeconds * 1000);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // The rest is read and thrown away (the adapter stops at its own 16 MiB ceiling): closing with unread
      // data would reset the connection before the client reads this answer.
      request.body?.pipeTo(new WritableStream()).catch(() => {});
      return fail(413, `La richiesta è troppo grande (massimo ${Math.round(limit / 1024)} KB).`);
    }
    // A trickling client is cut off: the connection is closed rather than reused with its leftovers.
    if (error instanceof BodyTooSlow)
      return fail(408, 'La richiesta è arrivata troppo lentamente: riprova.', { Connection: 'close' });
    return fail(400, 'La richiesta non è stata ricevuta per intero: riprova.');
  }
  if (form) info.form = new URLSearchParams(info.body);
  // Astro 7.3 serves its server-island endpoint even on a site with no island (this one), and answers 500 to a
  // JSON body that is not an object (`null`): refuse it here.
  if (context.url.pathname.startsWith('/_server-islands/') && !isJsonObject(info.body))
    return fail(400, 'Richiesta non valida.');
  context.locals.request = info;
  return next();
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
