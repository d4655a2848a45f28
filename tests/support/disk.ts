import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills the disk to the last byte (a real ENOSPC for whoever writes next). */
  fill: () => Promise<void>;
  /** Frees what `fill` took. */
  free: () => Promise<void>;
  /** Read-only from now on (refused while a file on it is open for writing), and writable again. */
  readOnly: () => void;
  readWrite: () => void;
  unmount: () => Promise<void>;
}

/**
 * A real, small filesystem (tmpfs) for a server's DATA_DIR, to fill up or turn read-only
 * under it: the faults of a production disk, not a mock. Needs root (CI runs as root).
 */
export async function smallDisk(size = '4m'): Promise<SmallDisk> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sv-disk-'));
  const mount = (...options: string[]) => execFileSync('mount', options, { stdio: 'pipe' });
  try {
    mount('-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir);
  } catch (error) {
    throw new Error(`cannot mount a tmpfs for the disk-fault tests (run them as root): ${(error as Error).message}`);
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill: async () => {
      // Written in pieces until the disk refuses: ENOSPC is the point.
      try {
        for (;;) await writeFile(filler, Buffer.alloc(64 * 1024), { flag: 'a' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    },
    free: () => rm(filler, { force: true }),
    readOnly: () => mount('-o', 'remount,ro', dir),
    readWrite: () => mount('-o', 'remount,rw', dir),
    unmount: async () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
