import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** What `astro:content-module-imports` resolves to: one lazy import per MDX entry (Astro 7.3). */
export const CONTENT_MODULES_FILE = /[\\/]\.astro[\\/]content-modules\.mjs$/;

/**
 * Compiles the articles' MDX once, for the prerendered pages only.
 *
 * Astro builds the on-demand server (the `ssr` Vite environment) from every module `astro:content` can reach,
 * and its `render()` reaches every MDX entry through `astro:content-module-imports`: so the server bundle
 * compiled all articles a second time (5.4 s of a 25.7 s build at 1,000 articles, the largest gap to a bare
 * Astro site), for code that never renders one: the comments fragment and the comments page read entries' data
 * only (`src/server/content.ts`). In that environment the map is empty: a `render()` there would log Astro's
 * "Unexpected error while rendering" and render nothing. `tests/build/output.test.ts` checks that no article is
 * compiled into `dist/server`, so it fails if an Astro upgrade renames the file (nothing else would break: the
 * build would only be slower again).
 */
export function prerenderOnlyMdx(): AstroIntegration {
  const plugin: Plugin = {
    name: 'segnalazione:prerender-only-mdx',
    // `astro dev` renders every page in the `ssr` environment: emptying the map there left `npm run dev` unable
    // to show any article ("Unexpected error while rendering", issue 13).
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    // A hook filter: the bundler calls this plugin for that one file, not for every module.
    load: { filter: { id: CONTENT_MODULES_FILE }, handler: () => 'export default new Map();' },
  };
  return {
    name: 'segnalazione:prerender-only-mdx',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
