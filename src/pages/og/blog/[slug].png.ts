import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, type Article } from '../../../lib/articles/get-articles.ts';
import { pngResponse, shareImage } from '../../../build/share-image.ts';
import { siteCardText } from '../../../lib/share/card.ts';

export const getStaticPaths = (async () =>
  (await getArticles()).map((article) => ({
    params: { slug: article.id },
    props: { article },
  }))) satisfies GetStaticPaths;

/** An article's share card: its title, its first topic, the brand, and its cover when it has one. */
export const GET: APIRoute<{ article: Article }> = async ({ props, site }) => {
  const { title, tags, cover } = props.article.data;
  // The cover's file on disk: Astro keeps it on the image's metadata at build time (`fsPath`, not enumerable).
  const coverPath = (cover as { fsPath?: string } | undefined)?.fsPath;
  return pngResponse(
    await shareImage({ ...siteCardText(site!), title, kicker: (tags[0] ?? 'Articolo').toUpperCase() }, coverPath),
  );
};
