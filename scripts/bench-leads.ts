/**
 * Load on the lead endpoint of the built server (run `npm run build` first): distinct
 * valid leads from 50 connections for BENCH_SECONDS (default 20), then the same load on a
 * bare node:http + node:sqlite floor.
 */
import { randomBytes } from 'node:crypto';
import { validLead } from '../tests/support/leads.ts';
import { benchEndpoint } from './bench/harness.ts';

await benchEndpoint({
  title: 'Lead endpoint',
  path: '/api/leads',
  table: 'leads',
  env: { LEADS_RATE_LIMIT: '1000000000', LEADS_MIN_FILL_SECONDS: '0' },
  async prepare(url) {
    const { token } = (await (await fetch(`${url}/api/leads/token`)).json()) as { token: string };
    return (n) => JSON.stringify(validLead({ startToken: token, idempotencyKey: randomBytes(16).toString('hex') }, n));
  },
});
