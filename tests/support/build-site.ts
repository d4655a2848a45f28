import { cp, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cleanEnv } from './clean-env.ts';
import { ROOT, TEST_BUILD, TEST_CONTENT, TEST_DIST } from './paths.ts';

/**
 * Vitest global setup: builds the site once, from a copy of `content/` plus the
 * draft and scheduled fixtures, for every build-output and browser test.
 * `REUSE_BUILD=1` skips the build when one exists (for quick local reruns).
 */
export default async function buildSite(): Promise<void> {
  // A lock left by an interrupted run would hold every later one.
  await rm(path.join(TEST_BUILD, 'astro-in-root.lock'), { recursive: true, force: true });
  if (process.env.REUSE_BUILD === '1' && existsSync(path.join(TEST_DIST, 'server', 'entry.mjs'))) return;
  await rm(TEST_BUILD, { recursive: true, force: true });
  await mkdir(TEST_BUILD, { recursive: true });
  await cp(path.join(ROOT, 'content'), TEST_CONTENT, { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/content'), TEST_CONTENT, { recursive: true });
  await writeSeries(path.join(TEST_CONTENT, 'articles'));

  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.ts'), '--force', '--outDir', TEST_DIST], {
    cwd: ROOT,
    env: cleanEnv({ CONTENT_ROOT: TEST_CONTENT, SITE_URL: 'https://www.segnalazionevincente.com' }),
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`the build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`test build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** More articles under one tag than a page holds, so the tag's pages paginate; older than every other fixture. */
export const SERIES = { tag: 'metodo', count: 11 };

function writeSeries(folder: string): Promise<void[]> {
  return Promise.all(
    Array.from({ length: SERIES.count }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return writeFile(
        path.join(folder, `serie-${n}.mdx`),
        `---
title: 'Il metodo, parte ${n}'
description: 'Uno degli articoli di prova sullo stesso argomento, tanti da riempire più di una pagina del tag.'
pubDate: 2024-01-${n}
tags: [${SERIES.tag}]
---

Parte ${n} della serie sul metodo.
`,
      );
    }),
  );
}
