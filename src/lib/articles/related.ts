import { slugify } from '../format/slug.ts';

interface Relatable {
  id: string;
  data: { tags: string[]; pubDate: Date };
}

/** Articles with exactly the same tags: they rank alike for any reader, newest first. */
interface Group<T> {
  slugs: Set<string>;
  members: T[];
}

/**
 * The further reading under every article, computed once for all: for each article, up to `count` others that
 * share a tag with it (tags compared by slug), those sharing more tags first, then the newest, then by id so a
 * build is repeatable. An article whose tags nobody else uses gets none.
 *
 * Articles are grouped by their set of tags, and each article looks at the first few of each group sharing a
 * tag, not at every other article: 5,000 articles in tens of milliseconds instead of ~1 s.
 */
export function relatedArticles<T extends Relatable>(articles: T[], count = 3): Map<string, T[]> {
  const groups = new Map<string, Group<T>>();
  const groupOf = new Map<T, Group<T>>();
  for (const article of articles) {
    const slugs = new Set(article.data.tags.map(slugify).filter(Boolean));
    // Stryker disable next-line MethodExpression: unsorted, one tag set could make two groups; same lists, more work.
    const key = [...slugs].sort().join(' ');
    const group = groups.get(key) ?? { slugs, members: [] };
    group.members.push(article);
    groups.set(key, group);
    groupOf.set(article, group);
  }
  const groupsByTag = new Map<string, Group<T>[]>();
  for (const group of groups.values()) {
    group.members.sort((a, b) => (before(a, 0, b, 0) ? -1 : 1));
    for (const slug of group.slugs) groupsByTag.set(slug, [...(groupsByTag.get(slug) ?? []), group]);
  }

  const related = new Map<string, T[]>();
  for (const article of articles) {
    const mine = groupOf.get(article)!.slugs;
    const seen = new Set<Group<T>>();
    const top: [T, number][] = [];
    for (const slug of mine) {
      for (const group of groupsByTag.get(slug)!) {
        if (seen.has(group)) continue;
        seen.add(group);
        const shared = [...group.slugs].filter((s) => mine.has(s)).length;
        // The group is in rank order, so only its first `count` (past the article itself) can make the list.
        for (const other of group.members.slice(0, count + 1)) if (other !== article) keep(top, other, shared, count);
      }
    }
    related.set(
      article.id,
      top.map(([other]) => other),
    );
  }
  return related;
}

/** Whether `a` comes before `b`: more shared tags, then newer, then by id (ids are unique: never a tie). */
function before<T extends Relatable>(a: T, sharedA: number, b: T, sharedB: number): boolean {
  const order = sharedB - sharedA || b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);
  // Stryker disable next-line EqualityOperator: order is never 0, ids being unique.
  return order < 0;
}

/** Inserts a candidate into the short list `top`, kept in `before` order and at most `count` long. */
function keep<T extends Relatable>(top: [T, number][], candidate: T, shared: number, count: number): void {
  let i = top.length;
  while (i > 0 && before(candidate, shared, top[i - 1][0], top[i - 1][1])) i--;
  top.splice(i, 0, [candidate, shared]);
  if (top.length > count) top.pop();
}
