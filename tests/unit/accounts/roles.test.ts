import { describe, it, expect } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_ROUTES, ROLES, ROLE_LABELS, can, mayOpen, permissionFor } from '../../../src/lib/accounts/roles.ts';

/** Every page and endpoint file under src/pages/admin, as the path a browser asks for. */
function adminPaths(dir = 'src/pages/admin'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return adminPaths(file);
    const route = file
      .replace(/^src\/pages/, '')
      .replace(/\.(astro|ts)$/, '')
      .replace(/\/index$/, '')
      .replace(/\[[^\]]+\]/g, 'un-id');
    return [route.includes('.') ? route : `${route}/`];
  });
}

describe('roles', () => {
  it.each([
    ['titolare', ['leads', 'comments', 'publishing', 'content', 'privacy', 'people', 'audit']],
    ['commerciale', ['leads']],
    ['redazione', ['comments', 'publishing', 'content']],
  ] as const)('%s may %j and nothing else', (role, allowed) => {
    const all = ['leads', 'comments', 'publishing', 'content', 'privacy', 'people', 'audit'] as const;
    expect(all.filter((p) => can(role, p))).toEqual(allowed);
  });

  it('knows every route of the team area (a new page must be added to the table)', () => {
    const unknown = adminPaths().filter((p) => p !== '/admin/accesso/' && permissionFor(p) === undefined);
    expect(unknown).toEqual([]);
    expect(adminPaths().length).toBeGreaterThanOrEqual(ADMIN_ROUTES.length);
  });

  it('names each role with what it opens', () => {
    expect(ROLE_LABELS).toEqual({
      titolare: 'titolare (tutto, gestisce le persone)',
      commerciale: 'commerciale (contatti)',
      redazione: 'redazione (commenti e contenuti)',
    });
  });

  const EXAMPLES = [
    '/admin/',
    '/admin/account/',
    '/admin/esci/',
    '/admin/contatti/',
    '/admin/contatti/esporta.csv',
    '/admin/contatti/lead-1/',
    '/admin/statistiche/',
    '/admin/statistiche/esporta.csv',
    '/admin/commenti/',
    '/admin/pubblicazione/',
    '/admin/redazione/',
    '/admin/redazione/api/',
    '/admin/redazione/anteprima/',
    '/admin/privacy/',
    '/admin/privacy/esporta.json',
    '/admin/persone/',
    '/admin/registro/',
    '/admin/registro/esporta.csv',
  ];

  it('has one example here for every route of the table', () => {
    expect(ADMIN_ROUTES.map((r) => EXAMPLES.filter((p) => r.pattern.test(p)).length)).toEqual(
      ADMIN_ROUTES.map(() => 1),
    );
  });

  it.each(EXAMPLES)('knows %s, and nothing that merely ends like it', (p) => {
    expect(permissionFor(p)).not.toBeUndefined();
    expect(permissionFor(`/x${p}`)).toBeUndefined();
  });

  it.each([
    ['/admin/account/altro/', undefined],
    ['/admin/esci/altro/', undefined],
    ['/admin/commenti/altro/', undefined],
    ['/admin/pubblicazione/altro/', undefined],
    ['/admin/redazione/altro/', undefined],
    ['/admin/privacy/altro/', undefined],
    ['/admin/privacy/esporta.jsonx', undefined],
    ['/admin/persone/altro/', undefined],
    ['/admin/registro/altro/', undefined],
    ['/admin/registro/esporta.csv/x', undefined],
    ['/admin/contatti/esporta.csv/x', undefined],
    ['/admin/statistiche/altro/', undefined],
    ['/admin/contatti/esporta.csv/', 'leads'],
    ['/admin/contatti/esporta.csvx/', 'leads'], // a lead id, as far as the table knows
  ])('%s needs %s', (p, permission) => {
    expect(permissionFor(p)).toBe(permission);
  });

  it.each([
    ['/admin/', [true, true, true]],
    ['/admin/account/', [true, true, true]],
    ['/admin/contatti/', [true, true, false]],
    ['/admin/contatti/lead-1/', [true, true, false]],
    ['/admin/contatti/esporta.csv', [true, true, false]],
    ['/admin/statistiche/', [true, true, false]],
    ['/admin/statistiche/esporta.csv', [true, true, false]],
    ['/admin/commenti/', [true, false, true]],
    ['/admin/pubblicazione/', [true, false, true]],
    ['/admin/redazione/', [true, false, true]],
    ['/admin/redazione/api/', [true, false, true]],
    ['/admin/redazione/anteprima/', [true, false, true]],
    ['/admin/privacy/', [true, false, false]],
    ['/admin/privacy/esporta.json', [true, false, false]],
    ['/admin/persone/', [true, false, false]],
    ['/admin/registro/', [true, false, false]],
    ['/admin/registro/esporta.csv', [true, false, false]],
    ['/admin/sconosciuta/', [false, false, false]],
    ['/admin/contatti/a/b/', [false, false, false]],
  ])('%s opens to titolare, commerciale, redazione: %j', (route, expected) => {
    expect(ROLES.map((role) => mayOpen(role, route))).toEqual(expected);
  });
});
