/**
 * Build time against its floor: writes N synthetic Italian articles (headings, lists, ~700 words, tags from a
 * pool), then builds them in the project (with its own content) and in a bare Astro site the bench writes
 * itself (one content collection with the project's article schema, one page per article rendering the MDX in
 * a minimal layout: what Astro needs at the least for those pages), alternating runs, and prints medians of
 * wall time and peak memory (the whole process tree; a build run by a script of ours, sampled every 0.1 s) with
 * the ratios. A third site, the bare one with what issue 14 and the product ask of every build of this blog (the
 * node adapter the endpoints need, paginated lists and tag pages, Pagefind's index, Astro's incremental build for
 * a quick rebuild), built with the project's own build-wide speed-ups, says how much of the ratio those parts
 * take, and where the project stands against them. A first project build starts from an
 * empty share-card cache (it deletes `node_modules/.astro/share-images`) and is reported apart as "cold"; after
 * the timed runs one article is edited and the project rebuilt without `--force`.
 *
 * BENCH_ARTICLES: sizes, default "1000,5000". BENCH_RUNS: timed runs per site and size, default 5.
 * BENCH_LOG: a folder that keeps each build's output (Astro's own phase timings), for profiling.
 */
import { cp, mkdir, rm, writeFile, readdir, readFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const sizes = (process.env.BENCH_ARTICLES ?? '1000,5000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const logDir = process.env.BENCH_LOG ? path.resolve(process.env.BENCH_LOG) : undefined;
const ROOT = path.resolve('.');
const root = path.resolve('.bench-build');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
// The project is built as `npm run build` builds it: Astro, then the search index in its own process.
const BUILD = path.join(ROOT, 'scripts/build.ts');
const seed = readFileSync('content/articles/definizione-di-networking.mdx', 'utf8')
  .split('\n')
  .filter((line) => line.length > 80 && !line.startsWith('<') && !line.startsWith('#'))
  .flatMap((p) => p.split(/(?<=[.!?…])\s+/));
const tags = [
  'networking',
  'vendite',
  'relazioni',
  'imprenditoria',
  'segnalazioni',
  'marketing',
  'fiducia',
  'metodo',
  'territorio',
  'clienti',
];

function article(i: number, edit = ''): string {
  const pick = (k: number) => seed[(i * 7 + k * 13) % seed.length];
  const paragraph = (k: number) => Array.from({ length: 5 }, (_, j) => pick(k * 5 + j)).join(' ');
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return `---
title: 'Articolo di prova numero ${i}: relazioni che portano clienti'
description: 'Un articolo generato per misurare la build: paragrafi, titoli, elenchi e tag come un articolo vero.'
pubDate: 20${10 + (i % 15)}-${month}-${day}
tags: [${tags[i % tags.length]}, ${tags[(i * 3 + 1) % tags.length]}]
---

${paragraph(0)}${edit}

## Perché le relazioni contano

${paragraph(1)}

- ${pick(40)}
- ${pick(41)}
- ${pick(42)}

${paragraph(2)}

## Come si coltiva una rete

${paragraph(3)}

1. ${pick(50)}
2. ${pick(51)}

${paragraph(4)}

${paragraph(5)}
`;
}

/** The bare site: the same schema, one MDX page per article, a minimal layout, nothing else. */
const FLOOR_FILES: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ site: 'https://example.com', integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createArticleSchema } from '${path.join(ROOT, 'src/lib/content/article-schema.ts')}';
const articles = defineCollection({
  loader: glob({ pattern: 'prova-*.mdx', base: process.env.CONTENT_ROOT + '/articles' }),
  schema: ({ image }) => createArticleSchema(image),
});
export const collections = { articles };
`,
  'src/pages/blog/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
---
<html lang="it">
  <head><meta charset="utf-8" /><title>{article.data.title}</title></head>
  <body><main><h1>{article.data.title}</h1><Content /></main></body>
</html>
`,
};

