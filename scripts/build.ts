/**
 * The site's build (`npm run build`, the publishing supervisor's releases, the container image, the tests):
 * `astro build` with the arguments given here (`--force`, `--outDir`), then the search index.
 *
 * Pagefind runs in its own process only once Astro's has exited. Astro's process peaks at the end of its pages
 * (~2.3 GB at 5,000 articles, of which V8's heap is ~1.2 GB and live data ~0.2 GB), and Pagefind needs ~0.75 GB
 * of its own there: indexing beside it, inside the build, made the build's peak the sum of both.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const args = process.argv.slice(2);
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const { values } = parseArgs({
  args,
  options: { outDir: { type: 'string' }, 'out-dir': { type: 'string' } },
  strict: false,
});
// Astro reads `--outDir` and `--out-dir` alike. The node adapter writes the public files under `client/`: the
// folder Pagefind indexes and the site serves.
const outDir = [values.outDir, values['out-dir']].find((v) => typeof v === 'string') ?? 'dist';
const site = path.resolve(String(outDir), 'client');

// Rolldown, Vite's bundler inside Astro's process, allocates with mimalloc, which by default commits memory ahead
// and keeps what is freed for a second before giving it back: a build's memory then peaks higher than it uses.
// Measured on 1,000 articles (5 alternating runs each): Astro's peak 1,138 → 985 MB, time within noise; the
// bench's peak ratio to a bare Astro site went 1.22× → 1.04× at 1,000 articles and 1.26× → 1.08× at 5,000.
// Set here only if not given, so either can still be tried from the command line.
const env = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '100', ...process.env };
const child = spawn(process.execPath, [astro, 'build', ...args], { stdio: 'inherit', env });
// Loaded while Astro builds, not before: Pagefind's module is ~0.2 s of start-up.
const indexer = import('../src/build/search-index.ts');
// Awaited after the build; this only keeps a failed load from ending the process as unhandled first.
indexer.catch(() => {});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGTERM', forward).on('SIGINT', forward);
const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
// From here a signal ends this process as it would any other: nothing is left to forward it to.
process.off('SIGTERM', forward).off('SIGINT', forward);
if (signal) process.exit(128 + constants.signals[signal]);
if (code !== 0) process.exit(code ?? 1);

try {
  const { pages, seconds, bytes } = await (await indexer).indexSearch(site);
  console.log(`[search] ${pages} pages indexed for search in ${seconds.toFixed(1)} s (${(bytes / 1e6).toFixed(1)} MB)`);
} catch (error) {
  console.error(`[search] ${(error as Error).message}`);
  process.exit(1);
}
