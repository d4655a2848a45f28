import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Served static and public: the script holds no secret; the page and its API are guarded.
import { EDITOR_SCRIPT_PATH } from '../lib/paths.ts';

const SOURCES = ['src/editor/editor.ts', 'src/lib/cms/config.ts', 'src/lib/cms/blocks.ts', 'package-lock.json'];
const CACHE = 'node_modules/.astro/editor';

/**
 * Bundles the web editor (Decap CMS from npm with React, our configuration and blocks) with esbuild into one
 * script in the build's client folder. ~7 s, so the result is kept under a hash of its sources and a build
 * that changed none of them copies it (~1.7 MB gzip, downloaded by the editor page only). `decap-cms-app` and
 * `esbuild` are dependencies, not devDependencies: `npm start` builds releases at run time, in the pruned
 * container too. A bundling failure leaves the editor out but never stops a publication.
 */
export function editorAssets(): AstroIntegration {
  return {
    name: 'segnalazione:editor-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const hash = createHash('sha256');
        for (const file of SOURCES) hash.update(await readFile(file));
        const cached = path.join(CACHE, `editor-${hash.digest('hex').slice(0, 16)}.js`);
        const exists = await stat(cached).then(
          () => true,
          () => false,
        );
        if (!exists) {
          try {
            const started = Date.now();
            const { build } = await import('esbuild');
            await build({
              entryPoints: ['src/editor/editor.ts'],
              bundle: true,
              minify: true,
              format: 'iife',
              outfile: cached,
              define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
              legalComments: 'none',
              logLevel: 'error',
            });
            logger.info(`editor bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          } catch (error) {
            // The site must still publish (scheduled articles, editor saves): only the editor is missing then.
            logger.error(`the web editor could not be bundled, /admin/redazione/ will not load: ${String(error)}`);
            return;
          }
        }
        const target = path.join(fileURLToPath(dir), ...EDITOR_SCRIPT_PATH.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(cached, target);
      },
    },
  };
}
