interface Schedulable {
  draft: boolean;
  pubDate: Date;
}

/**
 * Whether an article belongs in a published build: not a draft and not scheduled
 * for later. `npm run dev` shows everything (marked), so writers can preview.
 */
export function isPublished(data: Schedulable, now: Date): boolean {
  return !data.draft && data.pubDate.getTime() <= now.getTime();
}

/** Why an article is hidden from the published site, for the preview badge; `null` when it is not. */
export function unpublishedReason(data: Schedulable, now: Date): 'bozza' | 'programmato' | null {
  if (data.draft) return 'bozza';
  if (data.pubDate.getTime() > now.getTime()) return 'programmato';
  return null;
}
