import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { readBuiltHead } from '../build/built-head.ts';
import { inParallel } from '../build/in-parallel.ts';
import { sitemapEntry, sitemapFacts, type SitemapFacts } from '../lib/seo/sitemap.ts';

/** Only public content: not the team area, nor the pages that answer a form. */
const PRIVATE = /\/(admin|test-gratuito\/(correggi|risultato))\//;
/** Heads read at a time. */
const READING = 16;

/**
 * `@astrojs/sitemap`, with each built page's own `<head>` deciding its entry: `noindex` pages (an article's
 * `head` override, the search page) are left out, articles carry `lastmod`.
 */
export function siteSitemap(): AstroIntegration[] {
  let client: URL;
  const file = (pathname: string) => new URL(`.${pathname}${pathname.endsWith('/') ? 'index.html' : ''}`, client);
  // `@astrojs/sitemap` serializes one page after the other: reading each head there waited on the disk 6,500
  // times in a row at 5,000 articles (~1 s alone). They are read here first, many at a time, by the hook before
  // it, and only what the entry needs is kept (the heads themselves are ~13 KB each).
  const facts = new Map<string, SitemapFacts>();
  const read = async (pathname: string) => sitemapFacts(await readBuiltHead(file(pathname)));
  return [
    {
      name: 'segnalazione:sitemap-pages',
      hooks: {
        'astro:config:done': ({ config }) => void (client = config.build.client),
        'astro:build:done': async ({ pages }) => {
          facts.clear();
          await inParallel(pages, READING, async ({ pathname }) => {
            // Astro's page names are paths without the first slash ('' for the home page), not URL-encoded.
            const path = `/${pathname.replace(/^\//, '')}`;
            facts.set(path, await read(path));
          });
        },
      },
    },
    sitemap({
      filter: (page) => !PRIVATE.test(new URL(page).pathname),
      serialize: async (item) => {
        const path = decodeURI(new URL(item.url).pathname);
        const known = facts.get(path);
        facts.delete(path);
        return sitemapEntry(item, known ?? (await read(path)));
      },
    }),
  ];
}
