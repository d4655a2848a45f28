/**
 * Turns a display name into a URL segment: "Public Relation Referenziale" →
 * "public-relation-referenziale", "Città & Società" → "citta-societa".
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
