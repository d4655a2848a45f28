import { describe, it, expect, vi } from 'vitest';
import { fetchStartToken, sendLead, type SendResult } from '../../../src/lib/leads/send-lead.ts';

const NETWORK =
  'Non siamo riusciti a inviare i dati: controlla la connessione e riprova. Le tue risposte sono ancora qui.';
const stored = {
  id: 'lead-1',
  outcome: { id: 'alto', title: 'Alto', summary: 's', body: 'b' },
  score: { percent: 72 },
};

/** A fetch that answers `status` with `body` (a string is sent as it is, so it can be broken JSON). */
function answering(status: number, body: unknown) {
  return vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
  );
}

describe('sendLead', () => {
  it('posts the payload as JSON and asks for JSON back', async () => {
    const fetchImpl = answering(201, stored);
    await sendLead('/api/leads', { a: 1 }, fetchImpl as typeof fetch);
    expect(fetchImpl).toHaveBeenCalledWith('/api/leads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"a":1}',
    });
  });

  it.each<[string, number, unknown, SendResult]>([
    ['a stored lead', 201, stored, { kind: 'stored', response: stored }],
    ['a retry of a stored lead', 200, stored, { kind: 'stored', response: stored }],
    ['a success without an outcome', 200, { id: 'lead-1' }, { kind: 'failed', message: NETWORK }],
    ['an outcome with an error status', 500, stored, { kind: 'failed', message: NETWORK }],
    [
      'invalid fields',
      422,
      { error: 'Controlla il modulo.', errors: { email: 'Email non valida.' } },
      { kind: 'invalid', errors: { email: 'Email non valida.' }, message: 'Controlla il modulo.' },
    ],
    [
      'invalid fields without a general message',
      422,
      { errors: { email: 'Email non valida.' } },
      { kind: 'invalid', errors: { email: 'Email non valida.' }, message: 'Controlla i campi evidenziati.' },
    ],
    ['a 422 that is not JSON', 422, 'Unprocessable', { kind: 'failed', message: NETWORK }],
    ['a 422 without field errors', 422, { error: 'Dati non validi.' }, { kind: 'failed', message: 'Dati non validi.' }],
    ['field errors with another status', 400, { errors: { email: 'x' } }, { kind: 'failed', message: NETWORK }],
    [
      'too many submissions, with a message',
      429,
      { error: 'Riprova tra 30 s.' },
      { kind: 'failed', message: 'Riprova tra 30 s.' },
    ],
    [
      'too many submissions, without a body',
      429,
      'Too Many Requests',
      { kind: 'failed', message: 'Troppi invii ravvicinati: attendi un minuto e riprova.' },
    ],
    [
      'a client error with a message',
      400,
      { error: 'Richiesta non valida.' },
      { kind: 'failed', message: 'Richiesta non valida.' },
    ],
    ['a 413 with a message', 413, { error: 'Troppo grande.' }, { kind: 'failed', message: 'Troppo grande.' }],
    ['a 499 with a message', 499, { error: 'Chiusa.' }, { kind: 'failed', message: 'Chiusa.' }],
    ['a client error without a message', 400, {}, { kind: 'failed', message: NETWORK }],
    ['a client error that is not JSON', 404, '<h1>Not found</h1>', { kind: 'failed', message: NETWORK }],
    ['a server error with a message', 500, { error: 'Errore interno.' }, { kind: 'failed', message: NETWORK }],
    ['a 399 with a message', 399, { error: 'Strano.' }, { kind: 'failed', message: NETWORK }],
    ['a success that is not JSON', 200, 'ok', { kind: 'failed', message: NETWORK }],
  ])('%s (HTTP %i) → %j', async (_name, status, body, expected) => {
    expect(await sendLead('/api/leads', {}, answering(status, body) as typeof fetch)).toEqual(expected);
  });

  it('says the network failed when the request never reaches the server', async () => {
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await sendLead('/api/leads', {}, offline as typeof fetch)).toEqual({ kind: 'failed', message: NETWORK });
  });
});

describe('fetchStartToken', () => {
  it('asks <endpoint>/token, never from the cache', async () => {
    const fetchImpl = answering(200, { token: 'firmato' });
    expect(await fetchStartToken('/api/leads', fetchImpl as typeof fetch)).toBe('firmato');
    expect(fetchImpl).toHaveBeenCalledWith('/api/leads/token', { cache: 'no-store' });
  });

  it.each<[string, number, unknown]>([
    ['an error status, even with a token', 503, { token: 'firmato' }],
    ['a token that is not text', 200, { token: 42 }],
    ['no token', 200, {}],
    ['a body that is not JSON', 200, 'firmato'],
  ])('gives "" for %s', async (_name, status, body) => {
    expect(await fetchStartToken('/api/leads', answering(status, body) as typeof fetch)).toBe('');
  });

  it('gives "" offline', async () => {
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchStartToken('/api/leads', offline as typeof fetch)).toBe('');
  });
});
