import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Written by the supervisor in DATA_DIR, read by the team area. */
export const PUBLISHING_STATUS_FILE = 'pubblicazione.json';

export interface PublishingStatus {
  supervised: true;
  /** The release online. */
  current?: { id: string; builtAt: string };
  /** The last build, and the build's own error when it failed. */
  lastAttempt?: { at: string; reason: string; ok: boolean; error?: string };
}

/** What the supervisor last recorded, or null when the server runs without one (`npm run serve`). */
export async function readPublishingStatus(dataDir: string): Promise<PublishingStatus | null> {
  if (process.env.SV_SUPERVISED !== '1') return null;
  try {
    return JSON.parse(await readFile(path.join(dataDir, PUBLISHING_STATUS_FILE), 'utf8'));
  } catch {
    return null;
  }
}
