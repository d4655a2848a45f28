import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { previewHtml, previewToken, readPreviewToken } from '../../../src/lib/cms/preview.ts';

const key = Buffer.alloc(32, 7);
const now = new Date('2026-11-30T10:00:00Z');
const inADay = new Date('2026-12-01T10:00:00Z');

describe('preview links', () => {
  it('open their article until they expire', () => {
    const token = previewToken(key, 'bozza-di-prova', inADay);
    expect(readPreviewToken(key, token, now)).toBe('bozza-di-prova');
    expect(readPreviewToken(key, token, inADay)).toBeNull();
  });

  it('cannot be forged, changed or extended', () => {
    const token = previewToken(key, 'bozza-di-prova', inADay);
    const [id, expires, signature] = token.split('.');
    expect(readPreviewToken(Buffer.alloc(32, 8), token, now)).toBeNull();
    expect(readPreviewToken(key, `altra-bozza.${expires}.${signature}`, now)).toBeNull();
    expect(readPreviewToken(key, `${id}.${(parseInt(expires, 36) + 86400).toString(36)}.${signature}`, now)).toBeNull();
    expect(readPreviewToken(key, `${id}.${expires}.${'A'.repeat(32)}`, now)).toBeNull();
    expect(readPreviewToken(key, '../etc.passwd.x', now)).toBeNull();
    expect(readPreviewToken(key, '', now)).toBeNull();
  });
});

describe('a draft’s body as preview HTML', () => {
  it('renders Markdown, escapes HTML and runs nothing', () => {
    const html = previewHtml('## Titolo\n\nTesto **forte** <script>alert(1)</script> {x}\n');
    expect(html).toContain('<h2>Titolo</h2>');
    expect(html).toContain('<strong>forte</strong>');
    expect(html).not.toContain('<script>');
  });

  it('shows the founding article’s definitions and invitation as boxes', () => {
    const body = readFileSync(
      new URL('../../../content/articles/definizione-di-networking.mdx', import.meta.url),
      'utf8',
    );
    const html = previewHtml(body.slice(body.indexOf('\n---\n', 4) + 5));
    expect(html).toContain('<figcaption>La definizione tradizionale</figcaption>');
    expect(html).toContain('<figcaption>La nuova definizione di Networking</figcaption>');
    expect(html).toContain('<strong>attivare</strong>');
    expect(html).toContain('<p class="cta__title">Quindi entra subito nel mondo del Networking!</p>');
    expect(html).not.toContain('&lt;Definizione');
  });

  it('keeps the components in their order', () => {
    const html = previewHtml('<CallToAction>\nprima\n</CallToAction>\n\n<Definizione>\ndopo\n</Definizione>\n');
    expect(html.indexOf('prima')).toBeLessThan(html.indexOf('dopo'));
  });

  it('uses the caption and defaults of each component', () => {
    expect(previewHtml('<Definizione tipo="nuova" titolo="Oggi">\nx\n</Definizione>')).toContain(
      '<figcaption>Oggi</figcaption>',
    );
    expect(previewHtml('<CallToAction>\nx\n</CallToAction>')).toContain('Scopri se la tua azienda è in target');
    expect(previewHtml('<CallToAction title="Soci & clienti <tutti>">\nx\n</CallToAction>')).toContain(
      'Soci &#38; clienti &#60;tutti&#62;',
    );
    expect(previewHtml('<CallToAction>\nx\n</CallToAction>')).toContain('[Fai il test gratuito]');
  });
});
