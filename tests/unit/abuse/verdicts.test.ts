import { describe, it, expect } from 'vitest';
import { tokenReason, type TokenState } from '../../../src/lib/abuse/start-token.ts';
import { REASONS, SPAM, reasonLabel, type Reason } from '../../../src/lib/abuse/reasons.ts';
import { leadVerdict } from '../../../src/lib/leads/verdict.ts';
import { commentVerdict, nameKey, type CommentFacts } from '../../../src/lib/comments/verdict.ts';
import { DEFAULT_RULES } from '../../../src/lib/comments/moderation.ts';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const rules = { minFillSeconds: 5, maxAgeSeconds: 24 * 3600, maxUses: 3 };
const valid = (secondsAgo: number): TokenState => ({ kind: 'valid', issuedAt: NOW - secondsAgo * 1000, digest: 'd' });

describe('what a start token says', () => {
  it.each<[string, TokenState, number, Reason | null]>([
    ['missing', { kind: 'missing' }, 0, 'token-missing'],
    ['forged', { kind: 'forged' }, 0, 'token-forged'],
    ['of the old format', { kind: 'legacy' }, 0, 'token-expired'],
    ['of another form', { kind: 'other-form' }, 0, 'token-other-form'],
    ['a minute old', valid(60), 0, null],
    ['exactly the minimum', valid(5), 0, null],
    ['just under the minimum', valid(4.999), 0, 'too-fast'],
    ['issued this instant', valid(0), 0, 'too-fast'],
    // The clock stepped back between issuing and sending: the age is unknown, not short.
    ['from the future', valid(-120), 0, null],
    ['exactly at the maximum age', valid(24 * 3600), 0, null],
    ['older than the maximum age', valid(24 * 3600 + 1), 0, 'token-expired'],
    ['used twice before', valid(60), 2, null],
    ['used three times before', valid(60), 3, 'token-reused'],
    ['old and reused', valid(24 * 3600 + 1), 9, 'token-expired'],
    ['reused and fast', valid(1), 3, 'token-reused'],
  ])('%s', (_name, state, uses, reason) => {
    expect(tokenReason(state, uses, NOW, rules)).toBe(reason);
  });
});

describe('the lead verdict', () => {
  it.each<[string, Parameters<typeof leadVerdict>[0], ReturnType<typeof leadVerdict>]>([
    ['vouched for', { honeypot: false, isForm: false, token: null }, { kind: 'accept' }],
    ['honeypot filled', { honeypot: true, isForm: false, token: null }, { kind: 'spam', reason: 'honeypot' }],
    [
      'honeypot beats a bad token',
      { honeypot: true, isForm: true, token: 'token-forged' },
      { kind: 'spam', reason: 'honeypot' },
    ],
    [
      'forged token',
      { honeypot: false, isForm: false, token: 'token-forged' },
      { kind: 'spam', reason: 'token-forged' },
    ],
    [
      'a comment token',
      { honeypot: false, isForm: false, token: 'token-other-form' },
      { kind: 'spam', reason: 'token-other-form' },
    ],
    // Our own token troubles: never silent spam, a person looks.
    [
      'no token (JSON)',
      { honeypot: false, isForm: false, token: 'token-missing' },
      { kind: 'review', reason: 'token-missing' },
    ],
    ['too fast', { honeypot: false, isForm: false, token: 'too-fast' }, { kind: 'review', reason: 'too-fast' }],
    ['expired', { honeypot: false, isForm: true, token: 'token-expired' }, { kind: 'review', reason: 'token-expired' }],
    ['reused', { honeypot: false, isForm: false, token: 'token-reused' }, { kind: 'review', reason: 'token-reused' }],
    // The plain form's static page cannot carry a token.
    ['plain form without token', { honeypot: false, isForm: true, token: 'token-missing' }, { kind: 'accept' }],
  ])('%s', (_name, input, verdict) => {
    expect(leadVerdict(input)).toEqual(verdict);
  });
});

describe('the comment verdict', () => {
  const facts = (over: Partial<CommentFacts> = {}): CommentFacts => ({
    honeypot: false,
    token: null,
    name: 'Chiara Neri',
    text: 'Bell’articolo.',
    approvedNames: ['Chiara Neri'],
    siteName: 'Segnalazione Vincente',
    ...over,
  });

  it.each<[string, Partial<CommentFacts>, Partial<typeof DEFAULT_RULES>, ReturnType<typeof commentVerdict>]>([
    ['a known author publishes at once', {}, {}, { status: 'approved' }],
    ['the same name written otherwise is the same author', { name: ' chiara  NERI ' }, {}, { status: 'approved' }],
    ['a first comment waits', { approvedNames: [] }, {}, { status: 'pending', reason: 'first-comment' }],
    // An email is no proof: anyone who knows it could sign as anyone.
    [
      'one of the names approved with this email is enough',
      { approvedNames: ['C. Neri', 'Chiara Neri'] },
      {},
      { status: 'approved' },
    ],
    ['a known email under another name waits', { name: 'Segreteria' }, {}, { status: 'pending', reason: 'other-name' }],
    [
      'the site’s name waits, even with a known email',
      { name: 'Segnalazione Vincente (staff)', approvedNames: ['Segnalazione Vincente (staff)'] },
      {},
      { status: 'pending', reason: 'reserved-name' },
    ],
    [
      'the site’s name disguised waits',
      { name: 'SEGNALAZIONE-vincènte', approvedNames: [] },
      {},
      { status: 'pending', reason: 'reserved-name' },
    ],
    [
      'too many links wait',
      { text: 'https://a.it https://b.it https://c.it' },
      {},
      { status: 'pending', reason: 'too-many-links' },
    ],
    ['two links are fine', { text: 'https://a.it https://b.it' }, {}, { status: 'approved' }],
    ['all comments moderated', {}, { trustApprovedAuthors: false }, { status: 'pending', reason: 'moderate-all' }],
    ['honeypot', { honeypot: true }, {}, { status: 'spam', reason: 'honeypot' }],
    ['forged token', { token: 'token-forged' }, {}, { status: 'spam', reason: 'token-forged' }],
    ['no token waits', { token: 'token-missing' }, {}, { status: 'pending', reason: 'token-missing' }],
    ['too fast waits, never spam', { token: 'too-fast' }, {}, { status: 'pending', reason: 'too-fast' }],
  ])('%s', (_name, over, ruleChanges, verdict) => {
    expect(commentVerdict(facts(over), { ...DEFAULT_RULES, ...ruleChanges })).toEqual(verdict);
  });

  it.each([
    ['Segnalazione Vincente', 'segnalazionevincente'],
    ['Nicolò D’Amico', 'nicolodamico'],
    ['  ÀNNA   ', 'anna'],
  ])('compares names by letters: %j → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('reasons', () => {
  it('has an Italian label for every code, and only bots’ codes are spam', () => {
    for (const [code, label] of Object.entries(REASONS)) {
      expect(reasonLabel(code)).toBe(label);
      expect(label.length).toBeGreaterThan(5);
    }
    expect([...SPAM].sort()).toEqual(['honeypot', 'token-forged', 'token-other-form']);
    expect(reasonLabel('qualcosa di vecchio')).toBe('qualcosa di vecchio');
  });
});
