import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Dated } from '../../lib/articles/schedule.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The articles' titles and dates, read from the content folder itself: what the next
 * build will publish, scheduled articles included (the built site holds none of them).
 * A file whose frontmatter cannot be read is left out: the build names its error.
 */
export async function readDatedArticles(contentRoot: string): Promise<Dated[]> {
  const folder = path.join(contentRoot, 'articles');
  const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.mdx'));
  const articles: Dated[] = [];
  for (const file of files) {
    try {
      const data = parse(FRONTMATTER.exec(await readFile(path.join(folder, file), 'utf8'))?.[1] ?? '');
      const pubDate = new Date(String(data?.pubDate));
      if (Number.isNaN(pubDate.getTime())) continue;
      articles.push({
        id: file
          .replace(/\.mdx$/, '')
          .split(path.sep)
          .join('/'),
        title: String(data.title ?? file),
        pubDate,
        draft: data.draft === true,
      });
    } catch {
      // Unreadable: the build reports it, naming the file and the field.
    }
  }
  return articles;
}
