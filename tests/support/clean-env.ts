/**
 * The environment for a child build or server, without what Vitest adds to
 * `process.env` (`DEV=1`, `MODE=test`, `NODE_ENV=test`, …): Astro reads
 * `import.meta.env` from `process.env` on the server, so those would turn a
 * production build into one that shows drafts.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|TEST$|DEV$|PROD$|MODE$|NODE_ENV$|SSR$|BASE_URL$)/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}
