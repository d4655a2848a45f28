import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { readFile } from 'node:fs/promises';
import { sitemapEntry } from '../lib/seo/sitemap.ts';

/** Only public content: not the team area, nor the pages that answer a form. */
const PRIVATE = /\/(admin|test-gratuito\/(correggi|risultato))\//;

/**
 * `@astrojs/sitemap`, with each built page's own `<head>` deciding its entry: `noindex` pages (an article's
 * `head` override, the search page) are left out, articles carry `lastmod`.
 */
export function siteSitemap(): AstroIntegration[] {
  let client: URL;
  const builtHead = async (url: string) => {
    const { pathname } = new URL(url);
    const file = new URL(`.${pathname}${pathname.endsWith('/') ? 'index.html' : ''}`, client);
    const html = await readFile(file, 'utf8').catch(() => '');
    return html.slice(0, html.indexOf('</head>') + 1 || undefined);
  };
  return [
    {
      name: 'segnalazione:sitemap-pages',
      hooks: { 'astro:config:done': ({ config }) => void (client = config.build.client) },
    },
    sitemap({
      filter: (page) => !PRIVATE.test(new URL(page).pathname),
      serialize: async (item) => sitemapEntry(item, await builtHead(item.url)),
    }),
  ];
}
