/**
 * Runs the site the way it runs in production (`npm start`, and the container's command):
 * builds a release when there is none, serves it, and publishes scheduled articles at
 * their time by building a new release and switching to it (src/server/publish/).
 */
import { cliSettings } from './lib/cli.ts';
import { Supervisor } from '../src/server/publish/supervisor.ts';

const settings = cliSettings();
const supervisor = new Supervisor({
  root: process.cwd(),
  releasesDir: settings.RELEASES_DIR,
  contentRoot: settings.CONTENT_ROOT,
  dataDir: settings.DATA_DIR,
  siteUrl: settings.SITE_URL,
  checkSeconds: settings.PUBLISH_CHECK_SECONDS,
  keep: 3,
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void supervisor.stop().then(() => process.exit(process.exitCode ?? 0)));
}
try {
  await supervisor.start();
} catch (error) {
  console.error(`[pubblicazione] ${(error as Error).message}`);
  await supervisor.stop();
  process.exit(1);
}
