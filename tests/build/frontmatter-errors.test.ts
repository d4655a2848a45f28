import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { ROOT } from '../support/paths.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { withAstroLock } from '../support/build-lock.ts';

const dirs: string[] = [];

/** Runs Astro's content sync (the first step of a build) over one article. */
async function syncArticle(frontmatter: string) {
  const root = await mkdtemp(path.join(tmpdir(), 'sv-content-'));
  dirs.push(root);
  await mkdir(path.join(root, 'articles'), { recursive: true });
  await mkdir(path.join(root, 'pages'), { recursive: true });
  await writeFile(path.join(root, 'articles', 'articolo-rotto.mdx'), `---\n${frontmatter}\n---\n\nTesto.\n`);
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

const description = "description: 'Una descrizione abbastanza lunga da superare il minimo richiesto.'";

describe('a bad frontmatter stops the build', () => {
  it.each([
    ['pubDate', `title: 'Titolo valido'\n${description}\npubDate: domani`, 'pubDate deve essere una data'],
    ['description', `title: 'Titolo valido'\ndescription: corta\npubDate: 2026-11-29`, 'almeno 50 caratteri'],
    ['title', `${description}\npubDate: 2026-11-29`, 'title'],
  ])('naming the file and the field (%s)', async (field, frontmatter, message) => {
    const { status, output } = await syncArticle(frontmatter);
    expect(status).not.toBe(0);
    expect(output).toContain('articolo-rotto');
    expect(output).toContain(`${field}:`);
    expect(output).toContain(message);
  });
});
