import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { FunnelStore } from '../../src/server/storage/funnel-store.ts';
import { ENGINES, freshDb } from '../support/engines.ts';

describe.each(ENGINES)('the funnel store on %s', (engine) => {
  let db: Db;
  let close: () => Promise<void>;
  let store: FunnelStore;
  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
    store = new FunnelStore(db);
  });
  afterEach(() => close());

  const hit = (day: string, event: string, source = '', campaign = '', quizVersion = 'v1') => ({
    day,
    quizId: 'test-gratuito',
    quizVersion,
    event,
    source,
    campaign,
  });

  it('counts 100 concurrent hits of one counter exactly, in one row', async () => {
    await Promise.all(Array.from({ length: 100 }, () => store.hit(hit('2026-11-30', 'step:0', 'a'))));
    expect(await store.counts('test-gratuito', 'v1', '2026-11-30', '2026-11-30')).toEqual([
      { event: 'step:0', source: 'a', campaign: '', hits: 100 },
    ]);
    expect(Number((await db.get('SELECT COUNT(*) AS n FROM funnel_counts'))?.n)).toBe(1);
  });

  it('sums the days asked for, one version at a time', async () => {
    await store.hit(hit('2026-11-28', 'submitted'));
    await store.hit(hit('2026-11-29', 'submitted'));
    await store.hit(hit('2026-11-30', 'submitted'));
    await store.hit(hit('2026-11-29', 'submitted', '', '', 'v0'));
    await store.hit(hit('2026-11-29', 'outcome:alto', '', 'dicembre'));
    expect(await store.counts('test-gratuito', 'v1', '2026-11-29', '2026-11-30')).toEqual([
      { event: 'outcome:alto', source: '', campaign: 'dicembre', hits: 1 },
      { event: 'submitted', source: '', campaign: '', hits: 2 },
    ]);
  });
});
