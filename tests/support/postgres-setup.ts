import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `postgres` database of the throwaway cluster: tests create their own databases on it. */
    postgresUrl: string;
  }
}

/**
 * Vitest global setup: one throwaway PostgreSQL cluster for every test that runs against
 * PostgreSQL (`tests/support/engines.ts`), stopped and deleted after the run.
 */
export default function setup(project: TestProject): () => void {
  const started = Date.now();
  const cluster = startCluster();
  console.log(`postgres ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('postgresUrl', cluster.url());
  return () => cluster.stop();
}
