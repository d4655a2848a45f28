import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { smallDisk, type SmallDisk } from '../support/disk.ts';

let disk: SmallDisk;
let server: RunningServer;
beforeAll(async () => {
  disk = await smallDisk();
  server = await startServer({ DATA_DIR: disk.dir, LEADS_RATE_LIMIT: '1' });
});
afterAll(async () => {
  await server?.stop();
  await disk?.unmount();
});

const health = async () => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: await res.json() };
};

describe('GET /healthz', () => {
  it('is 200 with a small JSON while the database takes writes, and never rate-limited', async () => {
    for (let i = 0; i < 5; i++)
      expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'writable' } });
  });

  it('is 503 when the data volume is full, and 200 again once there is room', async () => {
    await disk.fill();
    try {
      expect(await health()).toEqual({ status: 503, body: { status: 'error', database: 'not writable' } });
    } finally {
      await disk.free();
    }
    expect((await health()).status).toBe(200);
  });
});
