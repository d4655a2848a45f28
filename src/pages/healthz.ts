import type { APIRoute } from 'astro';
import { getRuntime } from '../server/runtime.ts';
import { json } from '../server/http/responses.ts';
import { databaseWritable } from '../server/storage/health.ts';

export const prerender = false;

/** For the container's HEALTHCHECK and the proxy: no personal data, no rate limit. */
export const GET: APIRoute = async () =>
  (await databaseWritable((await getRuntime()).db))
    ? json(200, { status: 'ok', database: 'writable' })
    : json(503, { status: 'error', database: 'not writable' }, { 'Retry-After': '10' });
