import { describe, it, expect } from 'vitest';
import { DEFAULT_QUERY, leadQueryFrom, leadQueryString } from '../../../src/lib/leads/lead-query.ts';

describe('the leads list’s URL', () => {
  it('reads every filter by its Italian name', () => {
    const query = leadQueryFrom(
      new URLSearchParams(
        'q=+Rossi+&stato=meeting&esito=in-target&articolo=definizione-di-networking&campagna=autunno&responsabile=anna@sv.it' +
          '&ricontatto=scaduti&dal=2026-11-01&al=2026-11-30&marketing=si&spam=solo&ordine=punteggio&pagina=3',
      ),
    );
    expect(query).toEqual({
      q: 'Rossi',
      stato: 'meeting',
      esito: 'in-target',
      articolo: 'definizione-di-networking',
      campagna: 'autunno',
      responsabile: 'anna@sv.it',
      ricontatto: 'scaduti',
      dal: '2026-11-01',
      al: '2026-11-30',
      marketing: 'si',
      spam: 'solo',
      ordine: 'punteggio',
      pagina: 3,
    });
  });

  it('leaves what it does not understand at its default, never an error', () => {
    expect(
      leadQueryFrom(
        new URLSearchParams(
          'stato=vinto&ricontatto=domani&dal=ieri&al=2026-13&marketing=forse&spam=tutto&ordine=alfabetico&pagina=-2',
        ),
      ),
    ).toEqual({ ...DEFAULT_QUERY, al: '' });
    expect(leadQueryFrom(new URLSearchParams('pagina=1.5')).pagina).toBe(1);
    expect(leadQueryFrom(new URLSearchParams('pagina=0')).pagina).toBe(1);
    expect(leadQueryFrom(new URLSearchParams('pagina=1')).pagina).toBe(1);
    expect(leadQueryFrom(new URLSearchParams('dal=x2026-11-01&al=2026-11-01x'))).toMatchObject({ dal: '', al: '' });
    expect(leadQueryFrom(new URLSearchParams('pagina=2')).pagina).toBe(2);
    expect(leadQueryFrom(new URLSearchParams('pagina=999999999')).pagina).toBe(100_000);
    expect(leadQueryFrom(new URLSearchParams('stato=aperti')).stato).toBe('aperti');
    expect(leadQueryFrom(new URLSearchParams('ordine=ricontatto&spam=inclusi')).ordine).toBe('ricontatto');
  });

  it.each([
    ['ricontatto', ['oggi', 'scaduti', 'settimana']],
    ['marketing', ['si', 'no']],
    ['spam', ['solo', 'inclusi', 'esclusi']],
    ['ordine', ['meno-recenti', 'punteggio', 'ricontatto', 'recenti']],
    ['stato', ['aperti', 'new', 'contacted', 'meeting', 'proposal', 'client', 'not-interested', 'not-relevant']],
  ] as const)('reads every value of %s as itself', (name, values) => {
    for (const value of values) expect(leadQueryFrom(new URLSearchParams({ [name]: value }))[name]).toBe(value);
  });

  it('cuts long texts to their limits', () => {
    const long = 'x'.repeat(500);
    const query = leadQueryFrom(
      new URLSearchParams({ q: long, esito: long, articolo: long, campagna: long, responsabile: long }),
    );
    expect([query.q, query.esito, query.articolo, query.campagna, query.responsabile].map((t) => t.length)).toEqual([
      100, 64, 128, 200, 254,
    ]);
  });

  it('writes back only what differs from the default, with a change applied', () => {
    expect(leadQueryString(DEFAULT_QUERY)).toBe('');
    const query = { ...DEFAULT_QUERY, q: 'Rossi Srl', stato: 'new' as const };
    expect(leadQueryString(query)).toBe('?q=Rossi+Srl&stato=new');
    expect(leadQueryString(query, { pagina: 2 })).toBe('?q=Rossi+Srl&stato=new&pagina=2');
    // It reads back as the same view.
    expect(leadQueryFrom(new URLSearchParams(leadQueryString(query, { pagina: 2 })))).toEqual({ ...query, pagina: 2 });
  });
});
