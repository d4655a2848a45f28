import type { Reason } from './reasons.ts';

/** The forms a start token is issued for: a token of one is no good for the other. */
export type TokenPurpose = 'lead' | 'comment';

/** What the server read in a submission's start token (the signature is checked by the server). */
export type TokenState =
  | { kind: 'missing' }
  | { kind: 'forged' }
  /** The format before tokens had a purpose: a page opened before an update of the site. */
  | { kind: 'legacy' }
  | { kind: 'other-form' }
  /** Signed by us for this form; `digest` identifies it without keeping the token. */
  | { kind: 'valid'; issuedAt: number; digest: string };

export interface TokenRules {
  /** Less than this between opening the form and sending it is faster than a person. */
  minFillSeconds: number;
  /** A token older than this says the page sat open too long to vouch for anything. */
  maxAgeSeconds: number;
  /** Submissions one token may vouch for (a prospect may retake the test a few times). */
  maxUses: number;
}

/**
 * What a start token says about a submission: null when it vouches for it, else why not.
 * `earlierUses` counts the submissions already stored with the same token. A token from
 * the future (the clock stepped back) is not "too fast": the age is unknown, not short.
 */
export function tokenReason(state: TokenState, earlierUses: number, now: number, rules: TokenRules): Reason | null {
  if (state.kind === 'missing') return 'token-missing';
  if (state.kind === 'forged') return 'token-forged';
  if (state.kind === 'legacy') return 'token-expired';
  if (state.kind === 'other-form') return 'token-other-form';
  const age = (now - state.issuedAt) / 1000;
  if (age > rules.maxAgeSeconds) return 'token-expired';
  if (earlierUses >= rules.maxUses) return 'token-reused';
  if (age >= 0 && age < rules.minFillSeconds) return 'too-fast';
  return null;
}
