import { describe, it, expect } from 'vitest';
import { answerField, fieldOf, payloadFromForm } from '../../../src/lib/leads/form-fields.ts';
import { buildPayload, type PayloadParts } from '../../../src/lib/leads/build-payload.ts';

describe('payloadFromForm', () => {
  it('gives an empty form every field, blank or absent', () => {
    expect(payloadFromForm(new URLSearchParams())).toEqual({
      idempotencyKey: undefined,
      quizId: '',
      quizVersion: '',
      answers: {},
      contact: { nome: '', cognome: '', email: '', telefono: undefined, azienda: '', piva: undefined },
      consent: { privacyNoticeVersion: '', privacyTextId: '', marketing: false, marketingTextId: undefined },
      context: { utm: {}, sourceArticle: undefined, landingPath: undefined },
      startToken: undefined,
      website: undefined,
    });
  });

  it('reads every field by its form name', () => {
    const form = new URLSearchParams({
      idempotency_key: 'k'.repeat(16),
      quiz_id: 'test-gratuito',
      quiz_version: '1',
      nome: 'Mario',
      cognome: 'Rossi',
      email: 'mario@azienda.it',
      telefono: '333 1234567',
      azienda: 'Rossi Srl',
      piva: '12345678903',
      privacy_version: '2026-11-29',
      privacy_text: 'lead-privacy-v2',
      marketing: 'on',
      marketing_text: 'lead-marketing-v2',
      utm_source: 'news',
      utm_content: 'banner',
      da: 'definizione-di-networking',
      landing: '/blog/',
      start_token: 'firmato',
      website: 'spam',
    });
    expect(payloadFromForm(form)).toEqual({
      idempotencyKey: 'k'.repeat(16),
      quizId: 'test-gratuito',
      quizVersion: '1',
      answers: {},
      contact: {
        nome: 'Mario',
        cognome: 'Rossi',
        email: 'mario@azienda.it',
        telefono: '333 1234567',
        azienda: 'Rossi Srl',
        piva: '12345678903',
      },
      consent: {
        privacyNoticeVersion: '2026-11-29',
        privacyTextId: 'lead-privacy-v2',
        marketing: true,
        marketingTextId: 'lead-marketing-v2',
      },
      context: {
        utm: { utm_source: 'news', utm_content: 'banner' },
        sourceArticle: 'definizione-di-networking',
        landingPath: '/blog/',
      },
      startToken: 'firmato',
      website: 'spam',
    });
  });

  it('takes the first text value of a field; files are no answers', () => {
    const form = new FormData();
    form.append('nome', new File(['x'], 'nome.txt'));
    form.append('nome', 'Mario');
    form.append('nome', 'Luigi');
    form.append('q.clienti', new File(['x'], 'a.txt'));
    form.append('q.clienti', 'aziende');
    form.append('q.clienti', 'privati');
    form.append('q.settore', '');
    form.append('quiz', 'non-una-domanda');
    const payload = payloadFromForm(form);
    expect(payload.contact.nome).toBe('Mario');
    expect(payload.answers).toEqual({ clienti: ['aziende', 'privati'], settore: [''] });
  });

  it('treats a ticked marketing box with an empty value as ticked', () => {
    expect(payloadFromForm(new URLSearchParams('marketing=x')).consent.marketing).toBe(true);
    expect(payloadFromForm(new URLSearchParams('marketing=')).consent.marketing).toBe(false);
  });
});

describe('fieldOf', () => {
  it.each<[PropertyKey[], string]>([
    [['contact', 'email'], 'email'],
    [['contact'], 'contact'],
    [['answers', 'settore'], 'q.settore'],
    [['answers', 'settore', 0], 'q.settore'],
    [['answers'], 'answers'],
    [['consent', 'privacyNoticeVersion'], 'privacy'],
    [['consent'], 'privacy'],
    [['quizId'], 'quizId'],
    [[], 'form'],
  ])('%j → %s', (path, field) => {
    expect(fieldOf(path)).toBe(field);
  });

  it('names a question’s field q.<id>', () => {
    expect(answerField('settore')).toBe('q.settore');
  });
});

describe('buildPayload', () => {
  const parts: PayloadParts = {
    quiz: { id: 'test-gratuito', version: '1' },
    answers: { settore: ['tecnologia'] },
    contact: {},
    privacy: { version: '2026-11-29', textId: 'lead-privacy-v2' },
    marketing: { accepted: true, textId: 'lead-marketing-v2' },
    context: { utm: {} },
    website: '',
  };

  it.each<[string, PayloadParts['contact'], Record<string, string | undefined>]>([
    [
      'an untouched form: blank texts, no optional fields',
      {},
      { nome: '', cognome: '', email: '', telefono: undefined, azienda: '', piva: undefined },
    ],
    [
      'blank optional fields: absent',
      { nome: 'Mario', cognome: 'Rossi', email: 'm@a.it', telefono: '', azienda: 'Rossi', piva: '' },
      { nome: 'Mario', cognome: 'Rossi', email: 'm@a.it', telefono: undefined, azienda: 'Rossi', piva: undefined },
    ],
    [
      'every field, as typed',
      { nome: 'Mario', cognome: 'Rossi', email: 'm@a.it', telefono: '333', azienda: 'Rossi', piva: '123' },
      { nome: 'Mario', cognome: 'Rossi', email: 'm@a.it', telefono: '333', azienda: 'Rossi', piva: '123' },
    ],
  ])('%s', (_name, contact, expected) => {
    expect(buildPayload({ ...parts, contact }).contact).toEqual(expected);
  });

  it('carries the test, the consent and the honeypot', () => {
    expect(buildPayload({ ...parts, website: 'spam' })).toMatchObject({
      quizId: 'test-gratuito',
      quizVersion: '1',
      answers: { settore: ['tecnologia'] },
      consent: {
        privacyNoticeVersion: '2026-11-29',
        privacyTextId: 'lead-privacy-v2',
        marketing: true,
        marketingTextId: 'lead-marketing-v2',
      },
      context: { utm: {} },
      website: 'spam',
    });
  });
});
