import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { ROOT } from '../support/paths.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { withAstroLock } from '../support/build-lock.ts';

const dirs: string[] = [];

/** Runs Astro's content sync (the first step of a build) over one article. */
async function syncArticle(frontmatter: string | Uint8Array, file = 'articles/articolo-rotto.mdx') {
  const root = await mkdtemp(path.join(tmpdir(), 'sv-content-'));
  dirs.push(root);
  await mkdir(path.join(root, 'articles'), { recursive: true });
  await mkdir(path.join(root, 'pages'), { recursive: true });
  await mkdir(path.join(root, 'quiz'), { recursive: true });
  await mkdir(path.join(root, path.dirname(file)), { recursive: true });
  const bytes = typeof frontmatter === 'string' ? `---\n${frontmatter}\n---\n\nTesto.\n` : frontmatter;
  await writeFile(path.join(root, file), bytes);
  const result = await withAstroLock(async () =>
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: ROOT,
      env: cleanEnv({ CONTENT_ROOT: root }),
      encoding: 'utf8',
    }),
  );
  // Colours (on under CI) would split "pubDate:" with escape codes.
  return { status: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const description = 'description: "Una descrizione abbastanza lunga da superare il minimo richiesto."';
const good = `title: "Titolo valido"\n${description}\npubDate: 2026-11-29`;

// Each sync may wait for the lock behind a whole publish test or the dev server test (up to a minute each).
describe('a bad frontmatter stops the build', { timeout: 180_000 }, () => {
  it.each([
    ['pubDate', `title: 'Titolo valido'\n${description}\npubDate: domani`, 'pubDate deve essere una data'],
    ['description', `title: 'Titolo valido'\ndescription: corta\npubDate: 2026-11-29`, 'almeno 50 caratteri'],
    ['title', `${description}\npubDate: 2026-11-29`, 'title'],
  ])('naming the file and the field (%s)', async (field, frontmatter, message) => {
    const { status, output } = await syncArticle(frontmatter);
    expect(status).not.toBe(0);
    expect(output).toContain('articolo-rotto.mdx');
    expect(output).toContain(`campo \`${field}\``);
    expect(output).toContain(message);
  });

  // Issue 13: each of these used to publish silently or fail in English.
  it.each([
    ['a capitalised key', `${good}\nDraft: true`, 'articolo-rotto.mdx, riga 5: `Draft` non esiste: forse `draft`?'],
    ['a singular key', `${good}\ntag: [vendite]`, 'articolo-rotto.mdx, riga 5: `tag` non esiste: forse `tags`?'],
    [
      'an apostrophe inside single quotes',
      `title: 'L'arte della relazione'\n${description}\npubDate: 2026-11-29`,
      'articolo-rotto.mdx, riga 2, colonna 8, campo `title`: il testo è tra apostrofi',
    ],
    [
      'a file saved in Windows-1252',
      Uint8Array.from([...Buffer.from('---\ntitle: "Perch'), 0xe9, ...Buffer.from(`"\n${description}\n---\n`)]),
      'articolo-rotto.mdx, riga 2: il file non è salvato in UTF-8',
    ],
    [
      'an image in the text without a description',
      Buffer.from(`---\n${good}\n---\n\nTesto.\n\n![](./foto.jpg)\n`),
      'articolo-rotto.mdx, riga 9: un’immagine senza descrizione',
    ],
  ])('stops on %s with an Italian message', async (_, source, message) => {
    const { status, output } = await syncArticle(source);
    expect(status).not.toBe(0);
    expect(output).toContain(message);
    expect(output).not.toMatch(/bad indentation|No such file/);
  });

  it('stops on the consultant’s introduction with an unquoted colon, in Italian', async () => {
    const { status, output } = await syncArticle(
      Buffer.from('nome: Marco Bianchi\nruolo: consulente\npresentazione: Ti chiamo io: in venti minuti.\n'),
      'consulente/consulente.yaml',
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/consulente\.yaml, riga 3, colonna \d+/);
    expect(output).not.toMatch(/bad indentation/);
  });

  it('stops on an unknown key in the free test', async () => {
    const quiz = await readFile(path.join(ROOT, 'content/quiz/test-gratuito.yaml'), 'utf8');
    const broken = quiz.replace(/ points: /, ' Points: ');
    const line = quiz.slice(0, quiz.indexOf(' points: ')).split('\n').length;
    const { status, output } = await syncArticle(Buffer.from(broken), 'quiz/test-gratuito.yaml');
    expect(status).not.toBe(0);
    expect(output).toContain(
      `test-gratuito.yaml, riga ${line}, campo \`questions[0].options[0]\`: \`Points\` non esiste: forse \`points\`?`,
    );
  });
});
