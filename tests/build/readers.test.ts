import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { TEST_CLIENT } from '../support/paths.ts';
import { SERIES } from '../support/build-site.ts';

const SITE = 'https://www.segnalazionevincente.com';
const html = (page: string) => readFileSync(path.join(TEST_CLIENT, page, 'index.html'), 'utf8');
const metas = (page: string, key: string) =>
  [...html(page).matchAll(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
const articles = readdirSync(path.join(TEST_CLIENT, 'blog'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'tag' && !/^\d+$/.test(e.name))
  .map((e) => e.name);
const articleLinks = (text: string) => [...text.matchAll(/href="\/blog\/([^/"]+)\/"/g)].map((m) => m[1]);

/** Width and height from a PNG's header, after checking its signature. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('share images', () => {
  it.each(articles)('%s has its own 1200×630 PNG card as og:image and twitter:image', (id) => {
    const [image] = metas(`blog/${id}`, 'og:image');
    expect(image).toBe(`${SITE}/og/blog/${id}.png`);
    expect(metas(`blog/${id}`, 'twitter:image')).toEqual([image]);
    expect([metas(`blog/${id}`, 'og:image:width'), metas(`blog/${id}`, 'og:image:height')]).toEqual([
      ['1200'],
      ['630'],
    ]);
    expect(pngSize(path.join(TEST_CLIENT, new URL(image).pathname))).toEqual([1200, 630]);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html(`blog/${id}`))![1]);
    expect(ld.image).toBe(image);
  });

  it.each(['', 'blog', 'blog/tag', 'privacy', 'cerca'])('/%s is shared with the site’s card', (page) => {
    expect(metas(page, 'og:image')).toEqual([`${SITE}/og/sito.png`]);
    expect(pngSize(path.join(TEST_CLIENT, 'og/sito.png'))).toEqual([1200, 630]);
  });

  it('shows the cover on the right of the card when the article has one', async () => {
    const pixel = async (id: string) => {
      const { data } = await sharp(path.join(TEST_CLIENT, `og/blog/${id}.png`))
        .extract({ left: 1000, top: 300, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 3)];
    };
    const plain = await pixel('secondo-articolo');
    const covered = await pixel('con-copertina');
    // The card's own background is dark blue; the fixture's cover is light there.
    expect(plain[2]).toBeGreaterThan(plain[0]);
    expect(covered.reduce((a, b) => a + b)).toBeGreaterThan(plain.reduce((a, b) => a + b) + 150);
  });
});

describe('related reading', () => {
  const tagsOf = (id: string) => new Set(metas(`blog/${id}`, 'article:tag').map((t) => t.toLowerCase()));
  const relatedOf = (id: string) => {
    const page = html(`blog/${id}`);
    const section = page.slice(
      page.indexOf('class="related"'),
      page.indexOf('</section>', page.indexOf('class="related"')),
    );
    return { links: articleLinks(section), section };
  };

  it.each(articles)('%s lists up to three articles that share a tag with it, then the next step to the test', (id) => {
    const { links, section } = relatedOf(id);
    expect(links.length).toBeLessThanOrEqual(3);
    for (const other of links) {
      expect(other).not.toBe(id);
      expect(
        [...tagsOf(other)].some((t) => tagsOf(id).has(t)),
        `${id} → ${other}`,
      ).toBe(true);
    }
    expect(section).toContain(`href="/test-gratuito/?da=${id}"`);
  });

  it('puts the articles sharing most tags first', () => {
    // The founding article shares networking with two articles; the newest of them comes first.
    expect(relatedOf('definizione-di-networking').links).toEqual(['commenti-chiusi', 'secondo-articolo']);
    expect(relatedOf('secondo-articolo').links).toEqual([
      'definizione-di-networking',
      'commenti-chiusi',
      'con-copertina',
    ]);
  });
});

describe('tags', () => {
  const cards = (page: string) => (html(page).match(/<article class="card/g) ?? []).length;

  it('paginates a tag with more articles than a page holds', () => {
    const first = html(`blog/tag/${SERIES.tag}`);
    expect(cards(`blog/tag/${SERIES.tag}`)).toBe(10);
    expect(first).toMatch(new RegExp(`<a href="/blog/tag/${SERIES.tag}/2/?" rel="next"`));
    expect(first).toContain(`${SERIES.count} articoli`);
    const second = html(`blog/tag/${SERIES.tag}/2`);
    expect(cards(`blog/tag/${SERIES.tag}/2`)).toBe(SERIES.count - 10);
    expect(second).toMatch(new RegExp(`<a href="/blog/tag/${SERIES.tag}/?" rel="prev"`));
    expect(second).toContain('pagina 2');
  });

  it('lists every tag in an index, with its number of articles', () => {
    const index = html('blog/tag');
    const linked = [...index.matchAll(/href="\/blog\/tag\/([^/"]+)\/"/g)].map((m) => m[1]);
    const pages = readdirSync(path.join(TEST_CLIENT, 'blog/tag'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(linked.sort()).toEqual(pages.sort());
    expect(index).toMatch(/metodo <span class="count"[^>]*>11 articoli<\/span>/);
  });
});

describe('sitemap and head overrides', () => {
  const sitemap = () => readFileSync(path.join(TEST_CLIENT, 'sitemap-0.xml'), 'utf8');

  it('dates articles with lastmod: the last change, else the publication', () => {
    expect(sitemap()).toContain(`<loc>${SITE}/blog/secondo-articolo/</loc><lastmod>2026-02-01T00:00:00.000Z</lastmod>`);
    expect(sitemap()).toContain(
      `<loc>${SITE}/blog/definizione-di-networking/</loc><lastmod>2026-11-29T00:00:00.000Z</lastmod>`,
    );
  });

  it('applies an article’s own canonical address and noindex, and leaves it out of the sitemap and search', () => {
    expect(html('blog/con-copertina')).toContain(
      '<link rel="canonical" href="https://esempio.it/articolo-originale/">',
    );
    expect(metas('blog/con-copertina', 'og:url')).toEqual(['https://esempio.it/articolo-originale/']);
    expect(metas('blog/con-copertina', 'robots')).toEqual(['noindex']);
    expect(html('blog/con-copertina')).not.toContain('data-pagefind-body');
    expect(sitemap()).not.toContain('con-copertina');
  });

  it('keeps the search page out of the sitemap', () => {
    expect(metas('cerca', 'robots')).toEqual(['noindex']);
    expect(sitemap()).not.toContain('/cerca/');
  });
});

describe('the search index', () => {
  it('holds the articles and static pages only: not lists, the test or the team area', () => {
    const entry = JSON.parse(readFileSync(path.join(TEST_CLIENT, 'pagefind/pagefind-entry.json'), 'utf8'));
    const indexable = articles.filter((id) => html(`blog/${id}`).includes('data-pagefind-body'));
    // The articles (less the noindex one) and the privacy notice.
    expect(indexable.length).toBe(articles.length - 1);
    expect(entry.languages.it.page_count).toBe(indexable.length + 1);
    for (const page of ['', 'blog', 'blog/tag', `blog/tag/${SERIES.tag}`, 'test-gratuito', 'cerca']) {
      expect(html(page), page).not.toContain('data-pagefind-body');
    }
  });

  it('ships only what the search page loads: no ready-made interface files', () => {
    expect(readdirSync(path.join(TEST_CLIENT, 'pagefind')).filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });
});
