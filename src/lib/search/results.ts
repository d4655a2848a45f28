/** How many results the search page lists. */
export const MAX_RESULTS = 10;

/** The fields of a Pagefind result (`await result.data()`) the page shows. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
}

/** One result as the page lists it. */
export interface SearchHit {
  url: string;
  title: string;
  /** The Italian date the page carries (`data-pagefind-meta="date:…"`), if any. */
  date?: string;
  /** Text around the match; the only markup left is `<mark>` around the words found. */
  excerpt: string;
}

/** Drops every tag but `<mark>` and `</mark>`: the excerpt is shown as HTML. */
export function keepMarks(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>?/g, '');
}

/** A Pagefind result as the page shows it; a page without a title shows its address. */
export function toHit({ url, excerpt, meta }: PagefindData): SearchHit {
  return { url, title: meta.title?.trim() || url, date: meta.date, excerpt: keepMarks(excerpt) };
}

/**
 * What the page says above the results (also read by screen readers, from a live region): nothing before a
 * search, that one is running (`count` null), or how many articles were found.
 */
export function resultsStatus(query: string, count: number | null): string {
  const q = query.trim();
  if (!q) return '';
  if (count === null) return `Ricerca di «${q}» in corso…`;
  if (count === 0) return `Nessun risultato per «${q}». Prova con un’altra parola, o sfoglia gli argomenti.`;
  if (count === 1) return `1 risultato per «${q}».`;
  if (count > MAX_RESULTS) return `${count} risultati per «${q}»: ecco i primi ${MAX_RESULTS}.`;
  return `${count} risultati per «${q}».`;
}
