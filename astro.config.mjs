// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { startRuntimeAtBoot } from './src/integrations/start-runtime-at-boot.ts';
import { prerenderOnlyMdx } from './src/integrations/prerender-only-mdx.ts';
import { siteSitemap } from './src/integrations/sitemap.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { contentErrors } from './src/integrations/content-errors.ts';
import { outDirAside } from './src/integrations/out-dir-aside.ts';
import { preactJsxNative } from './src/integrations/preact-jsx-native.ts';
import { editorAssets } from './src/integrations/editor-assets.ts';
import { readBuildSettings } from './src/server/settings.ts';
import { ADAPTER_BODY_LIMIT } from './src/server/http/body-limits.ts';

const settings = readBuildSettings();

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: settings.SITE_URL,
  // Pages are linked with a trailing slash; endpoints (`/api/leads`) are reached without one.
  trailingSlash: 'ignore',
  // Content pages are prerendered; only the form endpoints opt out with `prerender = false`.
  output: 'static',
  // The adapter's own ceiling; every on-demand route has the gate's smaller limit (src/server/http/gate.ts).
  adapter: node({ mode: 'standalone', bodySizeLimit: ADAPTER_BODY_LIMIT }),
  integrations: [
    // First: a wrong content file stops the build (or fills the dev preview) with an Italian message.
    contentErrors(),
    outDirAside(),
    mdx(),
    // Preact components are .tsx files. Without `include`, @preact/preset-vite runs Babel over every .ts and .js
    // file of the project in each of the three Vite builds (~2 s of a 1,000-article build), for a JSX transform
    // Vite does anyway.
    preact({ include: ['**/*.tsx'] }),
    ...siteSitemap(),
    startRuntimeAtBoot(),
    prerenderOnlyMdx(),
    shareCards(),
    editorAssets(),
  ],
  security: {
    // Astro compares Origin with the URL it builds, which says http:// behind a TLS proxy, so every
    // form would be refused there; the gate checks Origin against SITE_URL and the trusted forwarded origin.
    checkOrigin: false,
    // `allowedDomains` stays unset: in Astro 7.3 its only effect on this adapter is to believe
    // X-Forwarded-For from any client whose Host matches. The gate believes TRUST_PROXY peers only.
    // Hashed CSP: every script and style Astro renders is allowed by its hash, nothing inline
    // beyond that. Inline style *attributes* stay allowed: comment avatars take their hue from one.
    csp: {
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  experimental: {
    // An article page whose `cacheKey` (pages/blog/[slug].astro), code and MDX are unchanged is copied from the
    // last build instead of rendered (not with `--force`): a rebuild after one edit renders one article.
    incrementalBuild: true,
  },
  build: {
    // Every page inlines its stylesheet (one global sheet plus its components' scoped styles, a few KB): one
    // request less, and no page turns into two requests when its CSS grows past Vite's 4 KB inline limit.
    inlineStylesheets: 'always',
    // Four pages rendered at a time: one at a time, the build waited ~45 % of page generation on its own file
    // writes and on the CSP hashes (profile of a 1,000-article build).
    concurrency: 4,
  },
  env: {
    // The one setting the browser needs; every other one is read by `src/server/settings.ts`.
    schema: {
      PUBLIC_LEADS_ENDPOINT: envField.string({
        context: 'client',
        access: 'public',
        default: settings.PUBLIC_LEADS_ENDPOINT,
      }),
    },
  },
  vite: {
    build: {
      // Page scripts stay files under /_astro/ (served by 'self'), never inlined: Astro adds the hash of every
      // inline script of any component to the CSP of every page, and the article pages live within 10 KB.
      // Other assets keep Vite's own 4 KB rule (undefined).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        // Rolldown warns, with a code frame, that it may drop the directive Astro's MDX compiler puts atop every
        // article ("use astro:head-inject"): Astro reads it before bundling, so nothing is lost. One warning per
        // article buried every real one in a build's output.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
    plugins: [preactJsxNative()],
  },
  server: { host: settings.HOST, port: settings.PORT },
  // The toolbar covered the bottom of the page in the marketers' preview (issue 13); nobody here used it.
  devToolbar: { enabled: false },
});
