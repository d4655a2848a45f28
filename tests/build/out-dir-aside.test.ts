import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { outDirAside } from '../../src/integrations/out-dir-aside.ts';

/*
 * Astro's own emptying of the output folder is off (`emptyOutDir: false`) and this integration does it instead:
 * a stale page of the last build must never survive into the next one, and nothing may be left beside it.
 */

type Hooks = Required<AstroIntegration['hooks']>;

async function runBuildHooks(outDir: string) {
  const hooks = outDirAside().hooks as Hooks;
  let viteConfig: unknown;
  await hooks['astro:config:setup']({ command: 'build', updateConfig: (c: unknown) => (viteConfig = c) } as never);
  await hooks['astro:config:done']({ config: { outDir: pathToFileURL(outDir + path.sep) } } as never);
  await hooks['astro:build:start']({} as never);
  const during = existsSync(outDir) ? await readdir(outDir) : [];
  await hooks['astro:build:done']({} as never);
  return { viteConfig, during };
}

describe('the output folder of a build', () => {
  it('starts empty, and the last build and any leftover of a killed one are deleted by the end', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'sv-outdir-'));
    const outDir = path.join(parent, 'dist');
    await mkdir(path.join(outDir, 'blog', 'articolo-cancellato'), { recursive: true });
    await writeFile(path.join(outDir, 'blog', 'articolo-cancellato', 'index.html'), '<h1>vecchio</h1>');
    await mkdir(path.join(parent, '.dist-old-1-2', 'og'), { recursive: true });
    await mkdir(path.join(parent, 'altro'));

    const { viteConfig, during } = await runBuildHooks(outDir);

    expect(viteConfig).toEqual({ vite: { build: { emptyOutDir: false } } });
    expect(during).toEqual([]);
    expect(await readdir(parent)).toEqual(['altro']);
    await rm(parent, { recursive: true, force: true });
  });

  it('builds into a folder that does not exist yet (a new release)', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'sv-outdir-'));
    await runBuildHooks(path.join(parent, '20261130T120000'));
    expect(await readdir(parent)).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });

  it('leaves `astro dev` alone', async () => {
    let updated = false;
    const hooks = outDirAside().hooks as Hooks;
    await hooks['astro:config:setup']({ command: 'dev', updateConfig: () => (updated = true) } as never);
    expect(updated).toBe(false);
  });
});
