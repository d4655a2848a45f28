import { describe, it, expect } from 'vitest';
import { leadPayloadSchema } from '../../../src/lib/leads/lead-schema.ts';
import { payloadFromForm, fieldOf } from '../../../src/lib/leads/form-fields.ts';
import { buildPayload } from '../../../src/lib/leads/build-payload.ts';
import { attemptFor, fingerprint, randomKey } from '../../../src/lib/leads/idempotency.ts';
import { visitContext } from '../../../src/lib/leads/visit-context.ts';

const parts = {
  quiz: { id: 'test-gratuito', version: '2026-11-29' },
  answers: { settore: ['tecnologia'], clienti: ['aziende', 'privati'] },
  contact: { nome: 'Mario', cognome: 'Rossi', email: 'mario@azienda.it', telefono: '', azienda: 'Rossi Srl', piva: '' },
  privacy: { version: '2026-11-29', textId: 'lead-privacy-v2' },
  marketing: { accepted: false, textId: 'lead-marketing-v2' },
  context: {
    utm: { utm_source: 'newsletter' },
    sourceArticle: 'definizione-di-networking',
    landingPath: '/blog/definizione-di-networking/',
  },
  website: '',
};

describe('the lead payload', () => {
  it('the island builds a payload the server schema accepts', () => {
    const payload = { ...buildPayload(parts), idempotencyKey: randomKey() };
    const parsed = leadPayloadSchema.parse(payload);
    expect(parsed.contact).toEqual({
      nome: 'Mario',
      cognome: 'Rossi',
      email: 'mario@azienda.it',
      azienda: 'Rossi Srl',
    });
    expect(parsed.consent).toEqual({
      privacyNoticeVersion: '2026-11-29',
      privacyTextId: 'lead-privacy-v2',
      marketing: false,
      marketingTextId: 'lead-marketing-v2',
    });
    expect(parsed.context.utm).toEqual({ utm_source: 'newsletter' });
    expect(parsed.website).toBeUndefined();
  });

  it('the plain form maps to the same payload as the island', () => {
    const form = new URLSearchParams([
      ['quiz_id', 'test-gratuito'],
      ['quiz_version', '2026-11-29'],
      ['q.settore', 'tecnologia'],
      ['q.clienti', 'aziende'],
      ['q.clienti', 'privati'],
      ['nome', 'Mario'],
      ['cognome', 'Rossi'],
      ['email', 'mario@azienda.it'],
      ['telefono', ''],
      ['azienda', 'Rossi Srl'],
      ['piva', ''],
      ['privacy_version', '2026-11-29'],
      ['privacy_text', 'lead-privacy-v2'],
      ['marketing_text', 'lead-marketing-v2'],
      ['utm_source', 'newsletter'],
      ['da', 'definizione-di-networking'],
      ['landing', '/blog/definizione-di-networking/'],
      ['website', ''],
    ]);
    const fromForm = leadPayloadSchema.parse(payloadFromForm(form));
    const fromIsland = leadPayloadSchema.parse(buildPayload(parts));
    expect(fromForm).toEqual(fromIsland);
  });

  it('a ticked marketing box is true, an absent one false', () => {
    const base = new URLSearchParams('quiz_id=t&quiz_version=1');
    expect(payloadFromForm(base).consent.marketing).toBe(false);
    base.append('marketing', 'si');
    expect(payloadFromForm(base).consent.marketing).toBe(true);
  });

  it('names the form field of each error', () => {
    const result = leadPayloadSchema.safeParse({
      ...buildPayload(parts),
      contact: { ...parts.contact, email: 'x' },
      consent: {},
      idempotencyKey: 'corta',
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => fieldOf(i.path));
    expect(fields).toEqual(expect.arrayContaining(['email', 'privacy', 'idempotencyKey']));
    expect(fieldOf(['answers', 'settore'])).toBe('q.settore');
  });

  it.each([
    ['a too long UTM value', { context: { utm: { utm_source: 'x'.repeat(201) } } }],
    ['an article id with a slash', { context: { sourceArticle: '../admin' } }],
    ['a start token that is too long', { startToken: 'x'.repeat(201) }],
    ['answers that are not a map', { answers: ['settore'] }],
    ['an answer that is a number', { answers: { settore: 3 } }],
  ])('rejects %s', (_name, change) => {
    expect(leadPayloadSchema.safeParse({ ...buildPayload(parts), ...change }).success).toBe(false);
  });
});

describe('idempotency keys', () => {
  it('are 32 hex characters, different each time', () => {
    const a = randomKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(a);
  });

  it('stay the same across retries of the same content, and change with it', () => {
    let n = 0;
    const newKey = () => `key-${++n}`;
    const first = attemptFor(null, { a: 1, b: [1, 2] }, newKey);
    const retry = attemptFor(first, { b: [1, 2], a: 1 }, newKey);
    expect(retry).toBe(first);
    const changed = attemptFor(retry, { a: 2, b: [1, 2] }, newKey);
    expect(changed.key).toBe('key-2');
  });

  it('fingerprints ignore key order but not array order', () => {
    expect(fingerprint({ a: { x: 1, y: 2 } })).toBe(fingerprint({ a: { y: 2, x: 1 } }));
    expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
  });
});

describe('visit context', () => {
  const test = (query = '') => new URL(`https://www.segnalazionevincente.com/test-gratuito/${query}`);

  it.each([
    [
      "the test page's own UTM and source",
      test('?da=definizione-di-networking&utm_source=news&utm_medium=email'),
      '',
      {
        utm: { utm_source: 'news', utm_medium: 'email' },
        sourceArticle: 'definizione-di-networking',
        landingPath: '/test-gratuito/',
      },
    ],
    [
      'the article read just before, with its UTM',
      test(),
      'https://www.segnalazionevincente.com/blog/definizione-di-networking/?utm_campaign=autunno',
      {
        utm: { utm_campaign: 'autunno' },
        sourceArticle: 'definizione-di-networking',
        landingPath: '/blog/definizione-di-networking/',
      },
    ],
    [
      'nothing from another site',
      test(),
      'https://www.google.com/search?utm_source=x',
      { utm: {}, sourceArticle: undefined, landingPath: '/test-gratuito/' },
    ],
    [
      'nothing from a broken referrer',
      test(),
      'not a url',
      { utm: {}, sourceArticle: undefined, landingPath: '/test-gratuito/' },
    ],
    [
      'no bad source id',
      test('?da=../../admin'),
      '',
      { utm: {}, sourceArticle: undefined, landingPath: '/test-gratuito/' },
    ],
    [
      'no source id that only starts well',
      test('?da=articolo%2F..%2Fadmin'),
      '',
      { utm: {}, sourceArticle: undefined, landingPath: '/test-gratuito/' },
    ],
    [
      'UTM values trimmed and cut at 200 characters; blank ones dropped',
      test(`?utm_source=%20news%20&utm_medium=%20%20&utm_campaign=${'x'.repeat(250)}`),
      '',
      {
        utm: { utm_source: 'news', utm_campaign: 'x'.repeat(200) },
        sourceArticle: undefined,
        landingPath: '/test-gratuito/',
      },
    ],
    [
      "the test page's own UTM win over the article's",
      test('?utm_source=test'),
      'https://www.segnalazionevincente.com/blog/definizione-di-networking/?utm_source=articolo&utm_medium=email',
      {
        utm: { utm_source: 'test' },
        sourceArticle: 'definizione-di-networking',
        landingPath: '/blog/definizione-di-networking/',
      },
    ],
    [
      "the test page's own source wins over the article read before",
      test('?da=altro-articolo'),
      'https://www.segnalazionevincente.com/blog/definizione-di-networking/',
      { utm: {}, sourceArticle: 'altro-articolo', landingPath: '/blog/definizione-di-networking/' },
    ],
    [
      'a page of the site that is no article',
      test(),
      'https://www.segnalazionevincente.com/blog/tag/vendite/?utm_source=x',
      { utm: { utm_source: 'x' }, sourceArticle: undefined, landingPath: '/blog/tag/vendite/' },
    ],
  ])('%s', (_name, page, referrer, expected) => {
    expect(visitContext(page, referrer)).toEqual(expected);
  });
});
