import { describe, it, expect } from 'vitest';
import { newArticle } from '../../../src/lib/articles/new-article.ts';
import { checkSource } from '../../../src/lib/content/source-check.ts';
import { SOURCE_FOLDERS } from '../../../src/lib/content/sources.ts';

describe('npm run nuovo-articolo', () => {
  it('writes a valid draft with today’s date and the slug, quotes and apostrophes included', () => {
    const made = newArticle("  L’arte di “attivare”   i contatti d'affari ", '2026-11-30');
    if ('error' in made) throw new Error(made.error);
    expect(made.id).toBe('l-arte-di-attivare-i-contatti-d-affari');
    expect(made.file).toBe('l-arte-di-attivare-i-contatti-d-affari.mdx');
    expect(made.text).toContain('title: "L’arte di “attivare” i contatti d\'affari"\n');
    expect(made.text).toContain('pubDate: 2026-11-30\n');
    expect(made.text).toContain('draft: true\n');
    const bytes = new TextEncoder().encode(made.text);
    expect(checkSource(made.file, bytes, 'frontmatter', SOURCE_FOLDERS[0].schema)).toEqual([]);
  });

  it('escapes double quotes in the title', () => {
    const made = newArticle('Il "metodo" spiegato', '2026-11-30');
    expect('text' in made && made.text).toContain('title: "Il \\"metodo\\" spiegato"');
  });

  it('keeps file names short', () => {
    const made = newArticle(`${'parola '.repeat(15)}fine`, '2026-11-30');
    expect('id' in made && made.id.length).toBeLessThanOrEqual(80);
    expect('id' in made && made.id.endsWith('-')).toBe(false);
  });

  it.each([
    ['', 'da 5 a 120 caratteri'],
    ['Ciao', 'da 5 a 120 caratteri'],
    ['x'.repeat(121), 'da 5 a 120 caratteri'],
    ['“…” — !!', 'almeno una lettera o una cifra'],
  ])('refuses %j', (title, message) => {
    const made = newArticle(title, '2026-11-30');
    expect('error' in made && made.error).toContain(message);
  });
});
