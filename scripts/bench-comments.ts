/**
 * Load on the comment endpoint of the built server (run `npm run build` first): distinct
 * valid comments (each from a new reader, so each is held for moderation) from 50
 * connections for BENCH_SECONDS, then the same load on the bare floor.
 */
import { benchEndpoint } from './bench/harness.ts';

await benchEndpoint({
  title: 'Comment endpoint',
  path: '/api/comments',
  table: 'comments',
  env: { COMMENTS_RATE_LIMIT: '1000000000', COMMENTS_FLOOD_SECONDS: '0', LEADS_MIN_FILL_SECONDS: '0' },
  async prepare(url) {
    const page = await (await fetch(`${url}/blog/definizione-di-networking/commenti/`)).text();
    const token = /name="start_token" value="([^"]+)"/.exec(page)![1];
    return (n) =>
      JSON.stringify({
        articolo: 'definizione-di-networking',
        nome: `Lettore ${n}`,
        email: `lettore.${n}@example.it`,
        commento: `Commento di carico numero ${n}: il networking va coltivato come un campo.`,
        privacy_version: '2026-11-29',
        start_token: token,
      });
  },
});
