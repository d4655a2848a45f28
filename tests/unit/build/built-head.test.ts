import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBuiltHead } from '../../../src/build/built-head.ts';

describe('readBuiltHead', () => {
  let dir: string;
  beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'built-head-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const page = async (name: string, html: string) => {
    const file = path.join(dir, name);
    await writeFile(file, html);
    return file;
  };

  it('reads up to the end of the head, not the body', async () => {
    const file = await page(
      'breve.html',
      '<html><head><meta name="robots" content="noindex"></head><body>testo</body>',
    );
    expect(await readBuiltHead(file)).toBe('<html><head><meta name="robots" content="noindex"><');
  });

  it('reads a head longer than one read, with a letter split between two reads', async () => {
    // "é" is two bytes in UTF-8: its first one is the last of the first 16 KB read, its second the next read's.
    const before = '<head><style>';
    const head = `${before}${'a'.repeat(16 * 1024 - 1 - before.length)}é</style><meta name="description" content="Perché">`;
    expect(
      Buffer.from(head)
        .subarray(16 * 1024 - 1, 16 * 1024 + 1)
        .toString(),
    ).toBe('é');
    const file = await page('lunga.html', `${head}</head><body>${'b'.repeat(50_000)}</body>`);
    expect(await readBuiltHead(file)).toBe(`${head}<`);
  });

  it('finds the end of the head when it straddles two reads', async () => {
    // "</head>" begins three bytes before the end of the first 16 KB read.
    const head = `<head><title>${'t'.repeat(16 * 1024 - 3 - '<head><title>'.length - '</title>'.length)}</title>`;
    expect(Buffer.byteLength(head)).toBe(16 * 1024 - 3);
    const file = await page('a-cavallo.html', `${head}</head><body>${'</head>'.repeat(3)}</body>`);
    expect(await readBuiltHead(file)).toBe(`${head}<`);
  });

  it('reads a folder where a page should be as no head', async () => {
    expect(await readBuiltHead(dir)).toBe('');
  });

  it('gives the whole file when there is no head end, and nothing for a missing file', async () => {
    const text = `<p>${'c'.repeat(40_000)}</p>`;
    expect(await readBuiltHead(await page('senza-head.html', text))).toBe(text);
    expect(await readBuiltHead(path.join(dir, 'manca.html'))).toBe('');
  });
});
