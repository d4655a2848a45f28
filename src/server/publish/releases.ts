import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile, readlink } from 'node:fs/promises';
import { setPriority } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** A built site: its folder (with `server/` and `client/`) and when it was built. */
export interface Release {
  id: string;
  dir: string;
  builtAt: Date;
  /** The SITE_URL it was built for (its canonical URLs, sitemap and feed); unknown for `dist/`. */
  siteUrl?: string;
}

export type BuildResult = { ok: true; release: Release } | { ok: false; error: string };

const CURRENT = 'current';

/**
 * Builds of the site, each in a folder of its own under `releasesDir`, and the `current`
 * link that says which one is online. A build that fails leaves `current` untouched.
 */
export class Releases {
  readonly root: string;
  readonly dir: string;

  constructor(root: string, releasesDir: string) {
    this.root = root;
    this.dir = path.resolve(root, releasesDir);
    // A built server imports its packages from node_modules, found by walking up from its folder.
    if (path.relative(root, this.dir).startsWith('..'))
      throw new Error(`RELEASES_DIR (${this.dir}) must be inside the project folder, beside node_modules`);
  }

  /** The release online: the one `current` points to, else the project's own `dist/` build, else none. */
  async current(): Promise<Release | null> {
    try {
      const id = await readlink(path.join(this.dir, CURRENT));
      const meta = JSON.parse(await readFile(path.join(this.dir, id, 'release.json'), 'utf8'));
      return { id, dir: path.join(this.dir, id), builtAt: new Date(meta.builtAt), siteUrl: meta.siteUrl };
    } catch {
      const dist = path.join(this.root, 'dist');
      try {
        return { id: 'dist', dir: dist, builtAt: (await stat(path.join(dist, 'server', 'entry.mjs'))).mtime };
      } catch {
        return null;
      }
    }
  }

  /**
   * Whether anything the build reads (the content, the code, the settings file, SITE_URL)
   * changed after `release` was built: `npm start` after an edit, or an image started for
   * another domain, must not serve the old site.
   */
  async isStale(release: Release, contentRoot: string, siteUrl: string): Promise<boolean> {
    if (release.siteUrl !== undefined && release.siteUrl !== siteUrl) return true;
    return this.changedSince(release.builtAt, [
      contentRoot,
      'src',
      'public',
      'astro.config.mjs',
      'scripts/build.ts',
      'package-lock.json',
    ]);
  }

  /** Whether a file under one of `sources` (relative to the project) was modified after `time`. */
  async changedSince(time: Date, sources: string[]): Promise<boolean> {
    for (const source of sources) {
      if ((await newestChange(path.resolve(this.root, source))) > time.getTime()) return true;
    }
    return false;
  }

  /**
   * Builds the site into a new folder, at low CPU priority so the site online keeps
   * answering. The build's start time is the release's time: an article dated during the
   * build is published by the next one.
   */
  async build(siteUrl: string, now = new Date()): Promise<BuildResult> {
    await mkdir(this.dir, { recursive: true });
    const id = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const dir = path.join(this.dir, id);
    const build = path.join(this.root, 'scripts', 'build.ts');
    const child = spawn(process.execPath, [build, '--force', '--outDir', dir], {
      cwd: this.root,
      // No publication phones home: Astro's telemetry is off for these builds.
      env: { ...process.env, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // Not allowed here: the build runs at normal priority.
    }
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0) {
      await rm(dir, { recursive: true, force: true });
      return { ok: false, error: lastLines(output, 30) };
    }
    await writeFile(path.join(dir, 'release.json'), JSON.stringify({ id, builtAt: now.toISOString(), siteUrl }));
    return { ok: true, release: { id, dir, builtAt: now, siteUrl } };
  }

  /** Points `current` at a release, atomically (a new link renamed over the old one). */
  async switchTo(release: Release): Promise<void> {
    const temporary = path.join(this.dir, `${CURRENT}.${process.pid}`);
    await rm(temporary, { force: true });
    await symlink(release.id, temporary);
    await rename(temporary, path.join(this.dir, CURRENT));
  }

  /** Deletes old releases, keeping the `keep` newest and the one online. */
  async prune(keep: number, online: Release): Promise<void> {
    const ids = (await readdir(this.dir)).filter((f) => /^\d{8}T\d{6}$/.test(f)).sort();
    for (const id of ids.slice(0, -keep)) {
      if (id !== online.id) await rm(path.join(this.dir, id), { recursive: true, force: true });
    }
  }
}

/** The newest modification time (ms) of a file, or of any file under a folder; 0 when missing. */
async function newestChange(target: string): Promise<number> {
  try {
    const info = await stat(target);
    if (!info.isDirectory()) return info.mtimeMs;
    let newest = info.mtimeMs;
    for (const entry of await readdir(target, { recursive: true })) {
      newest = Math.max(newest, (await stat(path.join(target, entry))).mtimeMs);
    }
    return newest;
  } catch {
    return 0;
  }
}

/** The end of a build's output, without terminal colours: where Astro names the file and the field. */
function lastLines(output: string, count: number): string {
  return stripVTControlCharacters(output).trim().split('\n').slice(-count).join('\n');
}
