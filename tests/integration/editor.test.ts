import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import type { TeamClient } from '../support/team-client.ts';
import { editorRepo, signedInMember } from '../support/editor-setup.ts';
import { ROOT } from '../support/paths.ts';

/*
 * The web editor's backend over HTTP against the built server: who may use it, what a save does (one commit in
 * the editor's own clone, authored by the member), and what it refuses (a broken article, a path outside
 * content/), with the same Italian messages as the build.
 */

let server: RunningServer;
let dataDir: string;
let repo: string;
let editor: TeamClient;
let sales: TeamClient;
let csrf = '';
const FOUNDING = 'content/articles/definizione-di-networking.mdx';
let git: (...args: string[]) => string;

const api = (c: TeamClient, body: unknown, token = csrf) =>
  c.text('/admin/redazione/api', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
  });

beforeAll(async () => {
  dataDir = await tempDataDir();
  // The server makes the database; the accounts are added to it afterwards.
  ({ repo, git } = await editorRepo());
  server = await startServer({ DATA_DIR: dataDir, CMS_REPO_DIR: repo });
  editor = await signedInMember(server.url, dataDir, 'redazione@esempio.it', 'redazione');
  sales = await signedInMember(server.url, dataDir, 'vendite@esempio.it', 'commerciale');
  const page = await editor.text('/admin/redazione/');
  if (page.res.status !== 200)
    throw new Error(`${page.res.status} ${page.res.headers.get('location')} ${page.body.slice(0, 300)}`);
  csrf = JSON.parse(/<script type="application\/json" id="editor-data">(.*?)<\/script>/.exec(page.body)![1]).csrf;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(repo, { recursive: true, force: true });
});

