/**
 * The team area at 20,000 leads (run `npm run build` first): the bytes and server time of
 * the leads list (first page, a search, a deep filtered page), the summary and a lead's
 * page, each against a static file served by the same server as the floor; then the
 * public site's latency alone and while two team members keep searching the list.
 * BENCH_LEADS (20000), BENCH_SECONDS (20), BENCH_ENGINES (sqlite,postgres).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { engines, row, seconds, start } from './bench/harness.ts';
import { startCluster, createDatabase } from '../tests/support/postgres.ts';
import { seedLeads } from '../tests/support/seed-leads.ts';
import { openDb } from '../src/server/storage/open.ts';

const LEADS = Number(process.env.BENCH_LEADS ?? 20_000);
const PASSWORD = 'password-del-banco-di-prova';
const entry = path.resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

/** Sequential GETs (after 3 to warm up): median and 95th percentile in ms, and the body's bytes. */
async function timeGet(url: string, cookie: string, times = 40) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times + 3; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 3) ms.push(performance.now() - started);
    bytes = body.byteLength;
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)], bytes };
}

const cluster = engines.includes('postgres') ? startCluster() : null;
try {
  for (const engine of engines) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sv-bench-admin-'));
    try {
      const databaseUrl = cluster && engine === 'postgres' ? await createDatabase(cluster.url()) : undefined;
      const db = await openDb({ dataDir: dir, databaseUrl });
      await seedLeads(db, LEADS);
      await db.close();
      const site = await start([entry], {
        DATA_DIR: dir,
        ...(databaseUrl && { DATABASE_URL: databaseUrl }),
        ADMIN_PASSWORD: PASSWORD,
      });
      const signIn = await fetch(`${site.url}/admin/accesso/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: site.url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ utente: 'admin', password: PASSWORD }).toString(),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];

      console.log(`\nTeam area with ${LEADS.toLocaleString('it-IT')} leads on ${engine}, Node ${process.version}`);
      const floor = await timeGet(`${site.url}/robots.txt`, cookie);
      console.log(`floor: a static file from the same server, median ${floor.median.toFixed(1)} ms`);
      for (const [name, p] of [
        ['list, first page', '/admin/contatti/'],
        ['list, a search', '/admin/contatti/?q=giulia+rossi+12340'],
        ['list, filtered, page 20', '/admin/contatti/?stato=meeting&ordine=punteggio&pagina=20'],
        ['list, follow-ups due', '/admin/contatti/?ricontatto=oggi'],
        ['summary', '/admin/'],
        ['a lead', '/admin/contatti/seed-12345/'],
      ]) {
        const t = await timeGet(site.url + p, cookie);
        console.log(
          `${name.padEnd(26)} ${(t.bytes / 1024).toFixed(1).padStart(6)} KB   median ${t.median.toFixed(1).padStart(6)} ms   p95 ${t.p95.toFixed(1).padStart(6)} ms   ${(t.median / floor.median).toFixed(1)}× the floor`,
        );
      }

      // The public site alone, then while two team members keep searching the list.
      const publicLoad = () =>
        autocannon({ url: `${site.url}/blog/definizione-di-networking/`, connections: 10, duration: seconds / 2 });
      const alone = await publicLoad();
      let working = true;
      let rendered = 0;
      const teamMember = async () => {
        for (let i = 0; working; i++) {
          const res = await fetch(`${site.url}/admin/contatti/?q=rossi&pagina=${(i % 20) + 1}`, {
            headers: { Cookie: cookie },
          });
          await res.arrayBuffer();
          rendered++;
        }
      };
      const team = [teamMember(), teamMember()];
      const busy = await publicLoad();
      working = false;
      await Promise.all(team);
      console.log(row('article page, alone', alone));
      console.log(row('article page, team busy', busy));
      console.log(
        `while busy the team rendered ${rendered} list pages (${(rendered / (seconds / 2)).toFixed(1)}/s); ` +
          `public p99 ${alone.latency.p99} → ${busy.latency.p99} ms`,
      );
      site.child.kill();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  cluster?.stop();
}
