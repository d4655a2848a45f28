import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, TEST_BUILD } from '../support/paths.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { acquireAstroLock } from '../support/build-lock.ts';
import { freePort } from '../support/server.ts';

/*
 * Issue 13: with a broken file, `npm run dev` kept showing the old page (or did not start at all) and the
 * error was only in the terminal, in English. The preview must show the Italian error in the browser, and the
 * page again once the file is fixed. Astro dev serves files inside the project only, so the content copy lives
 * under .test-build.
 */

const content = path.join(TEST_BUILD, 'dev-content');
const article = path.join(content, 'articles', 'prova.mdx');
const description = 'description: "Una descrizione abbastanza lunga da superare il minimo richiesto."';
const withTitle = (title: string, extra = '') =>
  `---\ntitle: ${title}\n${description}\npubDate: 2026-11-29\n${extra}---\n\nTesto di prova.\n`;

let dev: ChildProcess;
let url = '';
let log = '';
let releaseLock: (() => Promise<void>) | undefined;

async function page(pathname: string) {
  const res = await fetch(`${url}${pathname}`, { headers: { Accept: 'text/html' } });
  return { status: res.status, html: await res.text() };
}

/**
 * Polls until `check` passes: the dev server notices a saved file within a moment, but re-syncing the content on a
 * busy 2-core machine (the rest of the suite runs beside it) once took over 20 s in CI.
 */
async function eventually(check: () => Promise<void>, ms = 45_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        // The dev server's own account, without the polling's requests.
        const story = log
          .split('\n')
          .filter((line) => !/\[(200|404|500)\] \/|\[router\]|Possible dynamic routes/.test(line))
          .join('\n');
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- astro dev ---\n${story}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

beforeAll(async () => {
  await rm(content, { recursive: true, force: true });
  await mkdir(path.join(content, 'articles'), { recursive: true });
  await cp(path.join(ROOT, 'content/pages'), path.join(content, 'pages'), { recursive: true });
  await cp(path.join(ROOT, 'content/quiz'), path.join(content, 'quiz'), { recursive: true });
  // Broken before the preview starts: the case where `astro dev` used to exit.
  await writeFile(article, withTitle("'L'arte della relazione'"));
  const port = await freePort();
  // Held until the dev server stops: a build or sync beside it rewrites the `.astro/` files it watches, and it
  // then serves that process's content (CI once answered 404 for the fixed article for 45 s).
  releaseLock = await acquireAstroLock();
  dev = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: ROOT, env: cleanEnv({ CONTENT_ROOT: content }), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  dev.stdout?.on('data', (c) => (log += c));
  dev.stderr?.on('data', (c) => (log += c));
  url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (dev.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
    await fetch(`${url}/robots.txt`);
  }, 60_000);
}, 90_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev.once('exit', r));
    dev.kill('SIGTERM');
    await exited;
  }
  await releaseLock?.();
  await rm(content, { recursive: true, force: true });
});

describe('npm run dev shows content errors in the browser', () => {
  it('in Italian, naming the file, the line and the fix, and shows the page once fixed', async () => {
    const broken = await page('/blog/prova/');
    expect(broken.status).toBe(500);
    expect(broken.html).toContain('Errore nei contenuti');
    expect(broken.html).toMatch(/prova\.mdx, riga 2, colonna 8, campo <code>title<\/code>: il testo è tra apostrofi/);
    expect(broken.html).not.toContain('bad indentation');

    // Saved as editors save: emptied first, written a moment later. The watcher reported the emptied file and
    // swallowed the write, and the preview answered 404 for the fixed article until it was restarted.
    const file = await open(article, 'w');
    await new Promise((r) => setTimeout(r, 2));
    await file.write(withTitle('"L’arte della relazione"'));
    await file.close();
    await eventually(async () => {
      const fixed = await page('/blog/prova/');
      expect(fixed.status).toBe(200);
      expect(fixed.html).toContain('L’arte della relazione</h1>');
    });
  });

  it('instead of the stale page when a good file turns bad', async () => {
    await writeFile(article, withTitle('"Titolo nuovo"', 'Draft: true\n'));
    await eventually(async () => {
      const { status, html } = await page('/blog/prova/');
      expect(status).toBe(500);
      expect(html).toContain('<code>Draft</code> non esiste: forse <code>draft</code>?');
    });
    await writeFile(
      path.join(content, 'articles', 'vecchio-editor.mdx'),
      Buffer.concat([Buffer.from('---\ntitle: "Perch'), Buffer.from([0xe9]), Buffer.from(`"\n${description}\n---\n`)]),
    );
    await eventually(async () => {
      const { html } = await page('/');
      expect(html).toContain('vecchio-editor.mdx, riga 2: il file non è salvato in UTF-8');
    });
  });
});
