import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tempDataDir } from '../support/server.ts';
import { eventually } from '../support/leads.ts';
import { withAstroLock } from '../support/build-lock.ts';
import { TEST_BUILD, TEST_CONTENT, TEST_DIST } from '../support/paths.ts';
import { releasesFromTestBuild } from '../support/releases.ts';
import { startSupervisor, type RunningSupervisor } from '../support/supervisor.ts';
import type { PublishingStatus } from '../../src/server/publish/status.ts';
import { readDatedArticles } from '../../src/server/publish/articles-on-disk.ts';

/*
 * `npm start` as production runs it: the supervisor serves the current release and, when
 * a scheduled article's time comes, builds a new one and switches to it with nobody
 * running a build. The test build is the first release, so only the publication builds.
 */
const RELEASES = path.join(TEST_BUILD, 'releases-publish');
const content = path.join(TEST_BUILD, 'content-publish');
let supervisor: RunningSupervisor;
let url: string;
let dataDir: string;

const article = (title: string, pubDate: Date, extra = '') => `---
title: "${title}"
description: "Un articolo di prova che il sito deve pubblicare da solo quando arriva la sua data."
pubDate: ${pubDate.toISOString()}
${extra}---

Testo dell'articolo programmato.
`;

beforeAll(async () => {
  await Promise.all([rm(RELEASES, { recursive: true, force: true }), rm(content, { recursive: true, force: true })]);
  await cp(TEST_CONTENT, content, { recursive: true });
  await writeFile(
    path.join(content, 'articles', 'arriva-da-solo.mdx'),
    article('Un articolo che arriva da solo', new Date(Date.now() + 6000)),
  );
  // The first release is the test build, as if published a moment ago (after the content, so not stale).
  await releasesFromTestBuild(RELEASES);
  dataDir = await tempDataDir();
  supervisor = await startSupervisor({ DATA_DIR: dataDir, CONTENT_ROOT: content, RELEASES_DIR: RELEASES });
  url = supervisor.url;
}, 60_000);

afterAll(async () => {
  await supervisor?.stop();
  await Promise.all([rm(RELEASES, { recursive: true, force: true }), rm(content, { recursive: true, force: true })]);
});

const status = async (): Promise<PublishingStatus> =>
  JSON.parse(await readFile(path.join(dataDir, 'pubblicazione.json'), 'utf8'));
const get = async (p: string) => (await fetch(url + p)).status;

describe('scheduled publishing (npm start)', () => {
  it('publishes a scheduled article at its time, refusing no request while it switches', async () => {
    await withAstroLock(async () => {
      expect(await get('/blog/arriva-da-solo/')).toBe(404);
      let answered = 0;
      const failures: string[] = [];
      let done = false;
      // A visitor who keeps reading the home page throughout.
      const reader = (async () => {
        while (!done) {
          const res = await fetch(`${url}/`).catch((e: Error) => e);
          if (res instanceof Error || res.status !== 200)
            failures.push(String(res instanceof Error ? res : res.status));
          else answered++;
          if (res instanceof Response) await res.body?.cancel();
        }
      })();
      await eventually(
        async () => (await get('/blog/arriva-da-solo/')) === 200,
        120_000,
        `publication\n${supervisor.log()}`,
      );
      done = true;
      await reader;
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(10);
    });
    const s = await status();
    expect(s.lastAttempt).toMatchObject({ ok: true, reason: 'programmato: Un articolo che arriva da solo' });
    expect(s.current?.id).not.toBe('20000101T000000');
    expect(supervisor.log()).toContain('[pubblicazione] online: release');
    // The release is searchable, with the new article: its search index is built with it (scripts/build.ts).
    const pages = async (site: string) =>
      JSON.parse(await readFile(path.join(site, 'client/pagefind/pagefind-entry.json'), 'utf8')).languages.it
        .page_count;
    expect(await pages(path.join(RELEASES, 'current'))).toBe((await pages(TEST_DIST)) + 1);
  }, 150_000);

  it('keeps the site as it was when a build fails, and records the build’s own error', async () => {
    await writeFile(
      path.join(content, 'articles', 'rotto.mdx'),
      article('Un articolo rotto', new Date(Date.now() - 1000), 'tags: "non una lista"\n'),
    );
    await writeFile(
      path.join(content, 'articles', 'anche-questo.mdx'),
      article('Anche questo arriva da solo', new Date(Date.now() + 1000)),
    );
    await withAstroLock(() =>
      eventually(
        async () => (await status()).lastAttempt?.ok === false,
        120_000,
        `a failed build\n${supervisor.log()}`,
      ),
    );
    const { lastAttempt } = await status();
    expect(lastAttempt?.error).toContain('rotto');
    expect(lastAttempt?.error).toContain('tags');
    expect(await get('/blog/arriva-da-solo/')).toBe(200);
    expect(await get('/blog/anche-questo/')).toBe(404);
  }, 150_000);
});

describe('the articles the publisher waits for', () => {
  it('are read as Astro reads them: a frontmatter only the stricter YAML library refuses is still scheduled', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sv-dated-'));
    await mkdir(path.join(root, 'articles'));
    // js-yaml (Astro's reader) takes a comment right after a quoted value; the `yaml` library refuses it.
    await writeFile(
      path.join(root, 'articles', 'domani.mdx'),
      '---\ntitle: "Arriva domani"#nota\ndescription: "x"\npubDate: 2026-12-01T09:00:00+01:00\n---\n\nTesto.\n',
    );
    await writeFile(path.join(root, 'articles', 'rotto.mdx'), '---\ntitle: [non chiuso\n---\n');
    expect(await readDatedArticles(root)).toEqual([
      { id: 'domani', title: 'Arriva domani', pubDate: new Date('2026-12-01T08:00:00Z'), draft: false },
    ]);
    await rm(root, { recursive: true, force: true });
  });
});
