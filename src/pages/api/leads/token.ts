import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { issueStartToken } from '../../../server/http/start-token.ts';
import { json } from '../../../server/http/responses.ts';

export const prerender = false;

/** A signed "test opened now" token for the island; it carries no data about the visitor. */
export const GET: APIRoute = async () =>
  json(200, { token: issueStartToken((await getRuntime()).signingKey, 'lead', Date.now()) });