describe('who may use the editor', () => {
  it('the redazione opens the page, with its own Content-Security-Policy and its script from this site', async () => {
    const { res, body } = await editor.text('/admin/redazione/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-eval'");
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(body).toContain('<script src="/admin/redazione/editor.js"></script>');
    const script = await fetch(`${server.url}/admin/redazione/editor.js`);
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it('a commerciale cannot: neither the page nor the backend', async () => {
    expect((await sales.fetch('/admin/redazione/')).status).toBe(403);
    const token = await sales.csrf('/admin/account/');
    expect((await api(sales, { action: 'info' }, token)).res.status).toBe(403);
  });

  it('nobody signed in, and no request without the CSRF header', async () => {
    const anonymous = await fetch(`${server.url}/admin/redazione/api`, {
      method: 'POST',
      body: '{"action":"info"}',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
    });
    expect(anonymous.status).toBe(401);
    expect((await api(editor, { action: 'info' }, 'sbagliato')).res.status).toBe(403);
  });
});

describe('what the editor reads and saves', () => {
  it('lists the articles with their exact text', async () => {
    const { res, body } = await api(editor, {
      action: 'entriesByFolder',
      params: { folder: 'content/articles', extension: 'mdx', depth: 1, branch: 'main' },
    });
    expect(res.status).toBe(200);
    const entries = JSON.parse(body) as { data: string; file: { path: string } }[];
    const founding = entries.find((e) => e.file.path === FOUNDING);
    expect(founding?.data).toBe(await readFile(path.join(ROOT, FOUNDING), 'utf8'));
  });

  it('a save is one commit with the member as its author, of that file only', async () => {
    const before = await readFile(path.join(repo, FOUNDING), 'utf8');
    const raw = before.replace('tags: [networking, relazioni, imprenditoria]', 'tags: [networking, relazioni]');
    const { res } = await api(editor, {
      action: 'persistEntry',
      params: {
        dataFiles: [{ slug: 'definizione-di-networking', path: FOUNDING, raw }],
        assets: [],
        options: { commitMessage: 'Aggiorna articoli “definizione-di-networking”' },
      },
    });
    expect(res.status).toBe(200);
    expect(await readFile(path.join(repo, FOUNDING), 'utf8')).toBe(raw);
    expect(git('log', '-1', '--format=%an <%ae>|%s')).toBe(
      'Persona redazione <redazione@esempio.it>|Aggiorna articoli “definizione-di-networking”\n',
    );
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(FOUNDING);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('refuses a broken article with the build’s Italian message, and writes nothing', async () => {
    const head = git('rev-parse', 'HEAD');
    const raw = `---\ntitle: "Un titolo valido"\ndescription: "Una descrizione abbastanza lunga da superare il minimo richiesto."\npubDate: 2026-12-01\nDraft: true\n---\n\nTesto.\n`;
    const { res, body } = await api(editor, {
      action: 'persistEntry',
      params: { dataFiles: [{ slug: 'nuovo', path: 'content/articles/nuovo.mdx', raw }], assets: [], options: {} },
    });
    expect(res.status).toBe(422);
    expect(JSON.parse(body).error).toContain('content/articles/nuovo.mdx, riga 5: `Draft` non esiste: forse `draft`?');
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('refuses an article whose cover is not there (the build would fail on it)', async () => {
    const raw = `---\ntitle: "Un titolo valido"\ndescription: "Una descrizione abbastanza lunga da superare il minimo richiesto."\npubDate: 2026-12-01\ncover: "./manca.jpg"\ncoverAlt: "Una foto"\n---\n\nTesto.\n`;
    const { res, body } = await api(editor, {
      action: 'persistEntry',
      params: { dataFiles: [{ slug: 'nuovo', path: 'content/articles/nuovo.mdx', raw }], assets: [], options: {} },
    });
    expect(res.status).toBe(422);
    expect(JSON.parse(body).error).toContain('la copertina content/articles/manca.jpg non c’è');
  });

  it.each([
    { action: 'getEntry', params: { path: 'src/pages/index.astro' } },
    { action: 'getEntry', params: { path: 'content/articles/../../package.json' } },
    { action: 'deleteFile', params: { path: 'astro.config.mjs' } },
    {
      action: 'persistMedia',
      params: { asset: { path: 'content/articles/x.js', content: 'YWxlcnQoMSk=', encoding: 'base64' } },
    },
  ])('refuses to touch anything outside content ($action $params.path)', async (request) => {
    const { res } = await api(editor, request);
    expect([403, 422]).toContain(res.status);
  });

  it.each(['{"action":"unpublishedEntries","params":{}}', 'non è JSON', '[]'])('answers %s with a 4xx', async (raw) => {
    const { res } = await editor.text('/admin/redazione/api', {
      method: 'POST',
      body: raw,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('takes an image upload larger than the site’s 32 KB limit, from a signed-in editor only', async () => {
    const image = Buffer.alloc(200_000, 1).toString('base64');
    const upload = {
      action: 'persistMedia',
      params: { asset: { path: 'content/articles/foto.jpg', content: image, encoding: 'base64' }, options: {} },
    };
    const { res } = await api(editor, upload);
    expect(res.status).toBe(200);
    expect(git('log', '-1', '--format=%an|%s')).toBe('Persona redazione|Carica content/articles/foto.jpg\n');
    const anonymous = await fetch(`${server.url}/admin/redazione/api`, {
      method: 'POST',
      body: JSON.stringify(upload),
      headers: { 'Content-Type': 'application/json', Origin: server.url },
    });
    expect(anonymous.status).toBe(413);
  });
});

describe('preview links for drafts', () => {
  it('the redazione makes an expiring link that anyone can open, kept out of search engines', async () => {
    const list = await editor.text('/admin/redazione/anteprima/');
    expect(list.res.status).toBe(200);
    expect(list.body).toContain('FIXTURE-DRAFT-7f3a');
    const token = /name="csrf" value="([^"]+)"/.exec(list.body)![1];
    const made = await editor.post('/admin/redazione/anteprima/', {
      csrf: token,
      articolo: 'bozza-di-prova',
      durata: 'giorno',
    });
    expect(made.res.status).toBe(200);
    const link = /https?:\/\/[^<\s]+\/anteprima\/[^<\s]+\//.exec(made.body)![0];
    const preview = await fetch(`${server.url}${new URL(link).pathname}`);
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(html).toContain('FIXTURE-DRAFT-7f3a');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(preview.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(preview.headers.get('referrer-policy')).toBe('no-referrer');
    expect(preview.headers.get('cache-control')).toBe('no-store');

    const forged = new URL(link).pathname.replace(/\.([A-Za-z0-9_-]{32})\/$/, `.${'A'.repeat(32)}/`);
    expect((await fetch(`${server.url}${forged}`)).status).toBe(404);
    expect((await fetch(`${server.url}/anteprima/definizione-di-networking/`)).status).toBe(404);
  });

  it('only for articles not yet published, and not for a commerciale', async () => {
    const token = await editor.csrf('/admin/redazione/anteprima/');
    const published = await editor.post('/admin/redazione/anteprima/', {
      csrf: token,
      articolo: 'definizione-di-networking',
      durata: 'giorno',
    });
    expect(published.res.status).toBe(422);
    expect((await sales.fetch('/admin/redazione/anteprima/')).status).toBe(403);
  });
});
