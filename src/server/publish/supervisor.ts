import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nextPublication } from '../../lib/articles/schedule.ts';
import { readDatedArticles } from './articles-on-disk.ts';
import { Releases, type Release } from './releases.ts';
import { PUBLISHING_STATUS_FILE, type PublishingStatus } from './status.ts';

const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

export interface SupervisorOptions {
  root: string;
  releasesDir: string;
  contentRoot: string;
  dataDir: string;
  /** The public origin the site is built for (SITE_URL). */
  siteUrl: string;
  /** How often the content is checked for an article whose time has come. */
  checkSeconds: number;
  /** Releases kept besides the one online, to go back by hand. */
  keep: number;
  now?: () => Date;
  log?: (line: string) => void;
}

/**
 * Keeps the site online and up to date without a person: runs the server of the current
 * release, and when a scheduled article's time has come (or `publish()` is asked), builds
 * a new release in its own folder; only when that build succeeded does it start the new
 * server beside the old one (they share the port), then stop the old one, so no request
 * is refused. A failed build leaves the site as it was and is recorded, in the build's
 * own words, for the team area.
 */
export class Supervisor {
  private readonly releases: Releases;
  private readonly options: Required<SupervisorOptions>;
  private online: { release: Release; child: ChildProcess } | null = null;
  private building: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  /** When the last build failed: the same content is not built again for a while. */
  private failedAt: Date | null = null;
  private status: PublishingStatus = { supervised: true };

  constructor(options: SupervisorOptions) {
    this.options = { now: () => new Date(), log: (line) => console.log(`[pubblicazione] ${line}`), ...options };
    this.releases = new Releases(options.root, options.releasesDir);
  }

  /**
   * Serves the current release (building one first when there is none, or when the
   * content or code changed since it was built) and starts watching the schedule.
   */
  async start(): Promise<void> {
    let release = await this.releases.current();
    if (!release || (await this.releases.isStale(release, this.options.contentRoot, this.options.siteUrl))) {
      const built = await this.releases.build(this.options.siteUrl, this.options.now());
      if (!built.ok) throw new Error(`the first build failed:\n${built.error}`);
      await this.releases.switchTo(built.release);
      release = built.release;
    }
    this.online = { release, child: await this.launch(release) };
    await this.record({ current: { id: release.id, builtAt: release.builtAt.toISOString() } });
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkSeconds * 1000);
  }

  /** Builds and switches to a new release now (or right after the build in progress). */
  publish(reason: string): Promise<void> {
    const build: Promise<void> = (this.building ?? Promise.resolve())
      .then(() => this.rebuild(reason))
      .finally(() => {
        if (this.building === build) this.building = null;
      });
    this.building = build;
    return build;
  }

  /** Stops watching and stops the server, letting its requests in flight finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.building;
    if (this.online) await stopChild(this.online.child);
  }

  private async check(): Promise<void> {
    if (!this.online || this.building || this.stopping) return;
    try {
      const articles = await readDatedArticles(this.options.contentRoot);
      const due = nextPublication(articles, this.online.release.builtAt);
      const now = this.options.now();
      if (due && due.getTime() <= now.getTime() && (await this.worthRetrying(now))) {
        const titles = articles.filter((a) => !a.draft && a.pubDate.getTime() === due.getTime()).map((a) => a.title);
        await this.publish(`programmato: ${titles.join(', ')}`);
      }
    } catch (error) {
      this.options.log(`checking the schedule failed: ${(error as Error).message}`);
    }
  }

  /**
   * After a failed build, the same content would fail again: the next attempt waits for a
   * change to the content, or RETRY_AFTER_FAILURE (a fault of the machine may have passed).
   */
  private async worthRetrying(now: Date): Promise<boolean> {
    if (!this.failedAt) return true;
    if (now.getTime() - this.failedAt.getTime() >= RETRY_AFTER_FAILURE_MS) return true;
    return this.releases.changedSince(this.failedAt, [this.options.contentRoot]);
  }

  private async rebuild(reason: string): Promise<void> {
    if (this.stopping) return;
    const at = this.options.now();
    this.options.log(`building (${reason})`);
    const built = await this.releases.build(this.options.siteUrl, at);
    if (!built.ok) {
      this.failedAt = at;
      this.options.log(`build failed, the site stays as it was:\n${built.error}`);
      await this.record({ lastAttempt: { at: at.toISOString(), reason, ok: false, error: built.error } });
      return;
    }
    let child: ChildProcess;
    try {
      child = await this.launch(built.release);
    } catch (error) {
      const message = (error as Error).message;
      this.options.log(`the new release did not start, the site stays as it was: ${message}`);
      await this.record({ lastAttempt: { at: at.toISOString(), reason, ok: false, error: message } });
      return;
    }
    this.failedAt = null;
    const previous = this.online;
    this.online = { release: built.release, child };
    await this.releases.switchTo(built.release);
    this.options.log(`online: release ${built.release.id}`);
    await this.record({
      current: { id: built.release.id, builtAt: built.release.builtAt.toISOString() },
      lastAttempt: { at: at.toISOString(), reason, ok: true },
    });
    if (previous) await stopChild(previous.child, true);
    await this.releases.prune(this.options.keep, built.release);
  }

  /** Starts a release's server and resolves once it listens; a server that dies later is started again. */
  private launch(release: Release): Promise<ChildProcess> {
    const child = spawn(process.execPath, [path.join(release.dir, 'server', 'entry.mjs')], {
      env: { ...process.env, SV_SUPERVISED: '1', SV_RELEASE: release.id },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const early = (code: number | null) => reject(new Error(`the server exited with ${code} before listening`));
      child.once('exit', early);
      child.on('message', (message: { type?: string; reason?: unknown }) => {
        // The web editor saved a change (src/server/cms/editor.ts): publish it like a scheduled article.
        if (message?.type === 'publish' && this.online?.child === child) {
          void this.publish(String(message.reason ?? 'redazione').slice(0, 300));
          return;
        }
        if (message?.type !== 'listening') return;
        child.off('exit', early);
        child.once('exit', (code, signal) => this.restartIfOnline(child, code ?? signal));
        resolve(child);
      });
    });
  }

  private restartIfOnline(child: ChildProcess, how: number | string | null): void {
    if (this.stopping || this.online?.child !== child) return;
    this.options.log(`the server stopped unexpectedly (${how}): starting it again`);
    const release = this.online.release;
    setTimeout(() => {
      this.launch(release).then(
        (next) => {
          if (this.online?.release === release) this.online.child = next;
        },
        (error) => {
          this.options.log(`restart failed: ${(error as Error).message}`);
          process.exitCode = 1;
          void this.stop();
        },
      );
    }, 1000);
  }

  private async record(change: Partial<PublishingStatus>): Promise<void> {
    this.status = { ...this.status, ...change };
    await mkdir(this.options.dataDir, { recursive: true });
    // Written aside, then renamed over: the team area never reads half a file.
    const file = path.join(this.options.dataDir, PUBLISHING_STATUS_FILE);
    await writeFile(`${file}.tmp`, JSON.stringify(this.status, null, 2));
    await rename(`${file}.tmp`, file);
  }
}

/**
 * Stops a release's server: at once (SIGTERM), or, when another one already serves the
 * port, by a handover that lets its clients' connections move over first.
 */
function stopChild(child: ChildProcess, handover = false): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    if (handover && child.connected) child.send({ type: 'handover' });
    else child.kill('SIGTERM');
  });
}
