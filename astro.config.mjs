// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import node from '@astrojs/node';

const site = process.env.SITE_URL ?? 'https://www.segnalazionevincente.com';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  trailingSlash: 'always',
  // Content pages are prerendered; only the form endpoints opt out with `prerender = false`.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), preact(), sitemap()],
  build: {
    // Small stylesheets are inlined: one request less on every page.
    inlineStylesheets: 'auto',
  },
  server: {
    host: process.env.HOST ?? 'localhost',
    port: Number(process.env.PORT ?? 4321),
  },
});
