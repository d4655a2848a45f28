import { describe, it, expect } from 'vitest';
import { callbackLine, callbackPhrase, checkCallback } from '../../../src/lib/leads/callback.ts';
import { callbackEmail } from '../../../src/lib/notify/callback-notification.ts';

const form = (entries: [string, string][]) => new URLSearchParams(entries);

describe('checkCallback', () => {
  it('accepts days (in the week’s order, once each), a time of day and an Italian phone', () => {
    expect(
      checkCallback(
        form([
          ['giorni', 'mer'],
          ['giorni', 'lun'],
          ['giorni', 'mer'],
          ['fascia', 'pomeriggio'],
          ['telefono', '333 123 4567'],
        ]),
      ),
    ).toEqual({ ok: true, request: { days: ['lun', 'mer'], slot: 'pomeriggio', phone: '+393331234567' } });
  });

  it.each<[string, [string, string][], Record<string, string>]>([
    ['nothing', [], { days: 'Scegli almeno un giorno.', slot: 'Scegli una fascia oraria.', phone: expect.any(String) }],
    [
      'an unknown day',
      [
        ['giorni', 'dom'],
        ['fascia', 'sera'],
        ['telefono', '02 1234567'],
      ],
      { days: 'Scegli almeno un giorno.' },
    ],
    [
      'an unknown time of day',
      [
        ['giorni', 'lun'],
        ['fascia', 'notte'],
        ['telefono', '02 1234567'],
      ],
      { slot: 'Scegli una fascia oraria.' },
    ],
    [
      'a phone that is not Italian',
      [
        ['giorni', 'lun'],
        ['fascia', 'sera'],
        ['telefono', '12'],
      ],
      { phone: 'Scrivi un numero di telefono italiano, per esempio 333 123 4567.' },
    ],
  ])('refuses %s, naming the field in Italian', (_, entries, errors) => {
    expect(checkCallback(form(entries))).toEqual({ ok: false, errors });
  });
});

describe('what the team and the prospect read', () => {
  const request = { days: ['lun', 'mer', 'ven'], slot: 'pomeriggio', phone: '+393331234567' };

  it('a line for the team and a phrase for the prospect', () => {
    expect(callbackLine(request)).toBe('Lunedì, Mercoledì, Venerdì · Pomeriggio (14–18) · +39 333 123 4567');
    expect(callbackPhrase(request)).toBe('lunedì, mercoledì o venerdì, di pomeriggio (14–18), al +39 333 123 4567');
    expect(callbackPhrase({ ...request, days: ['gio'], slot: 'sera' })).toBe(
      'giovedì, dopo le 18, al +39 333 123 4567',
    );
  });

  it('an unknown stored time of day is shown as it is', () => {
    expect(callbackLine({ ...request, slot: 'x' })).toContain(' · x · ');
    expect(callbackPhrase({ ...request, slot: 'x' })).toContain(', x, ');
  });

  it('the team’s email names who, when and links the lead, escaping the prospect’s words', () => {
    const mail = callbackEmail(
      { id: 'L1', contact: { nome: 'Mario', cognome: '<Rossi>', email: 'm@a.it', azienda: 'Rossi\nSrl' } },
      request,
      'https://x.it/admin/contatti/L1/',
    );
    expect(mail.subject).toBe('Richiamami: Mario <Rossi>, Rossi Srl');
    expect(mail.text).toBe(
      'Mario <Rossi>, Rossi Srl chiede di essere richiamato.\nQuando: Lunedì, Mercoledì, Venerdì · Pomeriggio (14–18) · +39 333 123 4567\nContatto: https://x.it/admin/contatti/L1/',
    );
    expect(mail.html).toContain('<strong>Mario &lt;Rossi&gt;, Rossi\nSrl</strong>');
    expect(mail.html).toContain('href="https://x.it/admin/contatti/L1/"');
  });
});
