/** What publishing needs to know of an article, read from its frontmatter. */
export interface Dated {
  id: string;
  title: string;
  pubDate: Date;
  draft: boolean;
}

/** The articles that wait for their date (drafts wait for a person), soonest first. */
export function scheduledAfter<T extends Dated>(articles: T[], now: Date): T[] {
  return articles
    .filter((a) => !a.draft && a.pubDate.getTime() > now.getTime())
    .sort((a, b) => a.pubDate.getTime() - b.pubDate.getTime() || a.id.localeCompare(b.id));
}

/**
 * When the site must be built again for a scheduled article: the first date, after the
 * build that is online, of an article that is not a draft. It may lie in the past (the
 * server was off at that time): then the build is due now. Null when nothing waits.
 */
export function nextPublication(articles: Dated[], builtAt: Date): Date | null {
  return scheduledAfter(articles, builtAt)[0]?.pubDate ?? null;
}
