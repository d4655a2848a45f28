import type { ContactRaw } from '../leads/contact-rules.ts';
import type { Attempt } from '../leads/idempotency.ts';
import type { LeadResponse } from '../leads/lead-response.ts';
import type { VisitContext } from '../leads/visit-context.ts';

/** What the island keeps in `sessionStorage` so a reload resumes the test where it was. */
export interface Progress {
  step: number;
  answers: Record<string, string[]>;
  contact: ContactRaw;
  marketing: boolean;
  /** The server's signed start token, kept across reloads so the fill time counts from the first visit. */
  startToken: string;
  context: VisitContext;
  attempt: Attempt | null;
  done: LeadResponse | null;
  /** The furthest step reached, counted once in the anonymous funnel (a beacon per new step). */
  reached?: number;
}

/** One key per test version: a new version starts afresh instead of resuming stale answers. */
export const progressKey = (quizId: string, version: string) => `sv-test:${quizId}:${version}`;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The saved progress, or null when there is none or it cannot be read (private mode, bad JSON). */
export function loadProgress(store: Store | undefined, key: string): Progress | null {
  try {
    const saved = JSON.parse(store?.getItem(key) ?? 'null') as Progress | null;
    return saved && typeof saved.step === 'number' && saved.answers && typeof saved.answers === 'object' ? saved : null;
  } catch {
    return null;
  }
}

/** Saves progress; a full or forbidden storage only loses the resume, never the test. */
export function saveProgress(store: Store | undefined, key: string, progress: Progress): void {
  try {
    // Stryker disable next-line OptionalChaining: without a store the call throws, and the catch below takes it alike
    store?.setItem(key, JSON.stringify(progress));
  } catch {
    // storage unavailable: the test goes on without resume
  }
}

export function clearProgress(store: Store | undefined, key: string): void {
  try {
    // Stryker disable next-line OptionalChaining: without a store the call throws, and the catch below takes it alike
    store?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
