import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEST_CLIENT } from '../support/paths.ts';

/*
 * The company's identity comes from content/azienda/azienda.yaml; the test build uses the
 * complete fixture (tests/fixtures/content/azienda/azienda.yaml).
 */
const page = (p: string) => readFile(path.join(TEST_CLIENT, p, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('who the company is', () => {
  it.each(['', 'blog/definizione-di-networking', 'test-gratuito', 'privacy'])(
    'the footer of /%s shows the company fields',
    async (p) => {
      const footer = text((await page(p)).split('<footer class="site-footer"')[1]);
      expect(footer).toContain('Segnalazione Vincente S.r.l. di prova');
      expect(footer).toContain('Sede legale: Via delle Prove 12, 20121 Milano (MI)');
      expect(footer).toContain('P.IVA 01234567897 · REA MI-7654321');
      expect(footer).toContain('ciao@segnalazionevincente.test');
      expect(footer).toContain('+39 02 1234 5678');
    },
  );

  it('the privacy notice names the data controller from content, with no placeholder', async () => {
    const html = await page('privacy');
    expect(text(html)).toContain(
      'Il titolare del trattamento è Segnalazione Vincente S.r.l. di prova , con sede legale in Via delle Prove 12, 20121 Milano (MI), partita IVA 01234567897. Per qualsiasi richiesta sui tuoi dati puoi scrivere a ciao@segnalazionevincente.test .',
    );
    expect(html).toContain('href="mailto:ciao@segnalazionevincente.test"');
    expect(html).not.toMatch(/da completare|\[…/);
  });

  it('the home page’s Organization JSON-LD carries the legal details', async () => {
    const html = await page('');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) =>
      [JSON.parse(m[1])].flat(),
    );
    expect(blocks.find((b) => b['@type'] === 'Organization')).toMatchObject({
      legalName: 'Segnalazione Vincente S.r.l. di prova',
      vatID: 'IT01234567897',
      email: 'ciao@segnalazionevincente.test',
      address: { streetAddress: 'Via delle Prove 12', postalCode: '20121', addressLocality: 'Milano' },
      sameAs: ['https://www.linkedin.com/company/segnalazione-vincente-prova'],
    });
  });
});
