import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import type { Dated } from '../../lib/articles/schedule.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The articles' titles and dates, read from the content folder itself: what the next
 * build will publish, scheduled articles included (the built site holds none of them).
 * The frontmatter is read with js-yaml, as Astro reads it (and the content check), so an article the build
 * publishes is never one this list missed. A file whose frontmatter cannot be read is left out: the build names
 * its error.
 */
export async function readDatedArticles(contentRoot: string): Promise<Dated[]> {
  const folder = path.join(contentRoot, 'articles');
  const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.mdx'));
  const articles: Dated[] = [];
  for (const file of files) {
    try {
      const frontmatter = FRONTMATTER.exec(await readFile(path.join(folder, file), 'utf8'))?.[1] ?? '';
      const data = load(frontmatter) as Record<string, unknown> | null;
      // js-yaml reads `2026-12-01` or `2026-12-01T09:00:00+01:00` as a date already.
      const pubDate = data?.pubDate instanceof Date ? data.pubDate : new Date(String(data?.pubDate));
      if (Number.isNaN(pubDate.getTime())) continue;
      articles.push({
        id: file
          .replace(/\.mdx$/, '')
          .split(path.sep)
          .join('/'),
        title: String(data?.title ?? file),
        pubDate,
        draft: data?.draft === true,
      });
    } catch {
      // Unreadable: the build reports it, naming the file and the field.
    }
  }
  return articles;
}
