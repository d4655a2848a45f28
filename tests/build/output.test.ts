import { describe, it, expect, beforeAll } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { TEST_CLIENT, TEST_DIST, HIDDEN_MARKERS } from '../support/paths.ts';

const ARTICLE = path.join(TEST_CLIENT, 'blog/definizione-di-networking/index.html');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe('the founding article page', () => {
  let html: string;
  beforeAll(async () => {
    html = await readFile(ARTICLE, 'utf8');
  });

  it('publishes the new definition of networking, set apart from the old one', () => {
    expect(html).toMatch(/<figure class="definizione definizione--nuova[^"]*"/);
    expect(html).toContain('La nuova definizione di Networking');
    expect(html).toMatch(/<strong>attivare<\/strong> i propri contatti/);
    expect(html).toMatch(/<strong>servire la comunità<\/strong>/);
    expect(html).toMatch(/<figure class="definizione definizione--vecchia[^"]*"/);
  });

  it('keeps the two sections as second-level headings', () => {
    expect(html).toMatch(/<h2[^>]*>Attivare e non più utilizzare<\/h2>/);
    expect(html).toMatch(/<h2[^>]*>Una nuova consapevolezza<\/h2>/);
  });

  it('ends with a call to the free test that records the article as the source', () => {
    expect(html).toContain('href="/test-gratuito/?da=definizione-di-networking"');
    // The seed's WordPress comment-form residue is not part of the article's text.
    const content = html.slice(html.indexOf('<div class="content"'), html.indexOf('<footer class="article__footer"'));
    expect(content).not.toContain('Lascia un commento');
  });

  it('shows the Italian date, reading time, author and tags', () => {
    expect(html).toMatch(/<time datetime="2026-11-29"[^>]*>29 novembre 2026<\/time>/);
    expect(html).toMatch(/\d+ min di lettura/);
    expect(html).toContain('di Segnalazione Vincente');
    expect(html).toContain('href="/blog/tag/networking/"');
  });

  it('has canonical, Open Graph and a parseable BlogPosting JSON-LD', () => {
    const canonical = 'https://www.segnalazionevincente.com/blog/definizione-di-networking/';
    expect(html).toContain(`<link rel="canonical" href="${canonical}">`);
    expect(html).toContain(`<meta property="og:url" content="${canonical}">`);
    expect(html).toContain('<meta property="og:locale" content="it_IT">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toMatch(/<html lang="it"/);
    const [ld] = jsonLdBlocks(html) as Record<string, unknown>[];
    expect(ld['@type']).toBe('BlogPosting');
    expect(ld.headline).toBe('Definizione di Networking: cosa significa esattamente?');
    expect(ld.inLanguage).toBe('it-IT');
    expect(ld.datePublished).toBe('2026-11-29T00:00:00.000Z');
  });

  it('ships no framework JavaScript: only the script that fetches its comments, no client island', () => {
    // The comment form for readers without JavaScript carries its script tag, which never runs there.
    const runs = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
    expect([...runs.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      expect.stringMatching(/^\/_astro\/ArticleComments\./),
    ]);
    expect(runs).not.toMatch(/<link[^>]+(modulepreload|\.js")/);
    expect(runs).not.toContain('<astro-island');
  });

  it("has the comment form for readers without JavaScript, with the seed's wording", () => {
    const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
    expect(noscript).toContain('action="/api/comments"');
    expect(noscript).toContain('Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati');
    expect(noscript).toContain('href="/blog/definizione-di-networking/commenti/"');
  });
});

describe('site-wide output', () => {
  it('lists the article in the RSS feed and the sitemap', async () => {
    const rss = await readFile(path.join(TEST_CLIENT, 'rss.xml'), 'utf8');
    expect(rss).toContain('<link>https://www.segnalazionevincente.com/blog/definizione-di-networking/</link>');
    expect(rss).toContain('<language>it-it</language>');
    const sitemap = await readFile(path.join(TEST_CLIENT, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('https://www.segnalazionevincente.com/blog/definizione-di-networking/');
    expect(sitemap).toContain('https://www.segnalazionevincente.com/privacy/');
  });

  it('compiles the articles for the prerendered pages only, not again into the on-demand server', async () => {
    // src/integrations/prerender-only-mdx.ts: before it, every MDX entry had a chunk in dist/server too.
    const chunks = await readdir(path.join(TEST_DIST, 'server/chunks'));
    expect(chunks.filter((f) => /^(definizione-di-networking|secondo-articolo|privacy)_/.test(f))).toEqual([]);
  });

  it('names the sitemap in robots.txt', async () => {
    const robots = await readFile(path.join(TEST_CLIENT, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://www.segnalazionevincente.com/sitemap-index.xml');
  });

  it('never publishes a draft or a scheduled article, anywhere in the output', async () => {
    const files = await listFiles(TEST_DIST);
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      for (const marker of HIDDEN_MARKERS)
        if (text.includes(marker)) leaks.push(`${path.relative(TEST_DIST, file)}: ${marker}`);
    }
    expect(leaks).toEqual([]);
    expect(files.some((f) => f.includes('bozza-di-prova') || f.includes('articolo-programmato'))).toBe(false);
  });

  it('paginates and orders the blog newest first', async () => {
    const list = await readFile(path.join(TEST_CLIENT, 'blog/index.html'), 'utf8');
    const founding = list.indexOf('/blog/definizione-di-networking/');
    const second = list.indexOf('/blog/secondo-articolo/');
    expect(founding).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(founding);
  });

  it('groups tags by slug on tag pages', async () => {
    const tag = await readFile(path.join(TEST_CLIENT, 'blog/tag/networking/index.html'), 'utf8');
    expect(tag).toContain('3 articoli');
    const vendite = await readFile(path.join(TEST_CLIENT, 'blog/tag/vendite/index.html'), 'utf8');
    expect(vendite).toContain('Articoli su “Vendite”');
  });

  it('gives the home page Organization and WebSite structured data', async () => {
    const home = await readFile(path.join(TEST_CLIENT, 'index.html'), 'utf8');
    const types = jsonLdBlocks(home)
      .flat()
      .map((d) => (d as Record<string, unknown>)['@type']);
    expect(types).toEqual(['Organization', 'WebSite']);
    expect(home).toContain('href="https://www.segnalazionevincente.com/rss.xml"');
  });

  it('marks the privacy notice as a draft awaiting legal review, with its version', async () => {
    const privacy = await readFile(path.join(TEST_CLIENT, 'privacy/index.html'), 'utf8');
    expect(privacy).toContain('Bozza in attesa di revisione legale');
    expect(privacy).toContain('Versione 2026-11-29');
  });

  it('keeps the 404 page out of search results', async () => {
    const missing = await readFile(path.join(TEST_CLIENT, '404.html'), 'utf8');
    expect(missing).toContain('<meta name="robots" content="noindex">');
  });
});
