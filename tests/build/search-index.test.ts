import { describe, it, expect } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexSearch } from '../../src/build/search-index.ts';

describe('the search index step of a build', () => {
  it('fails on a folder with no page, instead of passing a site without search', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'sv-index-'));
    try {
      await expect(indexSearch(empty)).rejects.toThrow(
        `Pagefind could not index the site: no page to index in ${empty}`,
      );
      await expect(indexSearch(path.join(empty, 'missing'))).rejects.toThrow(/no page to index/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