/** Ten to a page, as `SITE.articlesPerPage`; newest first; a cache key per page for the incremental build. */
const LIST_PAGE = (heading: string) => `<html lang="it">
  <head><meta charset="utf-8" /><title>${heading}</title></head>
  <body><main><h1>${heading}</h1><ul>{page.data.map((a) => <li><a href={\`/blog/\${a.id}/\`}>{a.data.title}</a><p>{a.data.description}</p></li>)}</ul>
  {page.url.prev && <a href={page.url.prev}>Precedenti</a>} {page.url.next && <a href={page.url.next}>Successivi</a>}</main></body>
</html>
`;
const NEWEST_FIRST = `(await getCollection('articles')).sort((a, b) => b.data.pubDate.valueOf() - a.data.pubDate.valueOf())`;
const LIST_KEY = `cacheKey: path.props.page.data.map((a) => a.digest).join() + path.props.page.lastPage`;

/**
 * The bare site with what the issue and the product require of the build, and no page or code of ours: the node
 * adapter (the forms' endpoints), the blog and each tag paginated, Pagefind indexing the articles once Astro is
 * done, and the incremental build with a cache key per page. Built with what `scripts/build.ts` and the project's
 * config do for any site (four pages at a time, mimalloc tuned, the last output moved aside and deleted beside
 * the build, Pagefind loaded while Astro works), so that it is the least those parts cost as far as we know.
 */
