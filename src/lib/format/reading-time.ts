/** Average silent reading speed of Italian prose for adults, in words per minute. */
const WORDS_PER_MINUTE = 200;

/** Counts the words a reader reads in an MDX body: imports, tags and markup are not words. */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/^(import|export)\s.*/gm, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>~|-]/g, ' ');
  // Splitting at every space leaves empty strings between spaces; they hold no letter, so they are not counted.
  return text.split(/\s/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Minutes to read an MDX body, rounded up, never less than one. */
export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.ceil(countWords(mdx) / WORDS_PER_MINUTE));
}

/** "4 min di lettura". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min di lettura`;
}
