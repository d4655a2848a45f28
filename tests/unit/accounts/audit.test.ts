import { describe, it, expect } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabel, auditToCsv } from '../../../src/lib/accounts/audit.ts';

describe('the audit log as the titolare reads it', () => {
  it('has an Italian phrase for every action, and shows an unknown code as stored', () => {
    expect(auditActionLabel('leads-export')).toBe('ha esportato contatti in CSV');
    expect(auditActionLabel('privacy-erase')).toBe('ha cancellato i dati di una persona');
    expect(auditActionLabel('qualcosa-di-nuovo')).toBe('qualcosa-di-nuovo');
    for (const action of AUDIT_ACTIONS) expect(auditActionLabel(action)).toMatch(/^(ha|è) /);
  });

  it('exports as CSV with Rome times, the phrase and the code, details as JSON', () => {
    const csv = auditToCsv([
      {
        at: '2026-11-29T22:55:51.783Z',
        actor: 'anna@sv.it',
        action: 'lead-update',
        target: 'lead-1',
        detail: { changed: ['stato'] },
      },
      { at: '2026-11-30T08:00:00.000Z', actor: '=cmd', action: 'sign-in-failed', detail: {} },
    ]);
    expect(csv).toBe(
      '\uFEFFquando;chi;cosa;codice;oggetto;dettagli\r\n' +
        '29/11/2026, 23:55;anna@sv.it;ha aggiornato un contatto;lead-update;lead-1;"{""changed"":[""stato""]}"\r\n' +
        "30/11/2026, 09:00;'=cmd;ha sbagliato la password;sign-in-failed;;\r\n",
    );
  });
});
