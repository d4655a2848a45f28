export interface ModerationRules {
  /** Publish at once the comments of an email that already has an approved comment. */
  trustApprovedAuthors: boolean;
  /** More links than this hold a comment for moderation. */
  maxLinks: number;
}

export const DEFAULT_RULES: ModerationRules = { trustApprovedAuthors: true, maxLinks: 2 };

/** Counts the links in a comment's text (http(s) URLs and bare www. addresses). */
export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/\S+|\bwww\.\S+/gi) ?? []).length;
}

/** Whether comments on an article are open: not switched off, and not older than the closing period (0 = never). */
export function commentsOpen(
  article: { comments: boolean; pubDate: Date },
  closeAfterDays: number,
  now: Date,
): boolean {
  if (!article.comments) return false;
  if (closeAfterDays <= 0) return true;
  return now.getTime() - article.pubDate.getTime() <= closeAfterDays * 86_400_000;
}

/** Two letters for the avatar drawn on the page: "Mario Rossi" → "MR", "anna" → "AN". */
export function initials(name: string): string {
  const words = name.split(/\s/).filter(Boolean);
  const letters = words.length > 1 ? [words[0][0], words[words.length - 1][0]] : [...(words[0] ?? '?').slice(0, 2)];
  return letters.join('').toUpperCase();
}

/** A stable hue (0–359) for an author's avatar, from their name: no Gravatar, nothing leaves the site. */
export function avatarHue(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** A comment's text as paragraphs (blank lines separate them; single breaks stay inside). */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'))
    .filter((lines) => lines.some((l) => l.trim()));
}

/**
 * The flood guard: a comment is too soon when the same email commented less than
 * `floodSeconds` ago, or the client did (`hitClient` counts it and answers the wait; it
 * is asked only when the email alone does not decide). 0 seconds switches the guard off
 * entirely, the client counter included.
 */
export async function isFlooding(
  lastFromEmail: string | null,
  now: Date,
  floodSeconds: number,
  hitClient: () => number | Promise<number>,
): Promise<boolean> {
  if (floodSeconds <= 0) return false;
  // Stryker disable next-line ConditionalExpression: without the null check, Date.parse(null) is NaN: never recent either
  const sinceLast = lastFromEmail === null ? Infinity : now.getTime() - Date.parse(lastFromEmail);
  return sinceLast < floodSeconds * 1000 || (await hitClient()) > 0;
}
