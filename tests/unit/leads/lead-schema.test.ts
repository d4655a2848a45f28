import { describe, it, expect } from 'vitest';
import { leadPayloadSchema, utmSchema } from '../../../src/lib/leads/lead-schema.ts';

const good = {
  quizId: 'test-gratuito',
  quizVersion: '2026-11-29',
  answers: { settore: 'tecnologia', clienti: ['aziende', 'privati'] },
  contact: { nome: 'Mario', cognome: 'Rossi', email: 'mario@azienda.it', azienda: 'Rossi Srl' },
  consent: { privacyNoticeVersion: '2026-11-29', privacyTextId: 'lead-privacy-v2' },
};

type Outcome = { value: unknown } | { error: string };
const REJECTED = 'rejected';

/** A copy of the good lead with the value at `path` replaced (removed when undefined). */
function withValue(path: string[], value: unknown): Record<string, unknown> {
  const lead = structuredClone(good) as Record<string, unknown>;
  let node = lead;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return lead;
}

/** What the schema makes of the value at `path`: the parsed value, or the message of the error there. */
function outcome(path: string[], value: unknown): Outcome {
  const result = leadPayloadSchema.safeParse(withValue(path, value));
  if (result.success)
    return { value: path.reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], result.data) };
  const issue = result.error.issues[0];
  expect(issue.path.slice(0, path.length)).toEqual(path);
  return { error: issue.message };
}

const x = (n: number) => 'x'.repeat(n);
const show = (value: unknown) =>
  typeof value === 'string' && value.length > 40
    ? `"${value.slice(0, 20)}…" (${value.length} characters)`
    : (JSON.stringify(value) ?? 'absent');

describe('the lead payload schema, field by field', () => {
  it('accepts a good lead and fills the defaults', () => {
    expect(leadPayloadSchema.parse(good)).toEqual({
      ...good,
      consent: { ...good.consent, marketing: false },
      context: { utm: {} },
    });
  });

  describe.each<[string, [unknown, Outcome | typeof REJECTED][]]>([
    [
      'idempotencyKey',
      [
        [undefined, { value: undefined }],
        [`Ab_-${x(12)}`, { value: `Ab_-${x(12)}` }],
        [x(64), { value: x(64) }],
        [x(15), { error: 'Chiave di invio non valida.' }],
        [x(65), { error: 'Chiave di invio non valida.' }],
        [`!${x(16)}`, { error: 'Chiave di invio non valida.' }],
        [`${x(16)}!`, { error: 'Chiave di invio non valida.' }],
        [`${x(8)} ${x(8)}`, { error: 'Chiave di invio non valida.' }],
      ],
    ],
    [
      'quizId',
      [
        ['a', { value: 'a' }],
        [`a${x(63)}`, { value: `a${x(63)}` }],
        [`a${x(64)}`, REJECTED],
        ['-test', REJECTED],
        ['Test', REJECTED],
        ['/test', REJECTED],
        ['test/', REJECTED],
        ['', REJECTED],
        [undefined, REJECTED],
      ],
    ],
    [
      'quizVersion',
      [
        [' 2026-11-29 ', { value: '2026-11-29' }],
        [x(40), { value: x(40) }],
        [x(41), REJECTED],
        ['  ', REJECTED],
      ],
    ],
    [
      'answers',
      [
        [{ ' settore ': ' tecnologia ' }, { value: { settore: 'tecnologia' } }],
        [{ clienti: Array(30).fill('aziende') }, { value: { clienti: Array(30).fill('aziende') } }],
        [{ clienti: Array(31).fill('aziende') }, REJECTED],
        [{ settore: x(65) }, REJECTED],
        [{ [x(65)]: 'a' }, REJECTED],
        [{ settore: 3 }, REJECTED],
        [undefined, { error: 'Rispondi alle domande del test.' }],
        [['settore'], { error: 'Rispondi alle domande del test.' }],
      ],
    ],
    [
      'startToken',
      [
        [undefined, { value: undefined }],
        [x(200), { value: x(200) }],
        [x(201), REJECTED],
      ],
    ],
    [
      'website',
      [
        [undefined, { value: undefined }],
        ['', { value: '' }],
        ['spam', { value: 'spam' }],
        [x(2000), { value: x(2000) }],
        [x(2001), REJECTED],
      ],
    ],
  ])('%s', (field, cases) => {
    it.each(cases.map(([value, expected]) => [show(value), value, expected] as const))(
      '%s → %j',
      (_title, value, expected) => {
        const actual = outcome([field], value);
        if (expected === REJECTED) expect(actual).toHaveProperty('error');
        else expect(actual).toEqual(expected);
      },
    );
  });

  it.each<[string[], unknown, Outcome | typeof REJECTED]>([
    [['consent', 'privacyNoticeVersion'], ' 1 ', { value: '1' }],
    [['consent', 'privacyNoticeVersion'], x(40), { value: x(40) }],
    [['consent', 'privacyNoticeVersion'], x(41), REJECTED],
    [['consent', 'privacyNoticeVersion'], ' ', { error: "Manca la versione dell'informativa: ricarica la pagina." }],
    [['consent', 'privacyTextId'], '', REJECTED],
    [['consent', 'privacyTextId'], x(65), REJECTED],
    [['consent', 'marketing'], undefined, { value: false }],
    [['consent', 'marketing'], true, { value: true }],
    [['consent', 'marketing'], 'sì', REJECTED],
    [['consent', 'marketingTextId'], ' lead-marketing-v2 ', { value: 'lead-marketing-v2' }],
    [['consent'], undefined, REJECTED],
    [['context'], undefined, { value: { utm: {} } }],
    [['context', 'utm'], undefined, { value: {} }],
    [['context', 'utm'], { utm_source: ' news ' }, { value: { utm_source: 'news' } }],
    [['context', 'utm'], { utm_source: x(200) }, { value: { utm_source: x(200) } }],
    [['context', 'utm'], { utm_source: x(201) }, REJECTED],
    [['context', 'utm'], { utm_altro: 'x' }, REJECTED],
    [['context', 'sourceArticle'], 'definizione-di-networking', { value: 'definizione-di-networking' }],
    [['context', 'sourceArticle'], `a${x(127)}`, { value: `a${x(127)}` }],
    [['context', 'sourceArticle'], `a${x(128)}`, REJECTED],
    [['context', 'sourceArticle'], '../admin', REJECTED],
    [['context', 'sourceArticle'], 'admin/..', REJECTED],
    [['context', 'landingPath'], ' /blog/ ', { value: '/blog/' }],
    [['context', 'landingPath'], `/${x(299)}`, { value: `/${x(299)}` }],
    [['context', 'landingPath'], `/${x(300)}`, REJECTED],
  ])('%j = %j → %j', (path, value, expected) => {
    const actual = outcome(path, value);
    if (expected === REJECTED) expect(actual).toHaveProperty('error');
    else expect(actual).toEqual(expected);
  });

  it('keeps only the five campaign parameters', () => {
    expect(
      utmSchema.parse({ utm_source: 'a', utm_medium: 'b', utm_campaign: 'c', utm_term: 'd', utm_content: 'e' }),
    ).toEqual({ utm_source: 'a', utm_medium: 'b', utm_campaign: 'c', utm_term: 'd', utm_content: 'e' });
  });
});
