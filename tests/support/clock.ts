import { existsSync } from 'node:fs';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/**
 * The environment that starts a process under a shifted clock (libfaketime, Debian's
 * `faketime`): `shifted('+800d')`, `shifted('-1h')`. The process really reads that time.
 */
export function shiftedClock(offset: string): Record<string, string> {
  if (!existsSync(LIBFAKETIME)) throw new Error('libfaketime not found: install it (apt-get install -y faketime)');
  return { LD_PRELOAD: LIBFAKETIME, FAKETIME: offset, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}
