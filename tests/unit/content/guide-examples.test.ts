import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSource } from '../../../src/lib/content/source-check.ts';
import { SOURCE_FOLDERS } from '../../../src/lib/content/sources.ts';

const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
const frontmatters = (text: string) => [...text.matchAll(/```yaml\n\s*(---\n[\s\S]*?\n\s*---)\n/g)].map((m) => m[1]);

describe('the examples the redazione copies are valid, in double quotes', () => {
  it.each(['docs/guida-redazione.md', 'README.md'])('%s', (file) => {
    const examples = frontmatters(read(file)).map((e) => e.replace(/^ {3}/gm, ''));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const bytes = new TextEncoder().encode(`${example}\n\nTesto.\n`);
      expect(checkSource(file, bytes, 'frontmatter', SOURCE_FOLDERS[0].schema)).toEqual([]);
      expect(example).not.toMatch(/^\w+: '/m);
    }
  });
});
