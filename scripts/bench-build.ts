/**
 * Build scaling: copies `content/` to `.bench-build/`, adds N synthetic Italian articles
 * (headings, lists, ~700 words, tags from a pool), builds, and prints seconds, ms per page
 * and peak memory for each N (BENCH_ARTICLES, default "1000,5000"), then the time ratio.
 */
import { cp, mkdir, rm, writeFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const sizes = (process.env.BENCH_ARTICLES ?? '1000,5000').split(',').map(Number);
const root = path.resolve('.bench-build');
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

function article(i: number): string {
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

${paragraph(0)}

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

function build(content: string, outDir: string): Promise<{ seconds: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', outDir],
      {
        env: { ...process.env, CONTENT_ROOT: content, NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    let peak = 0;
    // VmHWM: the process's peak resident memory, read while it runs (Linux).
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // finished
      }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`build failed (${code})`));
      else resolve({ seconds: (Date.now() - started) / 1000, peakMb: peak / 1024 });
    });
  });
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => String(e).endsWith('.html')).length;
}

const results: { n: number; pages: number; seconds: number; peakMb: number }[] = [];
try {
  for (const n of sizes) {
    const content = path.join(root, `content-${n}`);
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    await cp('content', content, { recursive: true });
    await Promise.all(
      Array.from({ length: n }, (_, i) => writeFile(path.join(content, 'articles', `prova-${i}.mdx`), article(i))),
    );
    const outDir = path.join(root, 'dist');
    const { seconds, peakMb } = await build(content, outDir);
    const pages = await countPages(path.join(outDir, 'client'));
    results.push({ n, pages, seconds, peakMb });
    console.log(
      `${String(n).padStart(5)} articles: ${pages} pages in ${seconds.toFixed(1)} s, ${((seconds * 1000) / pages).toFixed(1)} ms/page, peak ${peakMb.toFixed(0)} MB`,
    );
  }
  if (results.length === 2) {
    console.log(
      `time ratio ${results[1].n}/${results[0].n}: ${(results[1].seconds / results[0].seconds).toFixed(2)} (linear would be ${(results[1].n / results[0].n).toFixed(1)})`,
    );
  }
} finally {
  await rm(root, { recursive: true, force: true });
  // The content cache now describes the deleted copy: rebuild it from the project's own content.
  spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync', '--force'], { stdio: 'ignore' });
}
