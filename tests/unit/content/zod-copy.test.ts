import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { z as astroZ } from 'astro/zod';
import { z } from '../../../src/lib/zod.ts';

const manifest = (file: string) => JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'));

describe('one copy of zod', () => {
  it('src/lib imports the same zod as Astro, so image() and our schemas mix', () => {
    expect(astroZ.ZodType).toBe(z.ZodType);
  });

  it('package.json declares the exact version installed for Astro', () => {
    const declared = manifest('package.json').dependencies.zod;
    expect(declared).toBe(manifest('node_modules/zod/package.json').version);
    expect(declared).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
