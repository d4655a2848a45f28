import { describe, it, expect, vi } from 'vitest';
import path from 'node:path';
import { SOURCE_FOLDERS } from '../../../src/lib/content/sources.ts';

// The collections at the edge: each glob loader keeps its pattern and folder, so this test reads what Astro loads.
vi.mock('astro:content', () => ({ defineCollection: <T>(collection: T) => collection }));
vi.mock('astro/loaders', () => ({
  glob: ({ pattern, base }: { pattern: string; base: string }) => ({ name: 'glob', pattern, base, load: () => {} }),
}));

const { collections } = await import('../../../src/content.config.ts');

/** Each collection's folder under the content root and the files its loader takes. */
const loaded = Object.values(collections).map((c) => {
  const { pattern, base } = (c as unknown as { loader: { pattern: string; base: string } }).loader;
  return { folder: path.basename(base), pattern };
});

/** File names an author may leave in a content folder. */
const NAMES = ['a.mdx', 'a.md', 'a.yaml', 'a.yml', 'a.json', 'a.txt', 'LEGGIMI.md', 'a.mdx.bak', 'foto.jpg'];

describe('the content check covers what Astro loads', () => {
  it('every collection’s folder, each once', () => {
    expect(SOURCE_FOLDERS.map((s) => s.folder).sort()).toEqual(loaded.map((c) => c.folder).sort());
  });

  it.each(loaded)('content/$folder: exactly the files its loader ($pattern) reads', ({ folder, pattern }) => {
    const source = SOURCE_FOLDERS.find((s) => s.folder === folder)!;
    for (const name of NAMES) {
      expect(source.extensions.some((e) => name.endsWith(e)), name).toBe(path.matchesGlob(name, pattern));
    }
  });

  it.each(SOURCE_FOLDERS)('content/$folder is read as its files are written', ({ extensions, format }) => {
    // MDX keeps its data in a frontmatter; a YAML file is data from its first line.
    expect(format).toBe(extensions.every((e) => e === '.mdx') ? 'frontmatter' : 'yaml');
  });
});