const REQUIRED_FILES: Record<string, string> = {
  ...FLOOR_FILES,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
export default defineConfig({
  site: 'https://example.com',
  integrations: [mdx()],
  adapter: node({ mode: 'standalone' }),
  experimental: { incrementalBuild: true },
  build: { concurrency: 4 },
});
`,
  'src/pages/blog/[slug].astro': FLOOR_FILES['src/pages/blog/[slug].astro']
    .replace('props: { article } }', 'props: { article }, cacheKey: article.digest }')
    .replace('<main>', '<main data-pagefind-body>'),
  'src/pages/blog/[...page].astro': `---
import { getCollection } from 'astro:content';
export async function getStaticPaths({ paginate }) {
  return paginate(${NEWEST_FIRST}, { pageSize: 10 }).map((path) => ({ ...path, ${LIST_KEY} }));
}
const { page } = Astro.props;
---
${LIST_PAGE('Articoli')}`,
  'src/pages/blog/tag/[tag]/[...page].astro': `---
import { getCollection } from 'astro:content';
export async function getStaticPaths({ paginate }) {
  const articles = ${NEWEST_FIRST};
  return [...new Set(articles.flatMap((a) => a.data.tags))].flatMap((tag) =>
    paginate(articles.filter((a) => a.data.tags.includes(tag)), { params: { tag }, pageSize: 10 }).map((path) => ({
      ...path,
      ${LIST_KEY},
    })),
  );
}
const { page } = Astro.props;
const { tag } = Astro.params;
---
${LIST_PAGE('Articoli su {tag}')}`,
  'build.mjs': `import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
const args = process.argv.slice(2);
const out = args[args.indexOf('--outDir') + 1];
const aside = out + '-old';
await rm(aside, { recursive: true, force: true });
const moved = await rename(out, aside).then(() => true, () => false);
const deleting = moved && rm(aside, { recursive: true, force: true });
const env = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '100', ...process.env };
const astro = spawn(process.execPath, [${JSON.stringify(ASTRO)}, 'build', ...args], { stdio: 'inherit', env });
const pagefind = import('pagefind');
const [code] = await once(astro, 'close');
if (code !== 0) process.exit(code ?? 1);
const { close, createIndex } = await pagefind;
const { index } = await createIndex({ forceLanguage: 'it' });
const site = path.join(out, 'client');
const added = await index.addDirectory({ path: site });
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
await close();
await deleting;
if (added.page_count === 0 || added.errors.length || written.errors.length) process.exit(1);
`,
};

interface Run {
  seconds: number;
  peakMb: number;
  /** User and system CPU seconds of the build and every process under it: steadier than wall time when another
   * job shares the machine. */
  cpuSeconds: number;
  /** Pages Astro copied from its last build instead of rendering (`(cached)`, `(restored)` in its log). */
  reused: number;
}

/** CPU seconds a process has used itself, all its threads (Linux /proc, 100 ticks a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Resident memory of a process and all its descendants, in kB, and each one's CPU seconds so far (Linux /proc).
 * CPU is summed per process seen, not read from the root's reaped children: Pagefind's binary is never reaped
 * by the build that started it, which ends first.
 */
function tree(pid: number, cpu: Map<number, number>): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      cpu.set(p, cpuSeconds(p));
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(' ').map(Number));
      }
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** A site the bench builds: its folder, the script that builds it, where the build goes, where its pages land. */
interface Site {
  cwd: string;
  command: string[];
  out: string;
  pages: string;
}

function build({ cwd, command, out }: Site, content: string, label: string, force = true): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const args = [...command, ...(force ? ['--force'] : []), '--outDir', out];
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, CONTENT_ROOT: content, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    let peak = 0;
    const cpu = new Map<number, number>();
    const poll = setInterval(() => {
      try {
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, hwm, tree(child.pid!, cpu));
      } catch {
        // finished
      }
    }, 100);
    child.on('exit', async (code) => {
      clearInterval(poll);
      if (logDir) await writeFile(path.join(logDir, `${label}.log`), log);
      if (code !== 0) reject(new Error(`${label}: build failed (${code})\n${log.slice(-3000)}`));
      else {
        const cpuTotal = [...cpu.values()].reduce((a, b) => a + b, 0);
        // Astro colours these words when it thinks it writes to a terminal (FORCE_COLOR).
        const reused = stripVTControlCharacters(log).match(/ \((?:cached|restored)\)/g)?.length ?? 0;
        resolve({ seconds: (Date.now() - started) / 1000, peakMb: peak / 1024, cpuSeconds: cpuTotal, reused });
      }
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => String(e).endsWith('.html')).length;
}

const fmt = (r: Run) => `${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s), ${r.peakMb.toFixed(0)} MB`;

const medians = (list: Run[]) => ({
  seconds: median(list.map((r) => r.seconds)),
  peakMb: median(list.map((r) => r.peakMb)),
  cpuSeconds: median(list.map((r) => r.cpuSeconds)),
});
type Medians = ReturnType<typeof medians>;
const ratio = (a: number, b: number) => `**${(a / b).toFixed(2)}×**`;
/** Time, CPU and memory of `a` against `b`: "a / b | ratio" three times. */
const against = (a: Medians, b: Medians) =>
  `${a.seconds.toFixed(1)} s / ${b.seconds.toFixed(1)} s | ${ratio(a.seconds, b.seconds)} | ` +
  `${a.cpuSeconds.toFixed(1)} s / ${b.cpuSeconds.toFixed(1)} s | ${ratio(a.cpuSeconds, b.cpuSeconds)} | ` +
  `${a.peakMb.toFixed(0)} MB / ${b.peakMb.toFixed(0)} MB | ${ratio(a.peakMb, b.peakMb)}`;

try {
  if (logDir) await mkdir(logDir, { recursive: true });
  const rows: string[] = [];
  const requiredRows: string[] = [];
  for (const n of sizes) {
    await rm(root, { recursive: true, force: true });
    const content = path.join(root, `content-${n}`);
    await cp('content', content, { recursive: true });
    await Promise.all(
      Array.from({ length: n }, (_, i) => writeFile(path.join(content, 'articles', `prova-${i}.mdx`), article(i))),
    );
    for (const [folder, files] of [
      ['floor', FLOOR_FILES],
      ['required', REQUIRED_FILES],
    ] as const) {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(root, folder, file)), { recursive: true });
        await writeFile(path.join(root, folder, file), text);
      }
    }
    const dist = (name: string) => path.join(root, name);
    const ours: Site = { cwd: ROOT, command: [BUILD], out: dist('dist'), pages: dist('dist/client') };
    const bare: Site = {
      cwd: dist('floor'),
      command: [ASTRO, 'build'],
      out: dist('floor-dist'),
      pages: dist('floor-dist'),
    };
    const required: Site = {
      cwd: dist('required'),
      command: ['build.mjs'],
      out: dist('required-dist'),
      pages: dist('required-dist/client'),
    };

    // The cold run starts from an empty share-card cache, as a fresh clone does.
    await rm(path.join(ROOT, 'node_modules/.astro/share-images'), { recursive: true, force: true });
    const cold = await build(ours, content, `project-${n}-cold`);
    console.log(`${n} articles, project, cold share-image cache: ${fmt(cold)}`);
    const project: Run[] = [];
    const floorRuns: Run[] = [];
    const requiredRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternating, so a slow minute on a shared machine hits every site alike.
      const a = await build(ours, content, `project-${n}-${i}`);
      const b = await build(bare, content, `floor-${n}-${i}`);
      const c = await build(required, content, `required-${n}-${i}`);
      project.push(a);
      floorRuns.push(b);
      requiredRuns.push(c);
      console.log(`${n} articles, run ${i + 1}: project ${fmt(a)}; floor ${fmt(b)}; floor with the required ${fmt(c)}`);
    }
    const [pages, floorPages, requiredPages] = await Promise.all(
      [ours, bare, required].map((s) => countPages(s.pages)),
    );

    const edited = path.join(content, 'articles', 'prova-0.mdx');
    await writeFile(edited, article(0, ' Una frase aggiunta dopo la pubblicazione.'));
    const rebuild = await build(ours, content, `project-${n}-rebuild`, false);
    // Astro 7.3.5 copies the unchanged pages only some of the time (withastro/astro#17615): say whether it did.
    console.log(
      `${n} articles, project rebuilt after editing one article (no --force): ${fmt(rebuild)}, ` +
        `${rebuild.reused} pages copied from the last build`,
    );
    const edit = await readFile(path.join(ours.pages, 'blog/prova-0/index.html'), 'utf8');
    if (!edit.includes('Una frase aggiunta')) throw new Error('the rebuild did not pick up the edit');

    const p = medians(project);
    const f = medians(floorRuns);
    const r = medians(requiredRuns);
    rows.push(
      `| ${n} | ${pages} / ${floorPages} | ${against(p, f)} | ${cold.seconds.toFixed(1)} s | ` +
        `${rebuild.seconds.toFixed(1)} s |`,
    );
    requiredRows.push(`| ${n} | ${requiredPages} | ${against(r, f)} | ${against(p, r)} |`);
  }
  console.log(`\nMedians of ${runs} alternating runs (project / bare Astro floor):\n`);
  console.log(
    '| articles | pages | time | ratio | CPU time | ratio | peak memory | ratio | cold image cache | rebuild, 1 edit |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(
    '\nThe bare floor with what the issue and the product require (adapter, paginated lists and tags, Pagefind, ' +
      "incremental build) and the project's build-wide speed-ups, against the bare floor, and the project against it:\n",
  );
  console.log(
    '| articles | its pages | time, with the required / bare | ratio | CPU time | ratio | peak memory | ratio | ' +
      'time, project / with the required | ratio | CPU time | ratio | peak memory | ratio |',
  );
  console.log(`|${' --- |'.repeat(14)}`);
  for (const row of requiredRows) console.log(row);
} finally {
  await rm(root, { recursive: true, force: true });
  // The content cache now describes the deleted copy: rebuild it from the project's own content.
  spawnSync(process.execPath, [ASTRO, 'sync', '--force'], { stdio: 'ignore' });
}
