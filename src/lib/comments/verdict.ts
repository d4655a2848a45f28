import { SPAM, type Reason } from '../abuse/reasons.ts';
import { countLinks, type ModerationRules } from './moderation.ts';

export interface CommentFacts {
  /** The honeypot was filled. */
  honeypot: boolean;
  /** What the start token says (`tokenReason`), null when it vouches for the comment. */
  token: Reason | null;
  name: string;
  text: string;
  /** The names this email signed approved comments with (none: a first comment). */
  approvedNames: string[];
  /** The site's own name, which only the team may sign with. */
  siteName: string;
}

export type CommentVerdict =
  { status: 'approved'; reason?: undefined } | { status: 'pending' | 'spam'; reason: Reason };

/** A name as compared: letters and digits only, without accents or case ("Segnalazione-Vincente!" → "segnalazionevincente"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Where a new comment goes, WordPress-style: a bot's is spam; anything unclear (no or old
 * token, written too fast, too many links, the site's own name) waits for a moderator; it
 * is published at once only when the same name and email were approved before and the
 * rules trust such authors. An email alone proves nothing: anybody may type it.
 */
export function commentVerdict(facts: CommentFacts, rules: ModerationRules): CommentVerdict {
  if (facts.honeypot) return { status: 'spam', reason: 'honeypot' };
  if (facts.token && SPAM.has(facts.token)) return { status: 'spam', reason: facts.token };
  if (facts.token) return { status: 'pending', reason: facts.token };
  const name = nameKey(facts.name);
  if (name.includes(nameKey(facts.siteName))) return { status: 'pending', reason: 'reserved-name' };
  if (countLinks(facts.text) > rules.maxLinks) return { status: 'pending', reason: 'too-many-links' };
  if (!facts.approvedNames.length) return { status: 'pending', reason: 'first-comment' };
  if (!facts.approvedNames.some((n) => nameKey(n) === name)) return { status: 'pending', reason: 'other-name' };
  if (!rules.trustApprovedAuthors) return { status: 'pending', reason: 'moderate-all' };
  return { status: 'approved' };
}
