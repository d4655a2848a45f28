import { describe, it, expect } from 'vitest';
import { issueStartToken, readStartToken } from '../../../src/server/http/start-token.ts';

describe('start tokens as signed', () => {
  const key = Buffer.alloc(32, 7);
  const other = Buffer.alloc(32, 8);
  const token = issueStartToken(key, 'lead', 1_796_000_000_000);

  it.each([
    ['the same form', token, key, 'lead', 'valid'],
    ['another form', token, key, 'comment', 'other-form'],
    ['another key', token, other, 'lead', 'forged'],
    ['a changed time', token.replace('1796000000000', '1796000000001'), key, 'lead', 'forged'],
    ['the old format', `1796000000000.${'a'.repeat(43)}`, key, 'lead', 'legacy'],
    ['garbage', 'lead.x.y', key, 'lead', 'forged'],
    ['nothing', undefined, key, 'lead', 'missing'],
    ['an empty string', '', key, 'lead', 'missing'],
  ] as const)('%s → %s', (_name, given, signingKey, purpose, kind) => {
    expect(readStartToken(signingKey, given, purpose).kind).toBe(kind);
  });

  it('identifies a valid token by a digest, never the token itself', () => {
    const state = readStartToken(key, token, 'lead');
    expect(state).toMatchObject({ kind: 'valid', issuedAt: 1_796_000_000_000 });
    if (state.kind === 'valid') expect(state.digest).not.toContain(token.split('.')[2]);
  });
});
