import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from '../../../src/lib/zod.ts';
import {
  checkSource,
  describeProblem,
  describeProblems,
  fieldName,
  firstInvalidUtf8,
  frontmatterOf,
  keyOfBrokenQuote,
} from '../../../src/lib/content/source-check.ts';
import { SOURCE_FOLDERS } from '../../../src/lib/content/sources.ts';
import { contentErrorPage } from '../../../src/lib/content/error-page.ts';
import { IMAGE_ALT_MESSAGE } from '../../../src/lib/content/image-alt.ts';

const article = SOURCE_FOLDERS[0].schema;
const quiz = SOURCE_FOLDERS[2].schema;
const utf8 = (text: string) => new TextEncoder().encode(text);
const description = 'description: "Una descrizione abbastanza lunga da superare il minimo richiesto."';
const mdx = (frontmatter: string) => utf8(`---\n${frontmatter}\n---\n\nTesto.\n`);
const check = (frontmatter: string) => checkSource('content/articles/x.mdx', mdx(frontmatter), 'frontmatter', article);

describe('a content file is checked before Astro reads it', () => {
  it('accepts a good article, with a BOM and CRLF line ends too', () => {
    expect(check(`title: "L'arte della relazione"\n${description}\npubDate: 2026-11-29`)).toEqual([]);
    const crlf = `\uFEFF---\r\ntitle: "Titolo valido"\r\n${description}\r\npubDate: 2026-11-29\r\n---\r\nTesto.`;
    expect(checkSource('x.mdx', utf8(crlf), 'frontmatter', article)).toEqual([]);
  });

  it.each([
    ['Draft: true', 'Draft', 'draft', 4],
    ['tag: [vendite]', 'tag', 'tags', 4],
    ['descripton: x', 'descripton', 'description', 4],
    ['titolo: x', 'titolo', 'title', 4],
  ])('names an unknown key and the one meant (%s)', (line, key, meant, lineNumber) => {
    const [problem] = check(`title: "Titolo valido"\n${description}\npubDate: 2026-11-29\n${line}`);
    expect(problem.message).toBe(`\`${key}\` non esiste: forse \`${meant}\`?`);
    expect(problem.line).toBe(lineNumber + 1);
    expect(problem.field).toBeUndefined();
  });

  it('asks for the description of an image in the text, on its line, beside any schema error', () => {
    const body = '\n\n![](./foto.jpg)\n\n![Il team](./team.jpg) e ![ ](./altra.jpg)\n';
    const good = `---\ntitle: "Titolo valido"\n${description}\npubDate: 2026-11-29\n---${body}`;
    const problems = checkSource('content/articles/x.mdx', utf8(good), 'frontmatter', article);
    expect(problems.map((p) => p.line)).toEqual([7, 9]);
    expect(problems[0]).toEqual({ file: 'content/articles/x.mdx', line: 7, message: IMAGE_ALT_MESSAGE });
    const bad = checkSource('x.mdx', utf8(good.replace('pubDate', 'Draft: true\npubDate')), 'frontmatter', article);
    expect(bad.map((p) => p.line)).toEqual([4, 8, 10]);
    // A YAML file has no text with images to describe.
    expect(checkSource('q.yaml', utf8('note: "![](x.jpg)"'), 'yaml', z.object({ note: z.string() }))).toEqual([]);
  });

  it('reads the YAML as Astro does: a merge key (<<) is merged, not an unknown field', () => {
    // js-yaml, Astro's reader, merges `<<`; the YAML library that finds error lines would call it a field.
    const schema = z.strictObject({ base: z.object({ title: z.string() }), rest: z.strictObject({ title: z.string() }) });
    const merged = 'base: &base\n  title: "Titolo valido"\nrest:\n  <<: *base\n';
    expect(checkSource('x.yaml', utf8(merged), 'yaml', schema)).toEqual([]);
  });

  it('checks the data Astro will read: a date-like title is a date to it, not a text', () => {
    const [problem] = check(`title: 2026-11-29\n${description}\npubDate: 2026-11-29`);
    expect(problem).toEqual({
      file: 'content/articles/x.mdx',
      field: 'title',
      line: 2,
      message: 'qui YAML legge una data, non un testo: mettila tra virgolette doppie (title: "…").',
    });
    // A list's item has no key to show.
    const [tag] = check(`title: "Titolo valido"\n${description}\npubDate: 2026-11-29\ntags: [2026-11-29]`);
    expect(tag).toMatchObject({ field: 'tags[0]', line: 5, message: 'qui YAML legge una data, non un testo: mettila tra virgolette doppie.' });
    // A number where a text belongs keeps zod’s own message.
    expect(check(`title: 7\n${description}\npubDate: 2026-11-29`)[0].message).toMatch(/^Input non valido/);
  });

  it('gives the line of a YAML mistake only Astro’s reader sees, in Italian', () => {
    // An unknown tag: a warning to the library that finds error lines, an error to js-yaml.
    const [problem] = check(`title: "Titolo valido"\n${description}\npubDate: !data 2026-11-29`);
    expect(problem).toMatchObject({ line: 4, message: expect.stringMatching(/^qui il testo non segue le regole/) });
  });

  it('lists the allowed keys when no key is close', () => {
    const [problem] = check(`title: "Titolo valido"\n${description}\npubDate: 2026-11-29\nzzz: 1`);
    expect(problem.message).toMatch(/^`zzz` non esiste \(i campi ammessi sono `title`, `description`/);
  });

  it('names unknown keys inside the free test, with their path', () => {
    const yaml = 'id: t\nversion: "1"\ntitle: T\nintro: I\nquestions:\n  - id: q\n    text: Q\n    options:\n' +
      '      - { id: a, label: A, points: 1 }\n      - { id: b, label: B, Points: 2 }\n' +
      'bands:\n  - { id: x, min: 0, max: 100, title: X, summary: S, body: B, cta: { label: L, href: /h/ } }\n';
    const problems = checkSource('content/quiz/t.yaml', utf8(yaml), 'yaml', quiz);
    expect(problems).toContainEqual({
      file: 'content/quiz/t.yaml',
      field: 'questions[0].options[1]',
      line: 10,
      message: '`Points` non esiste: forse `points`?',
    });
  });

  it('checks the company file and the testimonials the same way', () => {
    const folder = (name: string) => SOURCE_FOLDERS.find((f) => f.folder === name)!;
    const company = folder('azienda');
    const read = (file: string) => new Uint8Array(readFileSync(file));
    expect(checkSource('content/azienda/azienda.yaml', read('content/azienda/azienda.yaml'), 'yaml', company.schema)).toEqual([]);
    const [problem] = checkSource('content/azienda/azienda.yaml', utf8('nome: Segnalazione Vincente\nPartitaIva: x\n'), 'yaml', company.schema);
    expect(problem.message).toBe('`PartitaIva` non esiste: forse `partitaIva`?');
    const testimonial = 'nome: Carla Conti\nruolo: Titolare\nazienda: Conti Srl\ncitazione: Ottimo.\nconsensoPubblicazione: 2026-11-01\n';
    expect(checkSource('content/testimonianze/c.yaml', utf8(testimonial), 'yaml', folder('testimonianze').schema)).toEqual([]);
    const [missing] = checkSource('content/testimonianze/c.yaml', utf8(testimonial.replace(/consenso.*\n/, '')), 'yaml', folder('testimonianze').schema);
    expect(missing.field).toBe('consensoPubblicazione');
  });

  it('explains a single-quoted value broken by an apostrophe, with the fix', () => {
    const [problem] = check(`title: 'L'arte della relazione'\n${description}\npubDate: 2026-11-29`);
    expect(problem).toMatchObject({ line: 2, column: 8, field: 'title' });
    expect(problem.message).toContain('apostrofo tipografico ’');
    expect(problem.message).toContain('title: "L\'arte…"');
  });

  it.each([
    ['title: "Titolo"\n  description: x', 'il rientro non torna', 3],
    ['title: "Titolo"\ntitle: "Altro"', 'questo campo compare due volte', 3],
    ['a: 1\ntitle: [a, b', 'manca una parentesi ] o }', 3],
    ['title: "non chiuso', 'manca la virgoletta di chiusura', 2],
    ['a: 1\nb:\n\tc: 1', 'usa spazi, non tabulazioni', 4],
    ['title: x\ndescription\npubDate: 1', 'manca uno spazio dopo i due punti', 3],
    ['title: "a" "b"', 'qui il testo non segue le regole del formato YAML', 2],
  ])('says a YAML mistake in Italian with its line (%j)', (frontmatter, message, line) => {
    const [problem] = check(frontmatter);
    expect(problem.message).toContain(message);
    expect(problem.line).toBe(line);
    expect(problem.column).toBeGreaterThan(0);
  });

  it('names a file that is not UTF-8 and the line of the first wrong byte', () => {
    const bytes = Uint8Array.from([...utf8('---\ntitle: "Perch'), 0xe9, ...utf8('"\n---\n')]);
    const [problem] = checkSource('content/articles/x.mdx', bytes, 'frontmatter', article);
    expect(problem.line).toBe(2);
    expect(problem.message).toContain('salvalo con la codifica «UTF-8»');
  });

  it('asks for the frontmatter when a file has none', () => {
    expect(checkSource('x.mdx', utf8('Solo testo.'), 'frontmatter', article)[0].message).toContain('due righe `---`');
  });

  it('reports schema errors with the field and its line', () => {
    const problems = check(`title: "Tit"\n${description}\npubDate: domani`);
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['title', 2],
      ['pubDate', 4],
    ]);
  });

  it('reads an empty YAML file as an empty object', () => {
    const problems = checkSource('q.yaml', utf8(''), 'yaml', z.object({ a: z.string() }));
    expect(problems[0].field).toBe('a');
  });

  it('gives nested fields their own line, and none when the YAML has no such node', () => {
    const schema = z.object({ list: z.array(z.object({ a: z.number() })) }).refine(() => false, { path: [0] });
    const problems = checkSource('q.yaml', utf8('list:\n  - a: x\n'), 'yaml', schema);
    expect(problems.map((p) => [p.field, p.line])).toEqual([['list[0].a', 2]]);
    const other = checkSource('q.yaml', utf8('list: []\n'), 'yaml', schema);
    expect(other.map((p) => [p.field, p.line])).toEqual([['[0]', undefined]]);
    const missing = checkSource('q.yaml', utf8('b: 1\n'), 'yaml', z.object({ a: z.string() }));
    expect(missing[0].line).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    ["title: 'L'arte'", true],
    ["title: 'L''arte'", false],
    ["title: 'Ciao' # commento", false],
    ["title: 'non chiuso", false],
    ['title: "L\'arte"', false],
    ["- 'L'arte'", false],
    [undefined, false],
  ])('%s has a lone apostrophe in single quotes: %s', (line, expected) => {
    expect(keyOfBrokenQuote(line)).toBe(expected ? 'title' : undefined);
  });

  it.each([
    [[0x41, 0xc3, 0xa8], -1],
    [[0xe2, 0x80, 0x99, 0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x41, 0xe8, 0x41], 1],
    [[0xc3], 0],
    [[0x80], 0],
    [[0xff], 0],
    [[0xe2, 0x28, 0xa1], 0],
  ])('first invalid UTF-8 byte of %j is %i', (bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it('finds the frontmatter only at the start', () => {
    expect(frontmatterOf('---\na: 1\n---\ntext')).toEqual({ yaml: 'a: 1', firstLine: 2 });
    expect(frontmatterOf('---\n---\n')).toEqual({ yaml: '', firstLine: 2 });
    expect(frontmatterOf('text\n---\na: 1\n---\n')).toBeNull();
    expect(frontmatterOf('---\na: 1\n')).toBeNull();
  });

  it('names fields as an author reads them', () => {
    expect(fieldName([])).toBeUndefined();
    expect(fieldName(['questions', 2, 'options', 0, 'id'])).toBe('questions[2].options[0].id');
  });

  it('describes problems in one Italian line each', () => {
    const problem = { file: 'a.mdx', line: 3, column: 2, field: 'title', message: 'm' };
    expect(describeProblem(problem)).toBe('a.mdx, riga 3, colonna 2, campo `title`: m');
    expect(describeProblems([problem])).toBe('Un errore nei contenuti: correggi e salva di nuovo.\n- a.mdx, riga 3, colonna 2, campo `title`: m');
    expect(describeProblems([problem, { file: 'b.mdx', message: 'n' }])).toMatch(/^2 errori nei contenuti.*\n.*\n- b\.mdx: n$/);
  });

  it('builds the dev preview page with every problem, escaped', () => {
    const one = contentErrorPage([{ file: 'a.mdx', field: 'title', message: '<b>"x" & \'y\'' }]);
    expect(one).toContain('<html lang="it">');
    expect(one).toContain('Un file va corretto');
    expect(one).toContain('campo <code>title</code>: &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;');
    expect(contentErrorPage([{ file: 'a', message: 'm' }, { file: 'b', message: 'n' }])).toContain('2 punti vanno corretti');
  });
});
