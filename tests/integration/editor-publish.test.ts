import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { tempDataDir } from '../support/server.ts';
import { eventually } from '../support/leads.ts';
import { withAstroLock } from '../support/build-lock.ts';
import { TEST_BUILD, TEST_CONTENT } from '../support/paths.ts';
import { releasesFromTestBuild } from '../support/releases.ts';
import { startSupervisor, type RunningSupervisor } from '../support/supervisor.ts';
import { editorRepo, signedInMember } from '../support/editor-setup.ts';
import type { TeamClient } from '../support/team-client.ts';

/*
 * Issue 13: a change saved in the web editor goes online by itself. `npm start`'s supervisor serves the site from
 * the editor's clone (CONTENT_ROOT = CMS_REPO_DIR/content); a save asks it to build a new release and switch to
 * it, and a save whose build fails leaves the site as it was, with the error on the Pubblicazione page.
 */

const RELEASES = path.join(TEST_BUILD, 'releases-editor');
const REPO = path.join(TEST_BUILD, 'cms-repo');
const FOUNDING = 'content/articles/definizione-di-networking.mdx';
let supervisor: RunningSupervisor;
let url: string;
let editor: TeamClient;
let csrf = '';
let git: (...args: string[]) => string;

const save = async (file: string, raw: string) => {
  const { res, body } = await editor.text('/admin/redazione/api', {
    method: 'POST',
    body: JSON.stringify({
      action: 'persistEntry',
      params: {
        dataFiles: [{ slug: 'x', path: file, raw }],
        assets: [],
        options: { commitMessage: `Aggiorna ${file}` },
      },
    }),
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
  });
  expect(res.status, body).toBe(200);
};
const page = async (p: string) => {
  const res = await fetch(url + p);
  return { status: res.status, html: await res.text() };
};

beforeAll(async () => {
  await rm(RELEASES, { recursive: true, force: true });
  ({ git } = await editorRepo(TEST_CONTENT, REPO));
  await releasesFromTestBuild(RELEASES);
  const dataDir = await tempDataDir();
  supervisor = await startSupervisor({
    DATA_DIR: dataDir,
    CMS_REPO_DIR: REPO,
    CONTENT_ROOT: path.join(REPO, 'content'),
    RELEASES_DIR: RELEASES,
  });
  url = supervisor.url;
  editor = await signedInMember(url, dataDir, 'redazione@esempio.it', 'redazione');
  const html = (await editor.text('/admin/redazione/')).body;
  csrf = JSON.parse(/<script type="application\/json" id="editor-data">(.*?)<\/script>/.exec(html)![1]).csrf;
}, 60_000);

afterAll(async () => {
  await supervisor?.stop();
  await Promise.all([RELEASES, REPO].map((d) => rm(d, { recursive: true, force: true })));
});

describe('publishing a save from the web editor (npm start)', () => {
  it('a saved change is live after one build, by itself', async () => {
    const original = await readFile(path.join(REPO, FOUNDING), 'utf8');
    const changed = original.replace(
      "title: 'Definizione di Networking: cosa significa esattamente?'",
      'title: "Definizione di Networking: il significato, oggi"',
    );
    expect(changed).not.toBe(original);
    await withAstroLock(async () => {
      const saved = Date.now();
      await save(FOUNDING, changed);
      await eventually(
        async () => (await page('/blog/definizione-di-networking/')).html.includes('il significato, oggi</h1>'),
        120_000,
        `the change online\n${supervisor.log()}`,
      );
      console.log(`editor: save → live in ${((Date.now() - saved) / 1000).toFixed(1)} s`);
    });
    expect(git('log', '-1', '--format=%an')).toBe('Persona redazione\n');
    expect(supervisor.log()).toMatch(
      /building \(redazione: Persona redazione ha salvato content\/articles\/definizione-di-networking\.mdx\)/,
    );
  }, 150_000);

  it('a save whose build fails leaves the site as it was and shows the error on the Pubblicazione page', async () => {
    const original = await readFile(path.join(REPO, FOUNDING), 'utf8');
    // Valid frontmatter, but MDX cannot compile a body with an unclosed tag: only the build finds it.
    const broken =
      original.replace('il significato, oggi', 'il significato, domani') + '\n<Definizione tipo="nuova">\n';
    await withAstroLock(async () => {
      await save(FOUNDING, broken);
      await eventually(
        async () => /build failed/.test(supervisor.log()),
        120_000,
        `a failed build\n${supervisor.log()}`,
      );
    });
    const live = await page('/blog/definizione-di-networking/');
    expect(live.status).toBe(200);
    expect(live.html).toContain('il significato, oggi</h1>');
    const status = (await editor.text('/admin/pubblicazione/')).body;
    expect(status).toContain('Ecco l’errore');
    expect(status).toContain('definizione-di-networking');
  }, 150_000);
});
