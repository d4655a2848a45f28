import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_CLIENT } from '../support/paths.ts';

/* Testimonials from content/testimonianze/ (the test build's two made-up ones, one with a photo). */
const html = readFileSync(path.join(TEST_CLIENT, 'test-gratuito', 'index.html'), 'utf8');

describe('testimonials on the test page', () => {
  it('shows each with name, role and company, in their order', () => {
    const section = html.slice(html.indexOf('<section class="testimonials"'));
    expect(section).toContain('Chi ha già scelto il metodo');
    expect(section.indexOf('Carla Prova')).toBeLessThan(section.indexOf('Mario Prova'));
    expect(section).toContain('Titolare, Prova Impianti Srl');
    expect(section).toContain('In sei mesi la rete ci ha portato clienti');
  });

  it('serves the optional photo through astro:assets, as decoration', () => {
    expect(html).toMatch(/<img src="\/_astro\/carla-prova\.[\w-]+\.webp" alt [^>]*width="56"/);
    expect(html.match(/class="testimonials__photo/g)).toHaveLength(1);
  });
});
