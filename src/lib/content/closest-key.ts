/** Field names an Italian author may write in Italian. */
const ITALIAN = new Map(
  Object.entries({
  titolo: 'title',
  descrizione: 'description',
  data: 'pubDate',
  autore: 'author',
  argomenti: 'tags',
  copertina: 'cover',
  bozza: 'draft',
  commenti: 'comments',
  domande: 'questions',
  risposte: 'options',
  opzioni: 'options',
  punti: 'points',
  peso: 'weight',
  esiti: 'bands',
  versione: 'version',
  }),
);

/**
 * The known key an unknown one most likely meant: the same word in another case (`Draft` → `draft`), a
 * singular for a plural (`tag` → `tags`), a typo within two edits (`descripton` → `description`), or the
 * Italian word (`titolo` → `title`). `undefined` when nothing is that close.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameWord = known.find((k) => k.toLowerCase() === lower);
  if (sameWord) return sameWord;
  const italian = ITALIAN.get(lower);
  if (italian && known.includes(italian)) return italian;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3));
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= bestDistance) {
      best = candidate;
      bestDistance = distance - 1;
    }
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
